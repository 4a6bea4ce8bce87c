import { ACKNOWLEDGE_ESCALATION, type TaskView } from '@aso/contracts';
import {
  type BusinessCalendar,
  dueOf,
  escalationStatus,
  isPaused,
  pauseLedger,
  resumeLedger,
  type SlaLedger,
  stopLedger,
  type WorkItem,
} from '@aso/domain';
import { isOpen, newTaskView, type TaskList, type Tracked } from './task-list';

/** Escalation tasks are acknowledged by whoever they reach (a workflow-level command, contracts). */
export { ACKNOWLEDGE_ESCALATION };

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

const isoOf = (due: { ms: number } | null): string | null =>
  due ? new Date(due.ms).toISOString() : null;

/**
 * Whether a clock whose work is already closed may skip the ladder step it reached, asked only
 * when that happens. In a case this is `patched('deadlines-skip-closed-tasks')` (TaskBoard hands it
 * in): the watch itself stays free of `@temporalio/workflow`, so it can be unit
 * tested, and the marker lands only in the histories that hit the case (see checkDeadlines).
 */
export type SkipsClosedClocks = () => boolean;

/**
 * Every clock of a case, in the order they started: pauses while a work item waits, overdue
 * marks, escalation tasks up the ladder, and the next instant the case must wake for.
 */
export class DeadlineWatch {
  private readonly clocks: Clock[] = [];
  readonly overdueStages: string[] = [];

  constructor(
    private readonly caseNumber: string,
    private readonly calendar: BusinessCalendar,
    private readonly tasks: TaskList,
    /** the calendar a task's clock counts on (its department's own week, Decision 7) */
    private readonly calendarOfTask: (t: Tracked) => BusinessCalendar = () => calendar,
    /** the histories that open no escalation for closed work (SkipsClosedClocks); old ones do */
    private readonly skipsClosedClocks: SkipsClosedClocks = () => false,
  ) {}

  private calendarOf(clock: Clock): BusinessCalendar {
    const task = clock.taskId ? this.tasks.find(clock.taskId) : undefined;
    return task ? this.calendarOfTask(task) : this.calendar;
  }

  watch(clock: Clock): void {
    this.clocks.push(clock);
  }

  /** Running clocks that belong to no task (case-level clocks). */
  caseLevelClocks(): Clock[] {
    return this.clocks.filter((c) => c.taskId === null && c.ledger.stoppedAt === null);
  }

  /** A continued case: the overdue stages the last run had marked. */
  restoreOverdue(stages: readonly string[]): void {
    this.overdueStages.push(...stages);
  }

  /** The case is over: every clock still running stops. */
  stopAll(now: Date): void {
    for (const clock of this.clocks)
      if (clock.ledger.stoppedAt === null) clock.ledger = stopLedger(clock.ledger, now);
  }

  stop(t: Tracked, now: Date): void {
    if (t.clock && t.clock.ledger.stoppedAt === null)
      t.clock.ledger = stopLedger(t.clock.ledger, now);
  }

  /** A waiting work item pauses its task's clock; ready again, the clock resumes. */
  syncWaiting(t: Tracked, item: WorkItem, now: Date): void {
    const clock = t.clock;
    if (!clock || clock.ledger.stoppedAt !== null) return;
    const paused = isPaused(clock.ledger);
    if (item.waitingFor && !paused) {
      clock.ledger = pauseLedger(clock.ledger, now, item.waitingFor);
      this.tasks.changed(t.view, 'task.clock_paused', 'system', now, { reason: item.waitingFor });
    } else if (!item.waitingFor && paused) {
      clock.ledger = resumeLedger(clock.ledger, now);
      this.tasks.changed(t.view, 'task.clock_resumed', 'system', now, {});
    } else return;
    const due = dueOf(clock.ledger, this.calendarOf(clock));
    t.view.dueAt = isoOf(due);
    t.view.dueProvisional = due?.provisional ?? false;
    this.tasks.touched(t.view);
  }

