import type { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { TaskEntity } from '../entities/task.entity';
import { encodeInboxCursor, inboxCountSql, inboxPageSql, type InboxQuery } from './inbox-query';
import { snapshotUpsertSql, type CaseSnapshotRecord } from './cases.repository';
import { rowPlan, type RowPlan } from './row-plan';
import { upsertPlan, type Sql, type UpsertPlan } from './upsert-plan';

export type { InboxQuery } from './inbox-query';

export type TaskRecord = Omit<TaskEntity, 'updatedAt'>;

export interface InboxPage {
  items: InboxRow[];
  /** the number of tasks in the inbox, up to INBOX_COUNT_CAP */
  total: number;
  /** more than INBOX_COUNT_CAP: `total` is the cap */
  totalCapped: boolean;
  /** `after` for the next page; null on the last page */
  nextCursor: string | null;
}

/** Counting stops here: a count of a queue of 250,000 is work no one reads ("1,000+"). */
export const INBOX_COUNT_CAP = 1_000;

/** An inbox row: the task and (when its read model is written) its case. */
export type InboxRow = TaskEntity & { case?: CaseEntity | null };

/** What a task's upsert rewrites; its id, organisation, case and type never change. */
const TASK_UPDATED_COLUMNS = [
  // created_at too: a retried workflow task recomputes it, and the last attempt is history's
  'created_at',
  'stage',
  'candidate_department',
  'candidate_roles',
  'assignee',
  'priority',
  'status',
  'commands',
  'overdue',
  'due_at',
  'due_provisional',
  'escalation_level',
  'escalates_task_id',
  'completed_at',
  'completed_by',
  'updated_at',
];

export class TasksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Keyed upsert: running it twice leaves one row with the latest state. */
  async upsert(task: TaskRecord): Promise<void> {
    await this.upsertMany([task]);
  }

  async upsertMany(tasks: TaskRecord[]): Promise<void> {
    if (tasks.length === 0) return;
    const upsert = this.upsertSql(tasks, new Date(), 0);
    await this.ds.query(upsert.text, upsert.values);
  }

  /**
   * A case write's documents (`documents`: their upsert numbered from $1, DocumentsRepository),
   * its tasks and then its snapshot, in one statement: one round trip and one commit instead
   * of three, and the read models can no longer be seen half-written. The snapshot keeps its
   * guards (organisation, version); the documents' and the tasks' upserts run to completion as
   * data-modifying WITHs, whether or not the snapshot is newer.
   */
  async upsertWithSnapshot(
    tasks: TaskRecord[],
    snapshot: CaseSnapshotRecord,
    documents?: Sql,
  ): Promise<void> {
    const withs: string[] = [];
    const values: unknown[] = [];
    if (documents) {
      withs.push(`written_documents AS (${documents.text})`);
      values.push(...documents.values);
    }
    if (tasks.length > 0) {
      const written = this.upsertSql(tasks, new Date(), values.length);
      withs.push(`written_tasks AS (${written.text})`);
      values.push(...written.values);
    }
    const then = snapshotUpsertSql(snapshot, values.length);
    values.push(...then.values);
    await this.ds.query(
      withs.length > 0 ? `WITH ${withs.join(', ')} ${then.text}` : then.text,
      values,
    );
  }

  /**
   * The keyed upsert of `tasks` as one statement, its parameters numbered after `offset` others
   * (upsertWithSnapshot sends it with the case's snapshot; upsert-plan.ts).
   */
  upsertSql(tasks: TaskRecord[], now: Date, offset: number): Sql {
    this.upserts ??= upsertPlan(this.ds, TaskEntity, {
      table: 'tasks',
      conflict: ['task_id'],
      updated: TASK_UPDATED_COLUMNS,
    });
    return this.upserts.sql(
      tasks.map((t) => ({ ...t, updatedAt: now })),
      offset,
    );
  }

  private upserts?: UpsertPlan<TaskEntity>;

  /** The task row of every task command (rowPlan: no per-call query building). */
  async findOne(organisationId: string, taskId: string): Promise<TaskEntity | null> {
    const plan = this.inboxPlan().task;
    const rows = (await this.ds.query(
      `SELECT ${plan.select('t')} FROM tasks t WHERE t.organisation_id = $1 AND t.task_id = $2`,
      [organisationId, taskId],
    )) as Array<Record<string, unknown>>;
    return rows[0] ? plan.read(rows[0]) : null;
  }

  /**
   * The inbox: open tasks the user may work, overdue first, then by due instant (tasks without
   * a deadline last). Department tasks are limited to the user's roles. One statement for the
   * page and one for the count, each merging three index-ordered queues (inbox-query.ts).
   */
  async inbox(q: InboxQuery): Promise<InboxPage> {
    const plan = this.inboxPlan();
    const page = inboxPageSql(q, plan.caseColumns);
    const count = inboxCountSql(q, INBOX_COUNT_CAP);
    const [rows, counted] = await Promise.all([
      this.ds.query(page.text, page.values) as Promise<Array<Record<string, unknown>>>,
      this.ds.query(count.text, count.values) as Promise<Array<{ n: number }>>,
    ]);
    const items = rows.map((r) => inboxRow(plan, r));
    const n = counted[0]?.n ?? 0;
    const last = items.at(-1);
    return {
      items,
      total: Math.min(n, INBOX_COUNT_CAP),
      totalCapped: n > INBOX_COUNT_CAP,
      nextCursor: last && items.length === q.limit ? encodeInboxCursor(last) : null,
    };
  }

  /**
   * How an inbox row's columns become entity properties, worked out once from the metadata: a
   * page maps 30–50 rows of ~55 columns, and looking the metadata up and building the `c__`
   * names per row and column made the mapping two thirds of the repository's CPU on the inbox
   * (issue 14 #3, a V8 profile of bench:inbox).
   */
  private inboxPlan(): InboxPlan {
    if (this.plan) return this.plan;
    const kase = rowPlan(this.ds, CaseEntity);
    this.plan = {
      task: rowPlan(this.ds, TaskEntity),
      kase,
      caseColumns: kase.columns.map((c) => c.key),
    };
    return this.plan;
  }

  private plan?: InboxPlan;

  /** The open tasks a user holds (claimed by or delegated to them), oldest first. */
  claimedBy(organisationId: string, userId: string): Promise<TaskEntity[]> {
    return this.ds.getRepository(TaskEntity).find({
      where: { organisationId, assignee: userId, status: 'claimed' },
      order: { createdAt: 'ASC', taskId: 'ASC' },
    });
  }

  /**
   * A department's board: every open or claimed task of the department, whoever holds it,
   * overdue first, then by due instant (a lead's view; access is the API's).
   */
  board(organisationId: string, department: string, limit: number): Promise<TaskEntity[]> {
    return this.ds
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.organisation_id = :org', { org: organisationId })
      .andWhere(`t.status IN ('open', 'claimed')`)
      .andWhere('t.candidate_department = :dept', { dept: department })
      .orderBy('t.overdue', 'DESC')
      .addOrderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.task_id', 'ASC')
      .take(limit)
      .getMany();
  }

  forCase(organisationId: string, caseNumber: string): Promise<TaskEntity[]> {
    return this.ds.getRepository(TaskEntity).find({
      where: { organisationId, caseNumber },
      order: { createdAt: 'ASC', taskId: 'ASC' },
    });
  }
}

interface InboxPlan {
  task: RowPlan<TaskEntity>;
  kase: RowPlan<CaseEntity>;
  caseColumns: string[];
}

/** A raw row (task columns, case columns as `c__<col>`) as entities, like TypeORM maps them. */
function inboxRow(plan: InboxPlan, r: Record<string, unknown>): InboxRow {
  const task: InboxRow = plan.task.read(r);
  task.case = r['c__case_number'] == null ? null : plan.kase.read(r, 'c__');
  return task;
}
