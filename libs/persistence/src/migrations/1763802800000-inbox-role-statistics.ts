import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured at 100,000 tasks (npm run bench:inbox): the planner read the department queue by a
 * bitmap and sorted it, because it took "no candidate roles" (`cardinality(candidate_roles) =
 * 0`, most tasks) for 0.5 % of rows; statistics on that expression let it walk the queue index
 * in order and stop after a page. Role-only tasks (no department: the VP's, the GM's) are
 * found by role through a GIN index over the few of them, not by reading all of them.
 */
export class InboxRoleStatistics1763802800000 implements MigrationInterface {
  name = 'InboxRoleStatistics1763802800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE STATISTICS tasks_roles_cardinality_stats ON (cardinality(candidate_roles)) FROM tasks`,
    );
    await q.query(
      `CREATE INDEX tasks_inbox_role_only_idx ON tasks USING gin (candidate_roles)
       WHERE status IN ('open', 'claimed') AND assignee IS NULL AND candidate_department IS NULL`,
    );
    await q.query(`ANALYZE tasks`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_inbox_role_only_idx`);
    await q.query(`DROP STATISTICS tasks_roles_cardinality_stats`);
  }
}
