import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 items 5, 7, 8.
 *
 * `policy_versions` are published, never edited (DOMAIN.md "admins … must never edit a policy in
 * place"): a trigger refuses UPDATE and DELETE, like the audit trail's.
 *
 * `absences`: a user's out-of-office period and the delegate who takes their work over. The
 * API hands the absent user's claimed tasks to the delegate once the period has started
 * (`handed_over_at`, set when a hand-over sweep found nothing left to hand over) and offers the
 * absent user's candidate tasks to the delegate while it lasts. A cancelled absence keeps its row.
 *
 * `organisations`: the tenants, created by `npm run org:create -- <id>` (tools/org-create.ts).
 * Users keep their `organisation_id` text column (no foreign key: organisations seeded before
 * this table existed are registered here from their users).
 */
export class PolicyVersionsAbsencesOrganisations1763801200000 implements MigrationInterface {
  name = 'PolicyVersionsAbsencesOrganisations1763801200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'policy_versions are never edited: % refused', TG_OP
          USING ERRCODE = '42501', HINT = 'publish a new version instead';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER policy_versions_immutable
        BEFORE UPDATE OR DELETE ON policy_versions
        FOR EACH STATEMENT EXECUTE FUNCTION policy_versions_immutable()`);

    await q.query(`
      CREATE TABLE absences (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        user_id          uuid NOT NULL REFERENCES users (id),
        delegate_id      uuid NOT NULL REFERENCES users (id),
        starts_at        timestamptz NOT NULL,
        ends_at          timestamptz NOT NULL,
        reason           text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        cancelled_at     timestamptz,
        handed_over_at   timestamptz,
        CHECK (ends_at > starts_at),
        CHECK (delegate_id <> user_id)
      )`);
    await q.query(
      `CREATE INDEX absences_user_idx ON absences (organisation_id, user_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX absences_delegate_idx ON absences (organisation_id, delegate_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX absences_pending_idx ON absences (starts_at)
        WHERE cancelled_at IS NULL AND handed_over_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE organisations (
        id          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        name        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO organisations (id, name)
        SELECT DISTINCT organisation_id, organisation_id FROM users
        ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP TABLE absences`);
    await q.query(`DROP TRIGGER policy_versions_immutable ON policy_versions`);
    await q.query(`DROP FUNCTION policy_versions_immutable()`);
  }
}
