import type { CaseActor, DelegateTaskInput, TaskView } from '@aso/contracts';
import {
  type Actor,
  type BusinessCalendar,
  type CaseType,
  computeStageDeadline,
  dueOf,
  type Duration,
  escalationStatus,
  isPaused,
  mayClaim,
  mayHandOn,
  mayReceive,
  mayRelease,
  mayWork,
  openLedger,
  pauseLedger,
  type PolicyDocument,
  resumeLedger,
  type SlaLedger,
  type StageOf,
  stopLedger,
  type TaskFacts,
  type TaskVerdict,
  type WorkItem,
} from '@aso/domain';
import type { Recorder } from './recorder';
import { refusal, refusalOf } from './refusal';

/** Escalation tasks are acknowledged by whoever they reach (a workflow-level command). */
export const ACKNOWLEDGE_ESCALATION = 'AcknowledgeEscalation';

/**
 * A deadline being watched: a task's own stage clock, or a case-level clock (the complaint's
 * 6-day closing clock). Missing it marks the stage overdue and walks the policy's escalation
 * ladder (manager of the owning department, then the VP in charge).
 */
export interface Clock {
  id: string;
  stage: string;
  ledger: SlaLedger;
  overdue: boolean;
  level: number;
  /** the task that is late (null for a case-level clock) */
  taskId: string | null;
}

interface Tracked {
  view: TaskView;
  key: string;
  clock: Clock | null;
}

export interface OpenOptions {
  /** the stage clock starts here instead of now (the first response counts from the report) */
  start?: number;
  /** a deadline set on the form (001 §25.2) */
  override?: Duration;
  /** the task shows this due instant and has no clock of its own (e.g. the closing clock's) */
  fixedDue?: { due: Date | null; provisional: boolean };
}

/**
 * The human tasks of one case, derived from domain work items, with their stage clocks. All
 * mutations go through here so that each one is audited and queued for the inbox read model.
 */
export class TaskBoard<T extends CaseType> {
  private readonly tasks: Tracked[] = [];
  private readonly clocks: Clock[] = [];
  readonly overdueStages: string[] = [];
  private n = 0;

  constructor(
    private readonly ctx: {
      caseNumber: string;
      caseType: T;
      policy: PolicyDocument;
      calendar: BusinessCalendar;
    },
    private readonly recorder: Recorder,
  ) {}

  views(): TaskView[] {
    return this.tasks.map((t) => ({
      ...t.view,
      candidateRoles: [...t.view.candidateRoles],
      commands: [...t.view.commands],
    }));
  }

  find(taskId: string): TaskView | undefined {
    return this.tasks.find((t) => t.view.taskId === taskId)?.view;
  }

  openTasks(): TaskView[] {
    return this.tasks.filter((t) => isOpen(t.view)).map((t) => t.view);
  }

  /** The task an update names, or a refusal. */
  get(taskId: string): TaskView {
    const task = this.find(taskId);
    if (!task)
      throw refusal(
        'TASK_NOT_FOUND',
        `Task ${taskId} does not belong to case ${this.ctx.caseNumber}`,
        { taskId, caseNumber: this.ctx.caseNumber },
      );
    return task;
  }

  /** May `actor` complete this task (the task rule book, libs/domain tasks/task-rules). */
  assertMayWork(task: TaskView, actor: Actor): void {
    enforce(mayWork(factsOf(task), actor));
  }

  /** Claim/unclaim/delegate checks (the same rule book the API asks); throw refusals. */
  assertMayClaim(task: TaskView, actor: Actor): void {
    enforce(mayClaim(factsOf(task), actor));
  }

  assertMayReassign(task: TaskView, actor: Actor, action: 'unclaim' | 'delegate'): void {
    const facts = factsOf(task);
    enforce(action === 'unclaim' ? mayRelease(facts, actor) : mayHandOn(facts, actor));
  }

  assertMayDelegateTo(task: TaskView, to: DelegateTaskInput['to']): void {
    enforce(mayReceive(factsOf(task), to));
  }

  claim(taskId: string, actor: CaseActor, now: Date): TaskView {
    const t = this.tracked(taskId);
    t.view.status = 'claimed';
    t.view.assignee = actor.userId;
    this.changed(t.view, 'task.claimed', actor.userId, now, {});
    return t.view;
  }

  unclaim(taskId: string, actor: CaseActor, now: Date): TaskView {
    const t = this.tracked(taskId);
    const previous = t.view.assignee;
    t.view.status = 'open';
    t.view.assignee = null;
    this.changed(t.view, 'task.unclaimed', actor.userId, now, { previousAssignee: previous });
    return t.view;
  }

  delegate(taskId: string, actor: CaseActor, to: DelegateTaskInput['to'], now: Date): TaskView {
    const t = this.tracked(taskId);
    const previous = t.view.assignee;
    t.view.status = 'claimed';
    t.view.assignee = to.userId;
    this.changed(t.view, 'task.delegated', actor.userId, now, { previousAssignee: previous, to });
    return t.view;
  }

