import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exactly-once opening and fast crash recovery (issue 8 #4, #5).
 *
 * `case_intents`: the first thing `POST /complaints` commits, in one statement: the case number
 * drawn for an (organisation, user, idempotency key). A retry with the same key finds the row and
 * gets the same number back, whatever happened after (crash, PostgreSQL outage, lost response);
 * the workflow id is that number, so the retry attaches to the workflow instead of opening a
 * second case. `created_at` is the case's report instant, so a retry starts the very same input.
 *
 * `idempotency_keys.heartbeat_at`: the live holder of an in-progress claim refreshes it every
 * second; a claim whose heartbeat is a few seconds old belongs to a dead process and may be
 * taken over (before: 5 minutes after the claim, whatever the holder's health).
 */
export class CaseIntentsClaimHeartbeat1763800800000 implements MigrationInterface {
  name = 'CaseIntentsClaimHeartbeat1763800800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_intents (
        organisation_id  text NOT NULL,
        scope_user_id    text NOT NULL,
        idempotency_key  text NOT NULL,
        request_hash     text NOT NULL,
        case_number      text NOT NULL UNIQUE,
        created_at       timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, scope_user_id, idempotency_key)
      )`);
    await q.query(
      `ALTER TABLE idempotency_keys ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`,
    );
    await q.query(`UPDATE idempotency_keys SET heartbeat_at = created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN heartbeat_at`);
    await q.query(`DROP TABLE case_intents`);
  }
}
