import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox at a million tasks (issue 14 #3, repositories/inbox-query.ts): one partial index
 * per queue, keyed in inbox order — NOT overdue, due instant (none = ∞), task id — so each
 * queue's page is the first rows of an index range and a keyset page starts where the last
 * ended. Only open and claimed tasks are indexed: the done ones (most rows of a busy
 * organisation) never reach an inbox. The queue index carries the candidate roles, so the
 * role filter is read from the index.
 */
export class InboxKeysetIndexes1763802500000 implements MigrationInterface {
  name = 'InboxKeysetIndexes1763802500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_inbox_held_idx ON tasks
         (organisation_id, assignee, (NOT overdue), (coalesce(due_at, 'infinity'::timestamptz)), task_id)
       WHERE status IN ('open', 'claimed') AND assignee IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tasks_inbox_queue_idx ON tasks
         (organisation_id, candidate_department, (NOT overdue), (coalesce(due_at, 'infinity'::timestamptz)), task_id)
       INCLUDE (candidate_roles)
       WHERE status IN ('open', 'claimed') AND assignee IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_inbox_queue_idx`);
    await q.query(`DROP INDEX tasks_inbox_held_idx`);
  }
}
