import type { MigrationInterface, QueryRunner } from 'typeorm';

/** F17 003 §四.4: the improvement measures' case numbers (GJ), a sequence like the other prefixes'. */
export class ImprovementNumberSequence1763803700000 implements MigrationInterface {
  name = 'ImprovementNumberSequence1763803700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE IF NOT EXISTS case_number_seq_gj START 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE IF EXISTS case_number_seq_gj`);
  }
}
