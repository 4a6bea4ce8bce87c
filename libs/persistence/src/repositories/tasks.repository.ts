import type { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { TaskEntity } from '../entities/task.entity';

export type TaskRecord = Omit<TaskEntity, 'updatedAt'>;

export interface InboxQuery {
  organisationId: string;
  department: string;
  roles: readonly string[];
  userId: string;
  /** 'mine' = claimed by / delegated to me; 'department' = my department's unclaimed tasks; 'all' = both */
  scope: 'mine' | 'department' | 'all';
  type?: string;
  caseNumber?: string;
  overdueOnly?: boolean;
  /** the case's type (complaint, return, repair, …) */
  caseType?: string;
  /** due instant within [dueFrom, dueTo] (either end optional; tasks without a due date drop out) */
  dueFrom?: Date;
  dueTo?: Date;
  /** a case number fragment, a customer name fragment, or ≥ 4 digits of the customer's phone */
  search?: string;
  limit: number;
  offset: number;
}

/** An inbox row: the task and (when its read model is written) its case. */
export type InboxRow = TaskEntity & { case?: CaseEntity | null };

const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
   * a deadline last). Department tasks are limited to the user's roles.
   */
  async inbox(q: InboxQuery): Promise<{ items: InboxRow[]; total: number }> {
    const qb = this.ds
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .leftJoinAndMapOne(
        't.case',
        CaseEntity,
        'c',
        'c.organisation_id = t.organisation_id AND c.case_number = t.case_number',
      )
      .where('t.organisation_id = :org', { org: q.organisationId })
      .andWhere(`t.status IN ('open', 'claimed')`);
    const mine = 't.assignee = :user';
    // No candidate roles = any working role of the department (the domain's convention);
    // auditors and admins are not workers, so such tasks never reach their queue.
    const rolesFit =
      '(t.candidate_roles && :roles::text[] OR (cardinality(t.candidate_roles) = 0 AND :worker))';
    const department = `t.assignee IS NULL AND t.candidate_department = :dept AND ${rolesFit}`;
    const roleOnly =
      't.assignee IS NULL AND t.candidate_department IS NULL AND (t.candidate_roles && :roles::text[])';
    const scopes = {
      mine: `(${mine})`,
      department: `(${department} OR ${roleOnly})`,
      all: `(${mine} OR ${department} OR ${roleOnly})`,
    } as const;
    const worker = q.roles.some((r) => r !== 'auditor' && r !== 'admin');
    qb.andWhere(scopes[q.scope], {
      user: q.userId,
      dept: q.department,
      roles: [...q.roles],
      worker,
    });
    if (q.type) qb.andWhere('t.type = :type', { type: q.type });
    if (q.caseNumber) qb.andWhere('t.case_number = :cn', { cn: q.caseNumber });
    if (q.overdueOnly) qb.andWhere('t.overdue = true');
    if (q.caseType) qb.andWhere('c.type = :caseType', { caseType: q.caseType });
    if (q.dueFrom) qb.andWhere('t.due_at >= :dueFrom', { dueFrom: q.dueFrom });
    if (q.dueTo) qb.andWhere('t.due_at <= :dueTo', { dueTo: q.dueTo });
    const search = q.search?.trim();
    if (search) {
      const digits = search.replace(/\D/g, '');
      const phone =
        digits.length >= 4 && /^[\d\s+-]+$/.test(search)
          ? ` OR regexp_replace(coalesce(c.customer_phone, ''), '\\D', '', 'g') LIKE :digits`
          : '';
      qb.andWhere(`(t.case_number ILIKE :like OR c.customer_name ILIKE :like${phone})`, {
        like: likePattern(search),
        digits: `%${digits}%`,
      });
    }
    const [items, total] = await qb
      .orderBy('t.overdue', 'DESC')
      .addOrderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.task_id', 'ASC')
      // limit/offset, not take/skip: the join is to-one (a task's case), so rows stay tasks.
      .limit(q.limit)
      .offset(q.offset)
      .getManyAndCount();
    return { items, total };
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
