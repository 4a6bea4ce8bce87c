import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CaseEntity } from '../entities/case.entity';
import { TaskEntity } from '../entities/task.entity';
import { encodeInboxCursor, inboxCountSql, inboxPageSql, type InboxQuery } from './inbox-query';

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

export class TasksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Keyed upsert: running it twice leaves one row with the latest state. */
  async upsert(task: TaskRecord): Promise<void> {
    await this.upsertMany([task]);
  }

  async upsertMany(tasks: TaskRecord[]): Promise<void> {
    if (tasks.length === 0) return;
    const now = new Date();
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(TaskEntity)
      .values(tasks.map((t) => ({ ...t, updatedAt: now })))
      .orUpdate(
        [
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
        ],
        ['task_id'],
      )
      .execute();
  }

  findOne(organisationId: string, taskId: string): Promise<TaskEntity | null> {
    return this.ds.getRepository(TaskEntity).findOneBy({ organisationId, taskId });
  }

  /**
   * The inbox: open tasks the user may work, overdue first, then by due instant (tasks without
   * a deadline last). Department tasks are limited to the user's roles. One statement for the
   * page and one for the count, each merging three index-ordered queues (inbox-query.ts).
   */
  async inbox(q: InboxQuery): Promise<InboxPage> {
    const caseMeta = this.ds.getMetadata(CaseEntity);
    const page = inboxPageSql(
      q,
      caseMeta.columns.map((c) => c.databaseName),
    );
    const count = inboxCountSql(q, INBOX_COUNT_CAP);
    const [rows, counted] = await Promise.all([
      this.ds.query(page.text, page.values) as Promise<Array<Record<string, unknown>>>,
      this.ds.query(count.text, count.values) as Promise<Array<{ n: number }>>,
    ]);
    const items = rows.map((r) => this.inboxRow(r));
    const n = counted[0]?.n ?? 0;
    const last = items.at(-1);
    return {
      items,
      total: Math.min(n, INBOX_COUNT_CAP),
      totalCapped: n > INBOX_COUNT_CAP,
      nextCursor: last && items.length === q.limit ? encodeInboxCursor(last) : null,
    };
  }

  /** A raw row (task columns, case columns as `c__<col>`) as entities, like TypeORM maps them. */
  private inboxRow(r: Record<string, unknown>): InboxRow {
    const taskMeta = this.ds.getMetadata(TaskEntity);
    const caseMeta = this.ds.getMetadata(CaseEntity);
    const task = taskMeta.create() as InboxRow;
    for (const col of taskMeta.columns)
      (task as unknown as Record<string, unknown>)[col.propertyName] = fromDb(
        col,
        r[col.databaseName],
      );
    if (r['c__case_number'] == null) {
      task.case = null;
      return task;
    }
    const kase = caseMeta.create() as CaseEntity;
    for (const col of caseMeta.columns)
      (kase as unknown as Record<string, unknown>)[col.propertyName] = fromDb(
        col,
        r[`c__${col.databaseName}`],
      );
    task.case = kase;
    return task;
  }

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

/** A raw value as the entity holds it: through the column's transformer(s), as TypeORM does. */
function fromDb(col: ColumnMetadata, value: unknown): unknown {
  const t = col.transformer;
  if (!t) return value;
  return Array.isArray(t) ? t.reduceRight((v, x) => x.from(v), value) : t.from(value);
}
