import type { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { TaskEntity } from '../entities/task.entity';
import { encodeInboxCursor, inboxCountSql, inboxPageSql, type InboxQuery } from './inbox-query';
import { snapshotUpsertSql, type CaseSnapshotRecord } from './cases.repository';
import { rowPlan, type RowPlan } from './row-plan';

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
   * A case write's tasks and then its snapshot, in one statement: one round trip and one
   * commit instead of two, and the two read models can no longer be seen half-written. The
   * snapshot keeps its guards (organisation, version); the tasks' upsert runs to completion as
   * a data-modifying WITH, whether or not the snapshot is newer.
   */
  async upsertWithSnapshot(tasks: TaskRecord[], snapshot: CaseSnapshotRecord): Promise<void> {
    if (tasks.length === 0) {
      const only = snapshotUpsertSql(snapshot, 0);
      await this.ds.query(only.text, only.values);
      return;
    }
    const written = this.upsertSql(tasks, new Date(), 0);
    const then = snapshotUpsertSql(snapshot, written.values.length);
    await this.ds.query(`WITH written_tasks AS (${written.text}) ${then.text}`, [
      ...written.values,
      ...then.values,
    ]);
  }

  /**
   * The keyed upsert of `tasks` as one statement, its parameters numbered after `offset` others
   * (case-write.ts sends it with the case's snapshot). Built from the entity's columns once, not
   * by TypeORM's insert builder per write: a complaint writes its tasks ~11 times (issue 14).
   * An absent value takes the column's default, as TypeORM's insert did.
   */
  upsertSql(tasks: TaskRecord[], now: Date, offset: number): { text: string; values: unknown[] } {
    const columns = (this.columns ??= this.ds.getMetadata(TaskEntity).columns.map((c) => ({
      name: c.databaseName,
      property: c.propertyName,
      hasDefault: c.default !== undefined,
    })));
    const values: unknown[] = [];
    const rows = tasks.map((t) => {
      const record: Record<string, unknown> = { ...t, updatedAt: now };
      const cells = columns.map((c) => {
        const v = record[c.property];
        if (v === undefined && c.hasDefault) return 'DEFAULT';
        values.push(v ?? null);
        return `$${offset + values.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    const text =
      `INSERT INTO tasks (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES ${rows.join(', ')} ` +
      `ON CONFLICT (task_id) DO UPDATE SET ${TASK_UPDATED_COLUMNS.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}`;
    return { text, values };
  }

  private columns?: Array<{ name: string; property: string; hasDefault: boolean }>;

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
