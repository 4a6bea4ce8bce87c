import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail. Append-only is enforced twice: a trigger refuses
 * UPDATE, DELETE and TRUNCATE for every role including the owner (only a superuser can disable
 * it), and no privilege to do so is left to PUBLIC, so an application role is granted
 * SELECT, INSERT and nothing more. No role is created here: roles belong to the deployment.
 */
export class AuditTrail1763800100000 implements MigrationInterface {
  name = 'AuditTrail1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        organisation_id text NOT NULL,
        case_number     text NOT NULL,
        seq             integer NOT NULL CHECK (seq > 0),
        -- The hash covers occurredAt as a millisecond ISO string (what a JS Date holds), so
        -- finer digits could be changed without the chain noticing: refuse them.
        occurred_at     timestamptz NOT NULL CHECK (occurred_at = date_trunc('milliseconds', occurred_at)),
        actor           text NOT NULL,
        action          text NOT NULL,
        data            jsonb NOT NULL,
        policy_version  integer,
        prev_hash       text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_events_pkey PRIMARY KEY (case_number, seq)
      )`);
    await q.query(
      `CREATE INDEX audit_events_org_case_seq_idx ON audit_events (organisation_id, case_number, seq)`,
    );
    // 42501 (insufficient_privilege): callers treat it like a refused grant, the message says why.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
          USING ERRCODE = '42501', HINT = 'audit events are never changed; append a correcting event instead';
      END
      $$`);
    // Statement level, so even an UPDATE/DELETE that matches no row is refused, and TRUNCATE
    // (which fires no row triggers) is covered by the same trigger.
    await q.query(`
      CREATE TRIGGER audit_events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE audit_events`);
  }
}
