import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local users and their refresh tokens (issue 5). A user belongs to one organisation (tenant);
 * usernames are unique per organisation, case-insensitively, so `CS-01` and `cs-01` cannot
 * both exist. Refresh tokens are stored as SHA-256 hashes only: a database leak yields no
 * usable token. `token_version` is bumped on deactivation or a role change, which revokes every
 * refresh token issued before (access tokens are short-lived and re-read the user anyway).
 */
export class Users1763800300000 implements MigrationInterface {
  name = 'Users1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id                 uuid PRIMARY KEY,
        organisation_id    text NOT NULL,
        username           text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        display_name       text NOT NULL,
        password_hash      text NOT NULL,
        department         text NOT NULL,
        roles              text[] NOT NULL CHECK (cardinality(roles) > 0),
        approval_limit_fen bigint CHECK (approval_limit_fen IS NULL OR approval_limit_fen >= 0),
        active             boolean NOT NULL DEFAULT true,
        token_version      integer NOT NULL DEFAULT 0,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_org_username_key UNIQUE (organisation_id, username)
      )`);
    await q.query(`CREATE INDEX users_org_department_idx ON users (organisation_id, department)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id             uuid PRIMARY KEY,
        user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash     text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        token_version  integer NOT NULL,
        issued_at      timestamptz NOT NULL,
        expires_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        replaced_by    uuid
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
