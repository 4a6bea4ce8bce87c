import { patched } from '@temporalio/workflow';
import type { CaseActor, DelegateTaskInput, TaskView } from '@aso/contracts';
import {
  type Actor,
  type CaseType,
  mayClaim,
  mayHandOn,
  mayReceive,
  mayRelease,
  mayWork,
  type StageOf,
  type TaskFacts,
  type TaskVerdict,
  type WorkItem,
} from '@aso/domain';
import { type Clock, DeadlineWatch } from './deadline-watch';
import type { Recorder } from './recorder';
import { refusal, refusalOf } from './refusal';
import { isOpen, TaskList, type Tracked } from './task-list';
import { type BoardContext, type OpenOptions, WorkReconciler } from './work-reconciler';

export { ACKNOWLEDGE_ESCALATION, type Clock } from './deadline-watch';
export type { OpenOptions } from './work-reconciler';

/**
 * Histories recorded before this patch opened an escalation for a task already done when the
 * task was completed after a ladder step's instant but before the case checked it (a completeTask
 * applied while the loop's `stampTime` for the deadline was pending, or in the timer's activation):
 * it stayed open for good. Since the patch no escalation opens for closed work
 * (DeadlineWatch.checkDeadlines). Asked only when that arises, so only those histories carry it.
 */
export const DEADLINES_SKIP_CLOSED_TASKS = 'deadlines-skip-closed-tasks';

/**
 * The human tasks of one case, derived from domain work items: who may work them (access), their
 * life cycle (claim … complete, cancel) and reconciliation with the work the state needs. The
 * task list (task-list.ts) audits and queues every change; the clocks and escalations are the
 * deadline watch's (deadline-watch.ts).
 */
export class TaskBoard<T extends CaseType> {
  private readonly list: TaskList;
  private readonly deadlines: DeadlineWatch;
  private readonly work: WorkReconciler<T>;

  constructor(
    private readonly ctx: BoardContext<T>,
    recorder: Recorder,
  ) {
    this.list = new TaskList(ctx.caseNumber, recorder);
    const calendars = ctx.calendars;
    this.deadlines = new DeadlineWatch(
      ctx.caseNumber,
      ctx.calendar,
      this.list,
      calendars ? (t) => calendars.of(t.view.candidateDepartment) : undefined,
      // patched() is the workflow's (@temporalio/workflow): handed in, so the watch stays
      // unit-testable; it is asked only when the case arises (deadline-watch.ts)
      () => patched(DEADLINES_SKIP_CLOSED_TASKS),
    );
    this.work = new WorkReconciler(ctx, this.list, this.deadlines);
  }

  get overdueStages(): string[] {
    return this.deadlines.overdueStages;
  }

  views(): TaskView[] {
    return this.list.all.map((t) => ({
      ...t.view,
      candidateRoles: [...t.view.candidateRoles],
      commands: [...t.view.commands],
    }));
  }

  find(taskId: string): TaskView | undefined {
    return this.list.find(taskId)?.view;
  }

  openTasks(): TaskView[] {
    return this.list.all.filter((t) => isOpen(t.view)).map((t) => t.view);
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
    const t = this.list.tracked(taskId);
    t.view.status = 'claimed';
    t.view.assignee = actor.userId;
    this.list.changed(t.view, 'task.claimed', actor.userId, now, {});
    return t.view;
  }

  unclaim(taskId: string, actor: CaseActor, now: Date): TaskView {
    const t = this.list.tracked(taskId);
    const previous = t.view.assignee;
    t.view.status = 'open';
    t.view.assignee = null;
    this.list.changed(t.view, 'task.unclaimed', actor.userId, now, { previousAssignee: previous });
    return t.view;
  }

  delegate(taskId: string, actor: CaseActor, to: DelegateTaskInput['to'], now: Date): TaskView {
    const t = this.list.tracked(taskId);
    const previous = t.view.assignee;
    t.view.status = 'claimed';
    t.view.assignee = to.userId;
    this.list.changed(t.view, 'task.delegated', actor.userId, now, {
      previousAssignee: previous,
      to,
    });
    return t.view;
  }

