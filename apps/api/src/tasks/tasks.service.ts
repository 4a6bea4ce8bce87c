import { Inject, Injectable } from '@nestjs/common';
import type { CaseActor, CompleteTaskResult, TaskView } from '@aso/contracts';
import {
  DepartmentCalendars,
  calendarSettingsSchema,
  defaultCalendarSettings,
  defaultHolidayTables,
  DomainError,
  isCaseNumber,
  mayReceive,
  TASK_LEADS,
  type Department,
} from '@aso/domain';
import {
  CasesRepository,
  DocumentsRepository,
  PoliciesRepository,
  TasksRepository,
  type InboxRow,
  toTaskView,
  UsersRepository,
  type InboxQuery,
  type TaskEntity,
} from '@aso/persistence';
import { CaseGateway, WorkflowRejection } from '@aso/temporal';
import {
  assertMayClaimTask,
  assertMayReassignTask,
  assertMayReceiveTask,
  assertMayWorkTask,
  assertWithinPersonalLimit,
  taskFactsOf,
} from '../auth/access-policy';
import { toAuthUser, toCaseActor, type AuthUser } from '../auth/auth-user';
import { ApiError, isCodedError, isRefusal, statusOf } from '../common/api-error';
import { AuditService } from '../audit/audit.service';
import { assertQualifiedFor, qualificationFor } from '../auth/qualifications';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';

/** The inbox query less who asks (that comes from the token). */
export type InboxFilter = Omit<InboxQuery, 'organisationId' | 'department' | 'roles' | 'userId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An inbox row as the API answers it (tasks.dto.ts inboxItemSchema). */
export interface InboxItem extends TaskView {
  caseType: string | null;
  customer: { name: string; phone: string | null } | null;
  remainingBusinessMs: number | null;
}

/** Someone a task may be handed to (tasks.dto.ts delegateCandidateSchema). */
export interface DelegateCandidate {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
}

/** Approval commands whose amount is checked against the approver's personal limit up front. */
const LIMITED_APPROVALS = new Set(['ApproveResolution']);