  complete(
    taskId: string,
    actorId: string,
    now: Date,
    data: Record<string, unknown> = {},
  ): TaskView {
    const t = this.tracked(taskId);
    t.view.status = 'completed';
    t.view.completedAt = now.toISOString();
    t.view.completedBy = actorId;
    if (t.view.assignee === null) t.view.assignee = actorId;
    this.stopClock(t, now);
    this.changed(t.view, 'task.completed', actorId, now, data);
    this.closeEscalationsOf(t.view.taskId, now);
    return t.view;
  }

  private cancel(t: Tracked, now: Date, reason: string): void {
    t.view.status = 'cancelled';
    t.view.completedAt = now.toISOString();
    this.stopClock(t, now);
    this.changed(t.view, 'task.cancelled', 'system', now, { reason });
    this.closeEscalationsOf(t.view.taskId, now);
  }

  /** The case is over: whatever is still open (escalations of case-level clocks too) is cancelled. */
  cancelAll(now: Date, reason: string): void {
    for (const t of this.tasks) if (isOpen(t.view)) this.cancel(t, now, reason);
    for (const clock of this.clocks)
      if (clock.ledger.stoppedAt === null) clock.ledger = stopLedger(clock.ledger, now);
  }

  /** Escalations of a task that is done are moot: they are cancelled with it. */
  private closeEscalationsOf(taskId: string, now: Date): void {
    for (const e of this.tasks) {
      if (e.view.escalatesTaskId === taskId && isOpen(e.view))
        this.cancel(e, now, `escalated task ${taskId} is ${this.find(taskId)?.status ?? 'closed'}`);
    }
  }

  /**
   * Make the open tasks match the work the state needs: tasks whose work is no longer needed are
   * cancelled (the one an actor just completed was completed before this), needed work without
   * an open task gets a new task with its stage clock. Waiting items pause their clock.
   */
  reconcile(
    items: WorkItem<StageOf<T>>[],
    now: Date,
    options: (item: WorkItem<StageOf<T>>) => OpenOptions,
  ): void {
    for (const t of this.tasks) {
      if (t.view.type === 'escalation' || !isOpen(t.view)) continue;
      if (!items.some((i) => i.key === t.key))
        this.cancel(t, now, 'no longer needed in this state');
    }
    for (const item of items) {
      const existing = this.tasks.find((t) => t.key === item.key && isOpen(t.view));
      if (existing) {
        this.syncWaiting(existing, item, now);
        const fixed = options(item).fixedDue;
        if (fixed && existing.clock === null) {
          const dueAt = fixed.due?.toISOString() ?? null;
          if (existing.view.dueAt !== dueAt || existing.view.dueProvisional !== fixed.provisional) {
            existing.view.dueAt = dueAt;
            existing.view.dueProvisional = fixed.provisional;
            this.recorder.task(existing.view);
          }
        }
        continue;
      }
      this.open(item, now, options(item));
    }
  }

  private open(item: WorkItem<StageOf<T>>, now: Date, options: OpenOptions): void {
    const { caseNumber, caseType, policy, calendar } = this.ctx;
    const taskId = `${caseNumber}-T${++this.n}`;
    const view: TaskView = {
      taskId,
      caseNumber,
      type: item.type,
      stage: item.stage,
      candidateDepartment: item.department,
      candidateRoles: [...item.roles],
      assignee: null,
      priority: item.priority,
      status: 'open',
      commands: [...item.commands],
      dueAt: null,
      dueProvisional: false,
      overdue: false,
      escalationLevel: 0,
      escalatesTaskId: null,
      createdAt: now.toISOString(),
      completedAt: null,
      completedBy: null,
    };
    let clock: Clock | null = null;
    let basis: string | null = null;
    if (options.fixedDue) {
      view.dueAt = options.fixedDue.due?.toISOString() ?? null;
      view.dueProvisional = options.fixedDue.provisional;
    } else {
      const start = options.start ?? now.getTime();
      const deadline = computeStageDeadline(
        policy,
        calendar,
        caseType,
        item.stage,
        start,
        options.override,
      );
      view.dueAt = deadline.due.toISOString();
      view.dueProvisional = deadline.provisional;
      basis = deadline.basis;
      clock = {
        id: taskId,
        stage: item.stage,
        ledger: openLedger(policy, caseType, item.stage, start, options.override),
        overdue: false,
        level: 0,
        taskId,
      };
      this.clocks.push(clock);
    }
    const t: Tracked = { view, key: item.key, clock };
    this.tasks.push(t);
    this.changed(view, 'task.opened', 'system', now, {
      key: item.key,
      stage: item.stage,
      dueAt: view.dueAt,
      basis,
    });
    this.syncWaiting(t, item, now);
  }