  /**
   * Missed deadlines at `now`: mark the task and stage overdue, and open one escalation task per
   * ladder step reached (level 1 = owning department's manager, level 2 = VP in charge).
   *
   * A clock whose work is closed (its task completed or cancelled, so its ledger stopped) can
   * still show a step reached that no check has seen yet: the ledger is read at its stop, and the
   * work was done after the step's instant, before the case looked. That happens when the case
   * loop woke for the step and, while its `stampTime` was pending, a completeTask update was
   * applied (an update is delivered then once the long-running local activity heartbeats the
   * workflow task), or when the update and the timer came in one activation (core hands the
   * update's job over first), or when the request's time is past the step and the timer has not
   * fired yet. The overdue mark still holds (the stage did miss its deadline), but an escalation
   * of work that is done is moot: it would stay open for good (closing the task cancelled its
   * escalations already). Since `deadlines-skip-closed-tasks` such a step opens nothing; older
   * histories replay as they ran.
   */
  checkDeadlines(now: Date): void {
    for (const clock of this.clocks) {
      const calendar = this.calendarOf(clock);
      const status = escalationStatus(clock.ledger, calendar, now);
      const task = clock.taskId ? this.tasks.find(clock.taskId) : undefined;
      const closed = clock.ledger.stoppedAt !== null || (task !== undefined && !isOpen(task.view));
      if (status.overdue && !clock.overdue) {
        clock.overdue = true;
        if (!this.overdueStages.includes(clock.stage)) this.overdueStages.push(clock.stage);
        const dueAt = isoOf(dueOf(clock.ledger, calendar));
        if (task) {
          task.view.overdue = true;
          this.tasks.changed(task.view, 'task.overdue', 'system', now, {
            stage: clock.stage,
            dueAt,
          });
        } else {
          // a case-level clock has no task: the stage itself is audited
          this.audit('stage.overdue', now, { stage: clock.stage, clock: clock.id, dueAt });
        }
      }
      for (const step of status.steps) {
        if (!step.reached || step.level <= clock.level) continue;
        // asked (and the patch marked) only here: the histories that never hit it stay as they were
        if (closed && this.skipsClosedClocks()) break;
        clock.level = step.level;
        const escalation = this.openEscalation(clock, task?.view ?? null, step.level, step.to, now);
        this.audit('escalation', now, {
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
          this.tasks.touched(task.view);
        }
      }
    }
  }

  /** The earliest instant a clock needs attention (a due instant or the next ladder step). */
  nextWakeMs(now: Date): number | null {
    let next: number | null = null;
    for (const clock of this.clocks) {
      const at =
        escalationStatus(clock.ledger, this.calendarOf(clock), now).nextAt?.getTime() ?? null;
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Escalations of `taskId` still open (they are moot once it is done). */
  openEscalationsOf(taskId: string): Tracked[] {
    return this.tasks.all.filter((e) => e.view.escalatesTaskId === taskId && isOpen(e.view));
  }

  private openEscalation(
    clock: Clock,
    late: TaskView | null,
    level: number,
    to: { role: TaskView['candidateRoles'][number]; department?: TaskView['candidateDepartment'] },
    now: Date,
  ): TaskView {
    const key = `escalation:${clock.id}:${level}`;
    const view = newTaskView(
      {
        taskId: this.tasks.nextId(),
        caseNumber: this.caseNumber,
        type: 'escalation',
        stage: clock.stage,
        candidateDepartment: to.department ?? null,
        candidateRoles: [to.role],
        priority: 1,
        commands: [ACKNOWLEDGE_ESCALATION],
        escalationLevel: level,
        escalatesTaskId: late?.taskId ?? null,
      },
      now,
    );
    this.tasks.add({ view, key, clock: null });
    this.tasks.changed(view, 'task.opened', 'system', now, {
      key,
      stage: clock.stage,
      escalates: late?.taskId ?? clock.id,
    });
    return view;
  }

  private audit(action: string, now: Date, data: Record<string, unknown>): void {
    this.tasks.audit(action, now, data);
  }
}
