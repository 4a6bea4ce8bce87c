import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of API commands and the attachments of cases (issue 5).
 *
 * `idempotency_keys`: one row per (organisation, user, key). A request claims its key with an
 * insert before the handler runs, so of concurrent duplicates exactly one runs; `created_at`
 * doubles as the claim's ownership token (a stale claim taken over gets a new one). Rows
 * expire (`expires_at`) and are then reusable or purged.
 *
 * `attachments`: the bytes live in PostgreSQL (bytea) behind the AttachmentStore port. Photos,
 * scans and PDFs are already compressed, so the column skips TOAST compression (STORAGE
 * EXTERNAL): compressing them again costs CPU and saves nothing. `size` must equal the stored
 * byte count and `sha256` is recorded in the audit trail, so the bytes can be checked later.
 */
export class IdempotencyAttachments1763800400000 implements MigrationInterface {
  name = 'IdempotencyAttachments1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        organisation_id  text NOT NULL,
        user_id          uuid NOT NULL,
        key              text NOT NULL CHECK (key ~ '^[A-Za-z0-9_.:-]{1,128}$'),
        method           text NOT NULL,
        path             text NOT NULL,
        request_hash     text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        status           text NOT NULL CHECK (status IN ('in_progress', 'done')),
        response_status  integer CHECK (response_status BETWEEN 100 AND 599),
        response_body    jsonb,
        created_at       timestamptz NOT NULL,
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, user_id, key),
        CONSTRAINT idempotency_keys_done_has_response
          CHECK ((status = 'done') = (response_status IS NOT NULL)),
        CONSTRAINT idempotency_keys_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`);

    await q.query(`
      CREATE TABLE attachments (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        case_number      text NOT NULL REFERENCES cases (case_number),
        kind             text NOT NULL CHECK (kind IN ('photo', 'sample_record', 'scan', 'other')),
        filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        content_type     text NOT NULL,
        size             integer NOT NULL CHECK (size > 0),
        sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        data             bytea NOT NULL,
        uploaded_by      uuid NOT NULL,
        uploaded_at      timestamptz NOT NULL,
        CONSTRAINT attachments_size_matches_data CHECK (octet_length(data) = size)
      )`);
    await q.query(`ALTER TABLE attachments ALTER COLUMN data SET STORAGE EXTERNAL`);
    await q.query(
      `CREATE INDEX attachments_case_idx ON attachments (organisation_id, case_number, uploaded_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