  complete(
    taskId: string,
    actorId: string,
    now: Date,
    data: Record<string, unknown> = {},
  ): TaskView {
    const t = this.list.tracked(taskId);
    t.view.status = 'completed';
    t.view.completedAt = now.toISOString();
    t.view.completedBy = actorId;
    if (t.view.assignee === null) t.view.assignee = actorId;
    this.deadlines.stop(t, now);
    this.list.changed(t.view, 'task.completed', actorId, now, data);
    this.closeEscalationsOf(t.view.taskId, now);
    return t.view;
  }

  /** A command on a standing task that stays open (it is audited, not completed). */
  worked(taskId: string, actorId: string, now: Date, data: Record<string, unknown> = {}): TaskView {
    const t = this.list.tracked(taskId);
    this.list.changed(t.view, 'task.worked', actorId, now, data);
    return t.view;
  }

  /** What a continued run needs of the board: the open tasks with their clocks, the counter. */
  carry(): { tasks: Tracked[]; issued: number; overdueStages: string[] } {
    if (this.deadlines.caseLevelClocks().length > 0)
      throw new Error(`${this.ctx.caseNumber}: case-level clocks cannot be carried yet`);
    return {
      tasks: this.list.all
        .filter((t) => isOpen(t.view))
        .map((t) => JSON.parse(JSON.stringify(t)) as Tracked),
      issued: this.list.issued,
      overdueStages: [...this.deadlines.overdueStages],
    };
  }

  /** A continued run: the last run's open tasks, their clocks watched again (nothing is written). */
  restore(carried: { tasks: Tracked[]; issued: number; overdueStages: string[] }): void {
    const tasks = carried.tasks.map((t) => JSON.parse(JSON.stringify(t)) as Tracked);
    this.list.restore(tasks, carried.issued);
    for (const t of tasks) if (t.clock) this.deadlines.watch(t.clock);
    this.deadlines.restoreOverdue(carried.overdueStages);
  }

  private cancel(t: Tracked, now: Date, reason: string): void {
    t.view.status = 'cancelled';
    t.view.completedAt = now.toISOString();
    this.deadlines.stop(t, now);
    this.list.changed(t.view, 'task.cancelled', 'system', now, { reason });
    this.closeEscalationsOf(t.view.taskId, now);
  }

  /** The case is over: whatever is still open (escalations of case-level clocks too) is cancelled. */
  cancelAll(now: Date, reason: string): void {
    for (const t of this.list.all) if (isOpen(t.view)) this.cancel(t, now, reason);
    this.deadlines.stopAll(now);
  }

  /** Escalations of a task that is done are moot: they are cancelled with it. */
  private closeEscalationsOf(taskId: string, now: Date): void {
    for (const e of this.deadlines.openEscalationsOf(taskId))
      this.cancel(e, now, `escalated task ${taskId} is ${this.find(taskId)?.status ?? 'closed'}`);
  }

  /**
   * Make the open tasks match the work the state needs (work-reconciler.ts): work no longer
   * needed is cancelled, needed work without an open task gets one with its stage clock.
   */
  reconcile(
    items: WorkItem<StageOf<T>>[],
    now: Date,
    options: (item: WorkItem<StageOf<T>>) => OpenOptions,
  ): void {
    this.work.reconcile(items, now, options, (t, reason) => this.cancel(t, now, reason));
  }

  /** A case-level clock (not a task's), watched like the tasks' ones. */
  watch(clock: Clock): void {
    this.deadlines.watch(clock);
  }

  /** Missed deadlines at `now`: overdue marks and escalation tasks (deadline-watch.ts). */
  checkDeadlines(now: Date): void {
    this.deadlines.checkDeadlines(now);
  }

  /** The earliest instant a clock needs attention (a due instant or the next ladder step). */
  nextWakeMs(now: Date): number | null {
    return this.deadlines.nextWakeMs(now);
  }
}

const factsOf = (t: TaskView): TaskFacts => ({
  taskId: t.taskId,
  status: t.status,
  department: t.candidateDepartment,
  roles: t.candidateRoles,
  assignee: t.assignee,
  type: t.type,
});

/** A refused verdict becomes the workflow's refusal: `refusal(code, message, details)`. */
function enforce(verdict: TaskVerdict): void {
  if (!verdict.ok) throw refusalOf(verdict.error);
}
