import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The monthly review's case numbers (YS, 001 §28): a sequence like the other prefixes'. */
export class ReviewNumberSequence1763801600000 implements MigrationInterface {
  name = 'ReviewNumberSequence1763801600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE IF NOT EXISTS case_number_seq_ys START 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE IF EXISTS case_number_seq_ys`);
  }
}
