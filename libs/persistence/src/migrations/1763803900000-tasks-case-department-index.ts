import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 #3: the case list of a user who does not see every case walks the organisation's
 * cases newest first and checks, per case, whether they opened it or their department has a
 * task on it (cases.repository list). With the department and the organisation in the tasks'
 * case index, the task probe is an index-only scan instead of a heap visit per task; with the
 * opener and the case number in the cases' opened-at index, the walk needs no heap visit for a
 * case whose page is all-visible. The new tasks index starts with case_number, so it serves
 * every lookup of a case's tasks the old one did; the cases index keeps its key columns.
 */
export class TasksCaseDepartmentIndex1763803900000 implements MigrationInterface {
  name = 'TasksCaseDepartmentIndex1763803900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_case_department_idx ON tasks (case_number, candidate_department, organisation_id)`,
    );
    await q.query(`DROP INDEX tasks_case_idx`);
    await q.query(
      `CREATE INDEX cases_org_opened_visibility_idx ON cases (organisation_id, opened_at) INCLUDE (opened_by, case_number)`,
    );
    await q.query(`DROP INDEX cases_org_opened_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_org_opened_idx ON cases (organisation_id, opened_at)`);
    await q.query(`DROP INDEX cases_org_opened_visibility_idx`);
    await q.query(`CREATE INDEX tasks_case_idx ON tasks (case_number)`);
    await q.query(`DROP INDEX tasks_case_department_idx`);
  }
}