  private syncWaiting(t: Tracked, item: WorkItem, now: Date): void {
    const clock = t.clock;
    if (!clock || clock.ledger.stoppedAt !== null) return;
    const paused = isPaused(clock.ledger);
    if (item.waitingFor && !paused) {
      clock.ledger = pauseLedger(clock.ledger, now, item.waitingFor);
      this.changed(t.view, 'task.clock_paused', 'system', now, { reason: item.waitingFor });
    } else if (!item.waitingFor && paused) {
      clock.ledger = resumeLedger(clock.ledger, now);
      this.changed(t.view, 'task.clock_resumed', 'system', now, {});
    } else return;
    const due = dueOf(clock.ledger, this.ctx.calendar);
    t.view.dueAt = due ? new Date(due.ms).toISOString() : null;
    t.view.dueProvisional = due?.provisional ?? false;
    this.recorder.task(t.view);
  }

  private stopClock(t: Tracked, now: Date): void {
    if (t.clock && t.clock.ledger.stoppedAt === null)
      t.clock.ledger = stopLedger(t.clock.ledger, now);
  }

  /** A case-level clock (not a task's), watched like the tasks' ones. */
  watch(clock: Clock): void {
    this.clocks.push(clock);
  }

  /**
   * Missed deadlines at `now`: mark the task and stage overdue, and open one escalation task per
   * ladder step reached (level 1 = owning department's manager, level 2 = VP in charge).
   */
  checkDeadlines(now: Date): void {
    for (const clock of this.clocks) {
      const status = escalationStatus(clock.ledger, this.ctx.calendar, now);
      const task = clock.taskId
        ? this.tasks.find((t) => t.view.taskId === clock.taskId)
        : undefined;
      if (status.overdue && !clock.overdue) {
        clock.overdue = true;
        if (!this.overdueStages.includes(clock.stage)) this.overdueStages.push(clock.stage);
        const due = dueOf(clock.ledger, this.ctx.calendar);
        if (task) {
          task.view.overdue = true;
          this.changed(task.view, 'task.overdue', 'system', now, {
            stage: clock.stage,
            dueAt: due ? new Date(due.ms).toISOString() : null,
          });
        } else {
          this.recorder.audit('stage.overdue', 'system', now, {
            stage: clock.stage,
            clock: clock.id,
            dueAt: due ? new Date(due.ms).toISOString() : null,
          });
        }
      }
      for (const step of status.steps) {
        if (!step.reached || step.level <= clock.level) continue;
        clock.level = step.level;
        const escalation = this.openEscalation(clock, task?.view ?? null, step.level, step.to, now);
        this.recorder.audit('escalation', 'system', now, {
          stage: clock.stage,
          level: step.level,
          to: step.to,
          scheduledAt: step.at.toISOString(),
          escalatesTaskId: clock.taskId,
          escalationTaskId: escalation.taskId,
          clock: clock.id,
        });
        if (task) {
          task.view.escalationLevel = step.level;
          this.recorder.task(task.view);
        }
      }
    }
  }

  private openEscalation(
    clock: Clock,
    late: TaskView | null,
    level: number,
    to: { role: TaskView['candidateRoles'][number]; department?: TaskView['candidateDepartment'] },
    now: Date,
  ): TaskView {
    const view: TaskView = {
      taskId: `${this.ctx.caseNumber}-T${++this.n}`,
      caseNumber: this.ctx.caseNumber,
      type: 'escalation',
      stage: clock.stage,
      candidateDepartment: to.department ?? null,
      candidateRoles: [to.role],
      assignee: null,
      priority: 1,
      status: 'open',
      commands: [ACKNOWLEDGE_ESCALATION],
      dueAt: null,
      dueProvisional: false,
      overdue: false,
      escalationLevel: level,
      escalatesTaskId: late?.taskId ?? null,
      createdAt: now.toISOString(),
      completedAt: null,
      completedBy: null,
    };
    this.tasks.push({ view, key: `escalation:${clock.id}:${level}`, clock: null });
    this.changed(view, 'task.opened', 'system', now, {
      key: `escalation:${clock.id}:${level}`,
      stage: clock.stage,
      escalates: late?.taskId ?? clock.id,
    });
    return view;
  }

  /** The earliest instant a clock needs attention (a due instant or the next ladder step). */
  nextWakeMs(now: Date): number | null {
    let next: number | null = null;
    for (const clock of this.clocks) {
      const at = escalationStatus(clock.ledger, this.ctx.calendar, now).nextAt?.getTime() ?? null;
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  private tracked(taskId: string): Tracked {
    const t = this.tasks.find((x) => x.view.taskId === taskId);
    if (!t)
      throw refusal(
        'TASK_NOT_FOUND',
        `Task ${taskId} does not belong to case ${this.ctx.caseNumber}`,
        { taskId },
      );
    return t;
  }

  private changed(
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

const isOpen = (t: TaskView): boolean => t.status === 'open' || t.status === 'claimed';

const factsOf = (t: TaskView): TaskFacts => ({
  taskId: t.taskId,
  status: t.status,
  department: t.candidateDepartment,
  roles: t.candidateRoles,
  assignee: t.assignee,
});

/** A refused verdict becomes the workflow's refusal: `refusal(code, message, details)`. */
function enforce(verdict: TaskVerdict): void {
  if (!verdict.ok) throw refusalOf(verdict.error);
}
