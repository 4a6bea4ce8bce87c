import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * X10 (000 §六.1 投诉率, count and share): the complaint rate needs a sales denominator. Sales
 * (or an admin) records each month's sales volume per organisation: units sold and, optionally,
 * orders. One row per (organisation, month); a later entry replaces it (who and when kept).
 */
export class SalesVolumes1763803300000 implements MigrationInterface {
  name = 'SalesVolumes1763803300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_volumes (
        organisation_id  text NOT NULL,
        month            char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        units            integer NOT NULL CHECK (units >= 0),
        orders           integer CHECK (orders >= 0),
        recorded_by      text NOT NULL,
        recorded_at      timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_volumes`);
  }
}
