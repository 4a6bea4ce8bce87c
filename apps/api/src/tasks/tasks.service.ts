import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import type { Actor, CompleteTaskResult } from '@aso/contracts';
import { DomainError } from '@aso/domain';
import { DATA_SOURCE, TasksRepository } from '@aso/persistence';
import { ComplaintGateway } from '@aso/temporal';
import type { DataSource } from 'typeorm';
import { toTaskRow, type TaskRow } from '../cases/case.view';

@Injectable()
export class TasksService {
  private readonly tasks: TasksRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly complaints: ComplaintGateway,
  ) {
    this.tasks = new TasksRepository(dataSource);
  }

  /** The actor's department's open tasks, overdue first, then by due instant. */
  async inbox(actor: Actor): Promise<TaskRow[]> {
    const rows = await this.tasks.openForDepartment(
      this.config.ASO_ORGANISATION_ID,
      actor.department,
    );
    return rows.map(toTaskRow);
  }

  /**
   * Access is checked here first (department), then again by the workflow's update validator,
   * which is the authority (role, task state, payload).
   */
  async complete(actor: Actor, taskId: string, payload: unknown): Promise<CompleteTaskResult> {
    const task = await this.tasks.findOne(this.config.ASO_ORGANISATION_ID, taskId);
    if (!task) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`, { taskId });
    if (task.candidateDepartment !== actor.department) {
      throw new DomainError(
        'WRONG_DEPARTMENT',
        `Task ${taskId} belongs to department ${task.candidateDepartment}`,
        {
          taskId,
          required: task.candidateDepartment,
          actual: actor.department,
        },
      );
    }
    return this.complaints.completeTask(task.caseNumber, { taskId, actor, payload });
  }
}
