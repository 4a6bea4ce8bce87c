import { Inject, Injectable } from '@nestjs/common';
import type { CaseActor, CompleteTaskResult, TaskView } from '@aso/contracts';
import {
  assertActorFits,
  assertMayWorkTask,
  DomainError,
  isDomainError,
  type Department,
  type Role,
} from '@aso/domain';
import {
  CasesRepository,
  DATA_SOURCE,
  TasksRepository,
  UsersRepository,
  type TaskEntity,
} from '@aso/persistence';
import { CaseGateway, WorkflowRejection } from '@aso/temporal';
import type { DataSource } from 'typeorm';
import {
  assertMayReassignTask,
  assertMayWrite,
  assertWithinPersonalLimit,
} from '../auth/access-policy';
import { toAuthUser, toCaseActor, type AuthUser } from '../auth/auth-user';
import { isRefusal, STATUS_BY_CODE } from '../common/api-error';
import { AuditService } from '../audit/audit.service';
import { toTaskRow, type TaskRow } from '../cases/case.view';

export interface InboxFilter {
  scope: 'mine' | 'department' | 'all';
  type?: string;
  caseNumber?: string;
  overdueOnly?: boolean;
  limit: number;
  offset: number;
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
  private readonly tasks: TasksRepository;
  private readonly cases: CasesRepository;
  private readonly users: UsersRepository;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly gateway: CaseGateway,
    private readonly audit: AuditService,
  ) {
    this.tasks = new TasksRepository(dataSource);
    this.cases = new CasesRepository(dataSource);
    this.users = new UsersRepository(dataSource);
  }

  async inbox(user: AuthUser, filter: InboxFilter): Promise<{ items: TaskRow[]; total: number }> {
    const { items, total } = await this.tasks.inbox({
      organisationId: user.organisationId,
      department: user.department,
      roles: user.roles,
      userId: user.id,
      ...filter,
    });
    return { items: items.map(toTaskRow), total };
  }

  complete(
    user: AuthUser,
    requestId: string,
    taskId: string,
    command: { type: string },
    comment?: string,
  ): Promise<CompleteTaskResult> {
    return this.act(user, requestId, taskId, `complete:${command.type}`, async (task, actor) => {
      assertMayWrite(user, 'complete task');
      assertMayWorkTask(accessOf(task), actor);
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
      return this.gateway.completeTask(task.caseNumber, { taskId, actor, command, comment });
    });
  }

  claim(user: AuthUser, requestId: string, taskId: string): Promise<TaskView> {
    return this.act(user, requestId, taskId, 'claim', (task, actor) => {
      assertMayWrite(user, 'claim task');
      assertMayWorkTask(accessOf(task), actor);
      return this.gateway.claimTask(task.caseNumber, { taskId, actor });
    });
  }

  unclaim(user: AuthUser, requestId: string, taskId: string): Promise<TaskView> {
    return this.act(user, requestId, taskId, 'unclaim', (task, actor) => {
      assertMayReassignTask(user, task, 'Releasing a task');
      return this.gateway.unclaimTask(task.caseNumber, { taskId, actor });
    });
  }

  /** The delegate is a user of the same organisation, as their record says, never as the body says. */
  delegate(user: AuthUser, requestId: string, taskId: string, toUserId: string): Promise<TaskView> {
    return this.act(user, requestId, taskId, 'delegate', async (task, actor) => {
      assertMayReassignTask(user, task, 'Delegating a task');
      const target = await this.users.findById(user.organisationId, toUserId);
      if (!target || !target.active) {
        throw new DomainError('USER_NOT_FOUND', `No active user ${toUserId}`, {
          userId: toUserId,
        });
      }
      const to = toCaseActor(toAuthUser(target));
      assertActorFits(
        to,
        task.candidateDepartment as Department | null,
        task.candidateRoles as Role[],
        {
          taskId,
        },
      );
      return this.gateway.delegateTask(task.caseNumber, {
        taskId,
        actor,
        to: { userId: to.userId, department: to.department, roles: to.roles },
      });
    });
  }

  private async act<T>(
    user: AuthUser,
    requestId: string,
    taskId: string,
    action: string,
    send: (task: TaskEntity, actor: CaseActor) => Promise<T>,
  ): Promise<T> {
    // Scoped by the token's organisation: another tenant's task is simply not found.
    const task = await this.tasks.findOne(user.organisationId, taskId);
    if (!task) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`, { taskId });
    const actor = toCaseActor(user);
    try {
      return await send(task, actor);
    } catch (e) {
      if (
        (isDomainError(e) || e instanceof WorkflowRejection) &&
        isRefusal(STATUS_BY_CODE[e.code] ?? 422)
      ) {
        await this.audit.recordRefusal({
          organisationId: user.organisationId,
          caseNumber: task.caseNumber,
          actor,
          requestId,
          action: `${action} ${taskId}`,
          code: e.code,
          message: e.message,
          details: e.details,
        });
      }
      throw e;
    }
  }
}

const accessOf = (task: TaskEntity) => ({
  taskId: task.taskId,
  status: task.status as 'open' | 'claimed' | 'completed' | 'cancelled',
  department: task.candidateDepartment as Department,
  roles: task.candidateRoles as Role[],
  claimedBy: task.assignee,
});
