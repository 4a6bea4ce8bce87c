import type { DataSource } from 'typeorm';
import { TaskEntity } from '../entities/task.entity';

export interface TaskRecord {
  taskId: string;
  organisationId: string;
  caseNumber: string;
  type: string;
  candidateDepartment: string;
  candidateRole: string;
  assignee: string | null;
  priority: number;
  status: string;
  overdue: boolean;
  dueAt: Date;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
}

export class TasksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Keyed upsert: running it twice leaves one row with the latest state. */
  async upsert(task: TaskRecord): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(TaskEntity)
      .values(task)
      .orUpdate(
        ['assignee', 'priority', 'status', 'overdue', 'due_at', 'completed_at', 'completed_by'],
        ['task_id'],
      )
      .execute();
  }

  findOne(organisationId: string, taskId: string): Promise<TaskEntity | null> {
    return this.ds.getRepository(TaskEntity).findOneBy({ organisationId, taskId });
  }

  /** A department's open tasks, overdue first, then most urgent. */
  openForDepartment(organisationId: string, department: string, limit = 50): Promise<TaskEntity[]> {
    return this.ds.getRepository(TaskEntity).find({
      where: { organisationId, candidateDepartment: department, status: 'open' },
      order: { overdue: 'DESC', dueAt: 'ASC' },
      take: limit,
    });
  }

  forCase(organisationId: string, caseNumber: string): Promise<TaskEntity[]> {
    return this.ds.getRepository(TaskEntity).find({
      where: { organisationId, caseNumber },
      order: { createdAt: 'ASC' },
    });
  }
}
