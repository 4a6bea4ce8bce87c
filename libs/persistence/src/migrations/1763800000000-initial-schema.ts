import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases and the inbox, plus one number sequence per case prefix (001 §21). */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        case_number        text PRIMARY KEY,
        organisation_id    text NOT NULL,
        type               text NOT NULL,
        status             text NOT NULL,
        stage              text NOT NULL,
        customer_name      text NOT NULL,
        customer_phone     text,
        order_number       text NOT NULL,
        defect_description text NOT NULL,
        quantity           integer NOT NULL CHECK (quantity > 0),
        classification     text,
        severity           text,
        opened_by          text NOT NULL,
        opened_at          timestamptz NOT NULL,
        accepted_at        timestamptz,
        updated_at         timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_org_opened_idx ON cases (organisation_id, opened_at)`);
    await q.query(`
      CREATE TABLE tasks (
        task_id              text PRIMARY KEY,
        organisation_id      text NOT NULL,
        case_number          text NOT NULL REFERENCES cases (case_number),
        type                 text NOT NULL,
        candidate_department text NOT NULL,
        candidate_role       text NOT NULL,
        assignee             text,
        priority             integer NOT NULL,
        status               text NOT NULL,
        overdue              boolean NOT NULL DEFAULT false,
        due_at               timestamptz NOT NULL,
        created_at           timestamptz NOT NULL,
        completed_at         timestamptz,
        completed_by         text
      )`);
    await q.query(
      `CREATE INDEX tasks_inbox_idx ON tasks (organisation_id, candidate_department, status, due_at)`,
    );
    await q.query(`CREATE INDEX tasks_case_idx ON tasks (case_number)`);
    for (const prefix of ['ks', 'th', 'wx', 'dx', 'hf']) {
      await q.query(`CREATE SEQUENCE case_number_seq_${prefix} START 1`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const prefix of ['ks', 'th', 'wx', 'dx', 'hf']) {
      await q.query(`DROP SEQUENCE case_number_seq_${prefix}`);
    }
    await q.query(`DROP TABLE tasks`);
    await q.query(`DROP TABLE cases`);
  }
}
