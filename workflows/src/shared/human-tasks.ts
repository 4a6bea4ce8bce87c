import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor, Department, Role, TaskType, TaskView } from '@aso/contracts';

/**
 * Human tasks held as workflow state. Validators call `assertCanComplete` so an illegal
 * completion is refused before it reaches history, with a coded, non-retryable failure.
 */
export interface TaskSpec {
  type: TaskType;
  candidateDepartment: Department;
  candidateRole: Role;
  dueAt: Date;
  priority?: number;
}

export class TaskBoard {
  private readonly tasks: TaskView[] = [];

  constructor(private readonly caseNumber: string) {}

  open(spec: TaskSpec, now: Date): TaskView {
    const task: TaskView = {
      taskId: `${this.caseNumber}-T${this.tasks.length + 1}`,
      caseNumber: this.caseNumber,
      type: spec.type,
      candidateDepartment: spec.candidateDepartment,
      candidateRole: spec.candidateRole,
      assignee: null,
      priority: spec.priority ?? 2,
      status: 'open',
      dueAt: spec.dueAt.toISOString(),
      overdue: false,
      createdAt: now.toISOString(),
      completedAt: null,
      completedBy: null,
    };
    this.tasks.push(task);
    return task;
  }

  all(): TaskView[] {
    return this.tasks.map((t) => ({ ...t }));
  }

  get(taskId: string): TaskView {
    const task = this.tasks.find((t) => t.taskId === taskId);
    if (!task)
      throw refusal('TASK_NOT_FOUND', `Task ${taskId} does not belong to case ${this.caseNumber}`, {
        taskId,
      });
    return task;
  }

  assertCanComplete(taskId: string, actor: Actor): TaskView {
    const task = this.get(taskId);
    if (task.status !== 'open') {
      throw refusal('TASK_NOT_OPEN', `Task ${taskId} is ${task.status}`, {
        taskId,
        status: task.status,
      });
    }
    if (actor.department !== task.candidateDepartment) {
      throw refusal(
        'WRONG_DEPARTMENT',
        `Task ${taskId} belongs to department ${task.candidateDepartment}`,
        {
          taskId,
          required: task.candidateDepartment,
          actual: actor.department,
        },
      );
    }
    if (!roleQualifies(actor.role, task.candidateRole)) {
      throw refusal('WRONG_ROLE', `Task ${taskId} needs role ${task.candidateRole}`, {
        taskId,
        required: task.candidateRole,
        actual: actor.role,
      });
    }
    return task;
  }

  complete(taskId: string, actor: Actor, now: Date): TaskView {
    const task = this.get(taskId);
    task.status = 'completed';
    task.completedAt = now.toISOString();
    task.completedBy = actor.userId;
    task.assignee = task.assignee ?? actor.userId;
    return task;
  }

  markOverdue(taskId: string): TaskView {
    const task = this.get(taskId);
    task.overdue = true;
    return task;
  }
}

/** A department's supervisor or manager may do its staff's work; staff may not do theirs. */
const ROLE_RANK: Partial<Record<Role, number>> = { staff: 1, supervisor: 2, manager: 3 };
function roleQualifies(actual: Role, required: Role): boolean {
  if (actual === required) return true;
  const a = ROLE_RANK[actual];
  const r = ROLE_RANK[required];
  return a !== undefined && r !== undefined && a >= r;
}

export function refusal(
  code: string,
  message: string,
  details: Record<string, unknown>,
): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, details: [details], nonRetryable: true });
}
