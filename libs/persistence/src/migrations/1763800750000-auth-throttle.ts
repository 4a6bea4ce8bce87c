import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of failed logins and refreshes (per account, per address), shared by every API
 * instance. The shape is the one rate-limiter-flexible's Postgres store reads and writes
 * (key = "<prefix>:<key>", points consumed, expiry in epoch milliseconds); created here so the
 * API never issues DDL at runtime (the limiter is built with `tableCreated: true`).
 */
export const AUTH_THROTTLE_TABLE = 'auth_throttle';

export class AuthThrottle1763800750000 implements MigrationInterface {
  name = 'AuthThrottle1763800750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE ${AUTH_THROTTLE_TABLE} (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${AUTH_THROTTLE_TABLE}`);
  }
}
