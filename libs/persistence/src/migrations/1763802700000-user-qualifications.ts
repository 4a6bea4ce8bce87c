import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * F18 004 八.(一)3: a new follow-up caller is trained and passes before they start. The
 * qualifications an admin grants a user; `follow_up_caller` lets them take follow-up calls.
 * CS people already on the job when this ships keep calling (they are the trained callers);
 * everyone created from now on starts without it.
 */
export class UserQualifications1763802700000 implements MigrationInterface {
  name = 'UserQualifications1763802700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN IF NOT EXISTS qualifications text[] NOT NULL DEFAULT '{}'`,
    );
    await q.query(
      `UPDATE users SET qualifications = ARRAY['follow_up_caller']::text[]
        WHERE department = 'cs' AND active AND NOT ('follow_up_caller' = ANY (qualifications))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS qualifications`);
  }
}
