import type { TaskView } from '@aso/contracts';
import type { Clock } from './deadline-watch';
import type { Recorder } from './recorder';
import { refusal } from './refusal';

/** A task of the case with the work-item key it was opened for and its own stage clock. */
export interface Tracked {
  view: TaskView;
  key: string;
  clock: Clock | null;
}

/**
 * The case's tasks in the order they were opened, with their ids (`<case>-T<n>`, one counter for
 * work tasks and escalations). Every change of a task goes through `changed`: an audit event and
 * a queued write of the task for the inbox read model.
 */
export class TaskList {
  readonly all: Tracked[] = [];
  private n = 0;

  constructor(
    private readonly caseNumber: string,
    private readonly recorder: Recorder,
  ) {}

  /** how many task ids were given out */
  get issued(): number {
    return this.n;
  }

  /** A continued case: its open tasks and the id counter, as the last run left them. */
  restore(tasks: readonly Tracked[], issued: number): void {
    this.n = issued;
    for (const t of tasks) this.all.push(t);
  }

  nextId(): string {
    return `${this.caseNumber}-T${++this.n}`;
  }

  add(t: Tracked): void {
    this.all.push(t);
  }

  find(taskId: string): Tracked | undefined {
    return this.all.find((t) => t.view.taskId === taskId);
  }

  /** The task an update names, or the TASK_NOT_FOUND refusal. */
  tracked(taskId: string): Tracked {
    const t = this.find(taskId);
    if (!t)
      throw refusal('TASK_NOT_FOUND', `Task ${taskId} does not belong to case ${this.caseNumber}`, {
        taskId,
      });
    return t;
  }

  /** an audit event of the system about the case's deadlines (no task changed) */
  audit(action: string, now: Date, data: Record<string, unknown>): void {
    this.recorder.audit(action, 'system', now, data);
  }

  /** the task's read model changed without an audit event of its own */
  touched(view: TaskView): void {
    this.recorder.task(view);
  }

  changed(
    view: TaskView,
    action: string,
    actor: string,
    now: Date,
    data: Record<string, unknown>,
  ): void {
    this.recorder.audit(action, actor, now, {
      taskId: view.taskId,
      type: view.type,
      stage: view.stage,
      status: view.status,
      assignee: view.assignee,
      ...data,
    });
    this.recorder.task(view);
  }
}

export const isOpen = (t: TaskView): boolean => t.status === 'open' || t.status === 'claimed';

/** A new open task, unassigned and not yet due (the caller sets the due instant). */
export function newTaskView(
  t: Pick<
    TaskView,
    | 'taskId'
    | 'caseNumber'
    | 'type'
    | 'stage'
    | 'candidateDepartment'
    | 'candidateRoles'
    | 'priority'
    | 'commands'
    | 'escalationLevel'
    | 'escalatesTaskId'
  >,
  now: Date,
): TaskView {
  return {
    taskId: t.taskId,
    caseNumber: t.caseNumber,
    type: t.type,
    stage: t.stage,
    candidateDepartment: t.candidateDepartment,
    candidateRoles: t.candidateRoles,
    assignee: null,
    priority: t.priority,
    status: 'open',
    commands: t.commands,
    dueAt: null,
    dueProvisional: false,
    overdue: false,
    escalationLevel: t.escalationLevel,
    escalatesTaskId: t.escalatesTaskId,
    createdAt: now.toISOString(),
    completedAt: null,
    completedBy: null,
  };
}