/**
 * Human-task commands. Access is checked here first (organisation from the token, read-only
 * auditors, department, roles, task state, personal limit), then again by the workflow's
 * update validator, which is the authority. Every refusal is recorded in the case's audit trail.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly cases: CasesRepository,
    private readonly users: UsersRepository,
    private readonly documents: DocumentsRepository,
    private readonly gateway: CaseGateway,
    private readonly audit: AuditService,
    private readonly policies: PoliciesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Calendars by organisation and policy version (a version is never edited: cached for good). */
  private readonly calendars = new Map<string, Promise<DepartmentCalendars>>();

  async inbox(
    user: AuthUser,
    filter: InboxFilter,
  ): Promise<{
    items: InboxItem[];
    total: number;
    totalCapped: boolean;
    nextCursor: string | null;
  }> {
    const { items, ...page } = await this.tasks.inbox({
      organisationId: user.organisationId,
      department: user.department,
      roles: user.roles,
      userId: user.id,
      ...filter,
    });
    const now = this.clock();
    return {
      items: await Promise.all(items.map((row) => this.inboxItem(user.organisationId, row, now))),
      ...page,
    };
  }

  private async inboxItem(organisationId: string, row: InboxRow, now: Date): Promise<InboxItem> {
    const { case: kase, ...task } = row;
    const view = toTaskView(task as TaskEntity);
    let remainingBusinessMs: number | null = null;
    if (row.dueAt) {
      const calendar = (await this.calendarOf(organisationId, kase?.policyVersion ?? null)).of(
        row.candidateDepartment,
      );
      try {
        remainingBusinessMs =
          row.dueAt.getTime() >= now.getTime()
            ? calendar.workingTimeBetween(now, row.dueAt).ms
            : -calendar.workingTimeBetween(row.dueAt, now).ms;
      } catch {
        remainingBusinessMs = null; // beyond the calendar's range: shown as the due date only
      }
    }
    return {
      ...view,
      caseType: kase?.type ?? null,
      customer: kase ? { name: kase.customerName, phone: maskPhone(kase.customerPhone) } : null,
      remainingBusinessMs,
    };
  }

  /**
   * The case's policy calendars (its working hours and weekend, a department's own week:
   * Decision 7), China's holiday tables.
   */
  private calendarOf(organisationId: string, version: number | null): Promise<DepartmentCalendars> {
    const key = `${organisationId}:${version ?? '-'}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      calendar = (async () => {
        const policy = version === null ? null : await this.policies.find(organisationId, version);
        const parsed = calendarSettingsSchema.safeParse(policy?.content?.calendar);
        return new DepartmentCalendars(
          parsed.success ? parsed.data : defaultCalendarSettings,
          defaultHolidayTables,
        );
      })();
      calendar.catch(() => this.calendars.delete(key));
      this.calendars.set(key, calendar);
    }
    return calendar;
  }

  /**
   * Active users of the organisation the task could be handed to (the rule book's
   * `mayReceive`, as delegate checks it), without the asker. Only someone who may hand the
   * task on asks; others get the rule book's refusal.
   */
  async delegates(
    user: AuthUser,
    taskId: string,
    taskRow?: TaskEntity | null,
  ): Promise<{ items: DelegateCandidate[] }> {
    const task = await this.findWorkable(user.organisationId, taskId, taskRow);
    assertMayReassignTask(user, task, 'delegate');
    const facts = taskFactsOf(task);
    const users = await this.users.list(user.organisationId);
    const items = users
      .filter((u) => u.active && u.id !== user.id)
      .map((u) => toAuthUser(u))
      .filter((u) => mayReceive(facts, toCaseActor(u)).ok)
      .filter((u) => {
        // F18: a follow-up call goes only to a trained caller
        const needed = qualificationFor(task.type);
        return needed === undefined || u.qualifications.includes(needed);
      })
      .map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        department: u.department,
        roles: [...u.roles],
      }));
    return { items };
  }

  /**
   * A lead's board (issue 11, managers): every open or claimed task of the department and the
   * department's active people. Department leads see their own department; company-wide leads
   * (VP, GM) any. Others are refused (WRONG_ROLE) before anything is read.
   */
  async board(
    user: AuthUser,
    q: { department?: Department; limit: number },
  ): Promise<{
    department: Department;
    items: TaskView[];
    people: Array<{ id: string; username: string; displayName: string; roles: string[] }>;
  }> {
    const leads = TASK_LEADS.filter((l) => user.roles.includes(l.role));
    if (leads.length === 0)
      throw new DomainError('WRONG_ROLE', 'The board is for leads of a department', {
        userId: user.id,
        requiredRoles: TASK_LEADS.map((l) => l.role),
        actualRoles: [...user.roles],
      });
    const department = q.department ?? user.department;
    if (department !== user.department && !leads.some((l) => l.scope === 'company'))
      throw new DomainError('WRONG_ROLE', 'Only the VP in charge and the GM see other boards', {
        userId: user.id,
        department,
        requiredRoles: TASK_LEADS.filter((l) => l.scope === 'company').map((l) => l.role),
        actualRoles: [...user.roles],
      });
    const [tasks, users] = await Promise.all([
      this.tasks.board(user.organisationId, department, q.limit),
      this.users.list(user.organisationId),
    ]);
    return {
      department,
      items: tasks.map(toTaskView),
      people: users
        .filter((u) => u.active && u.department === department)
        .map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: [...u.roles],
        })),
    };
  }

  complete(
    user: AuthUser,
    ctx: CommandContext,
    taskId: string,
    command: { type: string },
    comment?: string,
  ): Promise<CompleteTaskResult> {
    return this.act(user, ctx, taskId, `complete:${command.type}`, async (task, actor, id) => {
      assertMayWorkTask(user, task);
      assertQualifiedFor(user, task); // F18 004 八.(一)3
      if (!task.commands.includes(command.type)) {
        throw new DomainError(
          'COMMAND_INVALID',
          `Task ${taskId} is completed by ${task.commands.join(' or ')}`,
          {
            issues: [
              { path: 'body.command.type', message: `must be one of ${task.commands.join(', ')}` },
            ],
          },
        );
      }
      if (LIMITED_APPROVALS.has(command.type)) {
        const kase = await this.cases.findOne(user.organisationId, task.caseNumber);
        assertWithinPersonalLimit(user, kase?.lossAmountFen ?? null);
      }
      const sent = await this.withServerFacts(user, task, command);
      return this.gateway.completeTask(
        task.caseNumber,
        { taskId, actor, command: sent, comment },
        id,
      );
    });
  }

  /**
   * What the server adds to a command because the client cannot vouch for it: a dispatch or a
   * rescheduled visit carries the technician's other bookings from the appointment register
   * (the read models, 001 篇3 二.(二)4), whatever the request said, so the domain refuses a
   * double booking naming the clash. The dispatched technician must be an active person of the
   * tech department (the visit task opens in their name).
   */
  private async withServerFacts(
    user: AuthUser,
    task: WorkableTask,
    command: { type: string },
  ): Promise<{ type: string; technicianBookings?: unknown }> {
    if (command.type === 'DispatchTechnician') {
      const technicianId = String((command as { technicianId?: unknown }).technicianId);
      // user ids are uuids: anything else names nobody (and is never sent to the uuid column)
      const technician = UUID.test(technicianId)
        ? await this.users.findById(user.organisationId, technicianId)
        : null;
      if (!technician || !technician.active || technician.department !== 'tech') {
        throw new DomainError(
          'COMMAND_INVALID',
          `${technicianId} is not an active technician of the tech department`,
          {
            technicianId,
            issues: [
              {
                path: 'body.command.technicianId',
                message: 'must be the id of an active user of the tech department',
              },
            ],
          },
        );
      }
      const technicianBookings = await this.documents.technicianBookings(
        user.organisationId,
        technicianId,
      );
      return { ...command, technicianBookings };
    }
    if (command.type === 'RescheduleVisit') {
      const live = await this.gateway.view(task.caseNumber);
      const dispatch = (live?.state as { dispatch?: { technicianId?: unknown } | null } | undefined)
        ?.dispatch;
      const technicianId =
        typeof dispatch?.technicianId === 'string' ? dispatch.technicianId : null;
      const technicianBookings =
        technicianId === null
          ? []
          : await this.documents.technicianBookings(user.organisationId, technicianId);
      return { ...command, technicianBookings };
    }
    return command;
  }

  claim(user: AuthUser, ctx: CommandContext, taskId: string): Promise<TaskView> {
    return this.act(user, ctx, taskId, 'claim', (task, actor, id) => {
      assertMayClaimTask(user, task);
      assertQualifiedFor(user, task); // F18 004 八.(一)3
      return this.gateway.claimTask(task.caseNumber, { taskId, actor }, id);
    });
  }

  unclaim(user: AuthUser, ctx: CommandContext, taskId: string): Promise<TaskView> {
    return this.act(user, ctx, taskId, 'unclaim', (task, actor, id) => {
      assertMayReassignTask(user, task, 'unclaim');
      return this.gateway.unclaimTask(task.caseNumber, { taskId, actor }, id);
    });
  }

  /** The delegate is a user of the same organisation, as their record says, never as the body says. */
  delegate(
    user: AuthUser,
    ctx: CommandContext,
    taskId: string,
    toUserId: string,
  ): Promise<TaskView> {
    return this.act(user, ctx, taskId, 'delegate', async (task, actor, id) => {
      assertMayReassignTask(user, task, 'delegate');
      const target = await this.users.findById(user.organisationId, toUserId);
      if (!target || !target.active) {
        throw new ApiError('USER_NOT_FOUND', `No active user ${toUserId}`, {
          userId: toUserId,
        });
      }
      const to = toCaseActor(toAuthUser(target));
      assertMayReceiveTask(task, to);
      assertQualifiedFor(toAuthUser(target), task); // F18: handed only to a trained caller
      return this.gateway.delegateTask(
        task.caseNumber,
        {
          taskId,
          actor,
          to: {
            userId: to.userId,
            department: to.department,
            roles: to.roles,
            qualifications: toAuthUser(target).qualifications,
          },
        },
        id,
      );
    });
  }

  /**
   * Runs a task command. The task comes from the read model, or — when the read model has not
   * caught up yet (issue 8 #12) — from the case's live view, since a task the workflow shows
   * must be workable at once. With an Idempotency-Key the command's Temporal update id is
   * derived from the key (issue 8 #5): Temporal runs it once, and a retry of a command that
   * already took effect (after a crash, in another process) gets its original outcome — also
   * when a pre-check here, seeing the read model the command itself changed, would refuse it.
   * Only a real refusal is recorded in the audit trail.
   */
  private async act<T>(
    user: AuthUser,
    ctx: CommandContext,
    taskId: string,
    action: string,
    send: (task: WorkableTask, actor: CaseActor, updateId: string | undefined) => Promise<T>,
  ): Promise<T> {
    const task = await this.findWorkable(user.organisationId, taskId, ctx.taskRow);
    const actor = toCaseActor(user);
    const updateId = ctx.command?.commandId;
    try {
      return await send(task, actor, updateId);
    } catch (e) {
      if ((isCodedError(e) || e instanceof WorkflowRejection) && isRefusal(statusOf(e.code))) {
        if (updateId !== undefined) {
          const prior = await this.gateway.priorOutcome<T>(task.caseNumber, updateId);
          if (prior) return prior.value;
        }
        await this.audit.recordRefusal({
          organisationId: user.organisationId,
          caseNumber: task.caseNumber,
          actor,
          requestId: ctx.requestId,
          action: `${action} ${taskId}`,
          code: e.code,
          message: e.message,
          details: e.details,
        });
      }
      throw e;
    }
  }

  /**
   * Scoped by the token's organisation: another tenant's task is simply not found (its live
   * view is of another organisation, so the fallback refuses it the same way).
   */
  private async findWorkable(
    organisationId: string,
    taskId: string,
    taskRow?: TaskEntity | null,
  ): Promise<WorkableTask> {
    // the guard's read of this request, when it made one (same organisation, same task id)
    const row = taskRow !== undefined ? taskRow : await this.tasks.findOne(organisationId, taskId);
    if (row) return row;
    const caseNumber = caseNumberOfTask(taskId);
    const live = caseNumber === undefined ? undefined : await this.gateway.view(caseNumber);
    const task =
      live?.organisationId === organisationId
        ? live.tasks.find((t) => t.taskId === taskId)
        : undefined;
    if (!task) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`, { taskId });
    return task;
  }
}

/** Who sends a command: the request (audit) and, with an Idempotency-Key, its identity. */
export interface CommandContext {
  requestId: string;
  command?: IdempotentCommand | undefined;
  /** the task row the guard read with the user (AuthedRequest.taskRow), when it did */
  taskRow?: TaskEntity | null | undefined;
}

/** What a command needs of a task: a read-model row and a live-view task both have it. */
type WorkableTask = Pick<
  TaskEntity,
  | 'taskId'
  | 'caseNumber'
  | 'status'
  | 'candidateDepartment'
  | 'candidateRoles'
  | 'assignee'
  | 'commands'
  | 'type'
>;

/** Task ids embed their case number: `KS202611-0001-T2` is a task of KS202611-0001. */
function caseNumberOfTask(taskId: string): string | undefined {
  const m = /^(.+)-T\d+$/.exec(taskId);
  return m?.[1] !== undefined && isCaseNumber(m[1]) ? m[1] : undefined;
}
