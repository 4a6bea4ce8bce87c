import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import type { CaseActor, CompleteTaskResult, DelegateTaskInput, TaskView } from '@aso/contracts';
import {
  assertMayWorkTask,
  DomainError,
  isDomainError,
  type Department,
  type Role,
} from '@aso/domain';
import { DATA_SOURCE, TasksRepository, type TaskEntity } from '@aso/persistence';
import { CaseGateway, WorkflowRejection } from '@aso/temporal';
import type { DataSource } from 'typeorm';
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

/**
 * Human-task commands. Access is checked here first (organisation, department, roles, task
 * state), then again by the workflow's update validator, which is the authority. Every refusal
 * is recorded in the case's audit trail.
 */
@Injectable()
export class TasksService {
  private readonly tasks: TasksRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly gateway: CaseGateway,
    private readonly audit: AuditService,
  ) {
    this.tasks = new TasksRepository(dataSource);
  }

  async inbox(actor: CaseActor, filter: InboxFilter): Promise<{ items: TaskRow[]; total: number }> {
    const { items, total } = await this.tasks.inbox({
      organisationId: this.config.ASO_ORGANISATION_ID,
      department: actor.department,
      roles: actor.roles,
      userId: actor.userId,
      ...filter,
    });
    return { items: items.map(toTaskRow), total };
  }

  complete(
    actor: CaseActor,
    requestId: string,
    taskId: string,
    command: { type: string },
    comment?: string,
  ): Promise<CompleteTaskResult> {
    return this.act(actor, requestId, taskId, `complete:${command.type}`, (task) => {
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
      return this.gateway.completeTask(task.caseNumber, { taskId, actor, command, comment });
    });
  }

  claim(actor: CaseActor, requestId: string, taskId: string): Promise<TaskView> {
    return this.act(actor, requestId, taskId, 'claim', (task) =>
      this.gateway.claimTask(task.caseNumber, { taskId, actor }),
    );
  }

  unclaim(actor: CaseActor, requestId: string, taskId: string): Promise<TaskView> {
    return this.act(
      actor,
      requestId,
      taskId,
      'unclaim',
      (task) => this.gateway.unclaimTask(task.caseNumber, { taskId, actor }),
      {
        skipAccessCheck: true, // a manager may release someone else's claim: the workflow decides
      },
    );
  }

  delegate(
    actor: CaseActor,
    requestId: string,
    taskId: string,
    to: DelegateTaskInput['to'],
  ): Promise<TaskView> {
    return this.act(
      actor,
      requestId,
      taskId,
      'delegate',
      (task) => this.gateway.delegateTask(task.caseNumber, { taskId, actor, to }),
      {
        skipAccessCheck: true,
      },
    );
  }

  private async act<T>(
    actor: CaseActor,
    requestId: string,
    taskId: string,
    action: string,
    send: (task: TaskEntity) => Promise<T>,
    options: { skipAccessCheck?: boolean } = {},
  ): Promise<T> {
    const task = await this.tasks.findOne(this.config.ASO_ORGANISATION_ID, taskId);
    if (!task) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`, { taskId });
    try {
      if (!options.skipAccessCheck) {
        assertMayWorkTask(
          {
            taskId,
            status: task.status as 'open' | 'claimed' | 'completed' | 'cancelled',
            department: task.candidateDepartment as Department,
            roles: task.candidateRoles as Role[],
            claimedBy: task.assignee,
          },
          actor,
        );
      }
      return await send(task);
    } catch (e) {
      if (
        (isDomainError(e) || e instanceof WorkflowRejection) &&
        isRefusal(STATUS_BY_CODE[e.code] ?? 422)
      ) {
        await this.audit.recordRefusal({
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
