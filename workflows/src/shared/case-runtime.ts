import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type {
  CarriedCase,
  CaseActivities,
  CaseSnapshot,
  CaseView,
  CompleteTaskInput,
  CompleteTaskResult,
} from '@aso/contracts';
import {
  type BusinessCalendar,
  type CaseType,
  type Decision,
  DepartmentCalendars,
  defaultHolidayTables,
  type PolicyDocument,
} from '@aso/domain';
import type {
  BoardFacts,
  CaseDefinition,
  CaseEvent,
  CaseLoop,
  CaseScope,
  CaseSetup,
} from './case-definition';
import { registerCaseHandlers } from './case-handlers';
import { startFollowUp } from './follow-up-start';
import { applyRecords } from './case-records';
import { CaseClock } from './clock';
import { DocumentBook } from './documents';
import { WakeTimer } from './wake-timer';
import { decideBaseline, isPatched } from './patches';
import { Recorder } from './recorder';
import { refusal, refusalOf } from './refusal';
import { ACKNOWLEDGE_ESCALATION, TaskBoard } from './task-board';

// Read-model and audit writes are short and idempotent: as a local activity they run in the
// worker without a server round trip per write (and are retried like any activity).
const writes = proxyLocalActivities<Pick<CaseActivities, 'recordChanges'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '30 seconds' },
});

export type * from './case-definition';

/**
 * Histories recorded before this patch computed the next wake from the workflow clock, not from
 * the instant the deadlines were just checked at: a deadline that fell between the two (a case
 * opened with its report in the past and a deadline already due: the first check runs at the
 * report time) was skipped, and flagged only at the next ladder step's timer. Since the patch the
 * wake counts from the checked instant, so such a deadline wakes the loop at once (a 1 ms timer,
 * then a stamped check).
 */
export const WAKE_FROM_CHECK = 'wake-from-check';

/** Since this patch the loop keeps its timer while the next wake stays put (wake-timer.ts). */
export const KEEP_WAKE_TIMER = 'keep-wake-timer';

const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

/**
 * One case's run: state, tasks, writes and clock around a definition. It owns the updates and
 * the query (case-handlers.ts, registered by `open`), the first decision (`open`), the wait loop
 * (`run`: deadlines, flush, wake) and the end (`allHandlersFinished`). The Temporal commands it
 * issues, in order: the clock's patch marker; the opening write; per change a `stampTime` and a
 * `recordChanges` local activity on the recorder's one serial queue; one timer per wait with a
 * deadline ahead.
 */
export class CaseRuntime<
  T extends CaseType,
  S extends { status: string },
  E extends CaseEvent,
  C,
> implements CaseScope<T> {
  readonly clock: CaseClock;
  readonly caseNumber: string;
  readonly policy: PolicyDocument;
  readonly calendar: BusinessCalendar;
  readonly recorder: Recorder;
  readonly board: TaskBoard<T>;
  private readonly documents: DocumentBook;
  private readonly def: CaseDefinition<T, S, E, C>;
  private readonly setup: CaseSetup;
  private state: S | null = null;
  private changes = 0;
  /** when the case asked for its follow-up call (FollowUpRequested), if it did */
  private followUpRequestedAt: number | null = null;

  constructor(
    caseType: T,
    setup: CaseSetup,
    define: (scope: CaseScope<T>) => CaseDefinition<T, S, E, C>,
  ) {
    // First, before any other command: the run's baseline marker (patches.ts), or for a run
    // recorded before it the clock's patch marker (clock.ts).
    decideBaseline();
    this.clock = new CaseClock(Date.parse(setup.startedAt), (run) => this.recorder.serial(run));
    this.caseNumber = setup.caseNumber;
    this.policy = setup.policy;
    // the company's calendar, and a department's own week where the policy gives one (Decision 7)
    const calendars = new DepartmentCalendars(
      setup.policy.calendar,
      setup.holidayTables ?? defaultHolidayTables,
    );
    this.calendar = calendars.company;
    this.recorder = new Recorder(
      writes,
      {
        organisationId: setup.organisationId,
        caseNumber: this.caseNumber,
        policyVersion: this.policy.version,
      },
      (version) => this.snapshot(version),
      () => this.clock.at(),
    );
    const ctx = {
      caseNumber: this.caseNumber,
      caseType,
      policy: this.policy,
      calendar: this.calendar,
      calendars,
    };
    this.board = new TaskBoard(ctx, this.recorder);
    this.documents = new DocumentBook(this.recorder, {
      organisationId: setup.organisationId,
      caseNumber: this.caseNumber,
    });
    this.def = define(this);
    this.setup = setup;
  }

  /**
   * A run that continues a case (continue-as-new): the last run's state, counters, open tasks
   * with their clocks and documents, restored without a write; then the query and the updates.
   * Construct the runtime with `startedAt` = the carried `at`.
   */
  async resume(carried: CarriedCase<S>): Promise<void> {
    this.state = carried.state;
    this.recorder.restore(carried.auditSeq, carried.sanitising);
    this.board.restore({
      tasks: carried.tasks,
      issued: carried.taskSeq,
      overdueStages: carried.overdueStages,
    });
    this.documents.restore(carried.documents);
    registerCaseHandlers(this, {
      view: () => this.view(this.setup),
      complete: (req) => this.complete(req),
      prepare: (req, now) => void this.prepare(req, now),
    });
    await this.recorder.flush();
  }

  /** What the next run needs (after `run` returned because the loop `ends`). */
  carry(run: number): CarriedCase<S> {
    const board = this.board.carry();
    return {
      state: this.current(),
      auditSeq: this.recorder.auditSeq,
      taskSeq: board.issued,
      tasks: board.tasks,
      overdueStages: board.overdueStages,
      documents: this.documents.all().map((d) => JSON.parse(JSON.stringify(d))),
      at: this.clock.at().getTime(),
      sanitising: this.recorder.sanitisingWrites,
      run,
    };
  }

  current(): S {
    if (!this.state)
      throw ApplicationFailure.nonRetryable(`${this.def.caseType} ${this.caseNumber} has no state`);
    return this.state;
  }

  /** a task changed without a domain event (claim, unclaim, delegate): wake the loop */
  touched(): void {
    this.changes += 1;
  }

  /**
   * The first decision (the case's opening command; refused, the workflow fails) and its first
   * tasks, at the opening time the start input records (no stamp). Only then are the query and
   * the updates registered: the SDK hands an update that came with the first workflow task to
   * its handler as soon as it is set, so an earlier registration would validate it against an
   * empty board (seen under chaos: TASK_NOT_FOUND).
   */
  async open(command: C, at: Date): Promise<void> {
    this.record(this.decided(this.def.decide(null, command, at)));
    this.afterChange(this.clock.at());
    registerCaseHandlers(this, {
      view: () => this.view(this.setup),
      complete: (req) => this.complete(req),
      prepare: (req, now) => void this.prepare(req, now),
    });
    await this.recorder.flush();
  }

  /** A command of the workflow itself (child results); a refusal here is a bug, not a user error. */
  system(command: C, now: Date): void {
    this.record(this.decided(this.def.decide(this.current(), command, now)));
    this.afterChange(now);
  }

  /** Wait for people, deadlines (and the loop's own reasons) until the case is done; then finish. */
  async run(loop: CaseLoop = {}): Promise<S> {
    const done = () => this.def.done(this.current());
    let timedOut = false; // woken by a deadline (a timer history records), not by a change
    // once per run, before its first wait (a marker in every new history; old ones replay as before)
    const wakeFromCheck = isPatched(WAKE_FROM_CHECK);
    const keepTimer = isPatched(KEEP_WAKE_TIMER);
    let timer: WakeTimer | null = null;
    while (!done()) {
      const reason = timedOut ? 'deadlines' : (loop.stampReason?.() ?? null);
      // without a reason: the time of the change that woke the loop
      const now = reason !== null ? await this.clock.now(reason) : this.clock.at();
      this.board.checkDeadlines(now);
      const turn = loop.turn?.(now);
      if (turn) await turn;
      await this.recorder.flush();
      if (loop.ends?.()) break;
      const seen = this.changes;
      const wake = earliest(
        this.board.nextWakeMs(wakeFromCheck ? now : new Date()),
        loop.nextWakeMs?.(new Date()) ?? null,
      );
      const woken = () => this.changes !== seen || (loop.wakes?.() ?? false) || done();
      if (keepTimer) {
        if (timer && (timer.fired || timer.at !== wake)) {
          timer.cancel();
          timer = null;
        }
        if (wake !== null) timer ??= new WakeTimer(wake);
        const armed = timer;
        let changed = false;
        await condition(() => (changed = woken()) || (armed?.fired ?? false));
        timedOut = !changed;
      } else if (wake === null) {
        await condition(woken);
        timedOut = false;
      } else timedOut = !(await condition(woken, Math.max(1, wake - Date.now())));
    }
    // a timer still armed is left: the run ends (or continues as new) and takes it along unfired
    await condition(allHandlersFinished);
    await this.recorder.flush();
    if (!done()) return this.current(); // the loop ended this run: the case continues as new
    const subject = this.def.followUpSubject?.(this.current());
    if (this.followUpRequestedAt !== null && subject)
      await startFollowUp({
        organisationId: this.setup.organisationId,
        storeId: this.def.storeId ?? null,
        caseNumber: this.caseNumber,
        closedAt: this.followUpRequestedAt,
        subject,
        ...(this.setup.holidayTables ? { holidayTables: this.setup.holidayTables } : {}),
        clock: this.clock,
        recorder: this.recorder,
      });
    return this.current();
  }

  private decided(decision: Decision<E>): E[] {
    if (decision.ok) return decision.events;
    throw ApplicationFailure.create({
      type: decision.error.code,
      message: decision.error.message,
      details: [decision.error.details],
      nonRetryable: true,
    });
  }

  /** completeTask: validated again (an earlier handler may have moved the case on), applied, written. */
  private async complete(req: CompleteTaskInput): Promise<CompleteTaskResult> {
    const now = await this.clock.requested(req.requestedAt, `task:${req.taskId} complete`);
    const { taskId, events } = this.prepare(req, now);
    this.record(events);
    const data = {
      command: req.command.type,
      comment: req.comment ?? null,
      events: events.map((e) => e.type),
    };
    if (this.def.keepsTaskOpen?.(req.command.type))
      this.board.worked(taskId, req.actor.userId, now, data);
    else this.board.complete(taskId, req.actor.userId, now, data);
    this.afterChange(now);
    await this.recorder.flush();
    return { taskId, events: events.map((e) => e.type), status: this.current().status };
  }

  /** Validate a completeTask request: task access, command ∈ task, then the domain's decision. */
  private prepare(req: CompleteTaskInput, now: Date): { taskId: string; events: E[] } {
    const task = this.board.get(req.taskId);
    this.board.assertMayWork(task, req.actor);
    const type = typeof req.command?.type === 'string' ? req.command.type : null;
    if (type === null || !task.commands.includes(type)) {
      throw refusal(
        'COMMAND_INVALID',
        `Task ${task.taskId} (${task.type}) is completed by ${task.commands.join(' or ')}`,
        { taskId: task.taskId, command: type, accepted: task.commands },
      );
    }
    if (type === ACKNOWLEDGE_ESCALATION) return { taskId: task.taskId, events: [] };
    const s = this.current();
    const decision = this.def.decide(s, this.def.parseCommand(req, s), now);
    if (!decision.ok) throw refusalOf(decision.error);
    return { taskId: task.taskId, events: decision.events };
  }

  /** Fold events into the state; audit each, with the records (documents, approvals) it implies. */
  private record(events: E[]): void {
    for (const event of events) {
      const state = this.def.evolve(this.state, event);
      this.state = state;
      if (event.type === 'FollowUpRequested') this.followUpRequestedAt = event.at;
      this.recorder.audit(`${this.def.caseType}.${event.type}`, event.by, event.at, {
        ...event,
      } as Record<string, unknown>);
      applyRecords(this.def.records(event, state), this.recorder, this.documents);
    }
  }

  /** After any change: the definition's bookkeeping, then the tasks the new state needs. */
  private afterChange(now: Date): void {
    const s = this.current();
    this.def.onChange?.(s, now);
    this.board.reconcile(
      this.def.workItems(s),
      now,
      (item) => this.def.taskOptions?.(item, s) ?? {},
    );
    if (this.def.done(s)) this.board.cancelAll(now, this.def.doneReason);
    this.changes += 1;
  }

  private view(setup: CaseSetup): CaseView<S> {
    const s = this.current();
    return {
      caseNumber: this.caseNumber,
      caseType: this.def.caseType,
      organisationId: setup.organisationId,
      policyVersion: this.policy.version,
      status: s.status,
      state: s,
      tasks: this.board.views(),
      overdueStages: [...this.board.overdueStages],
      ...this.def.view(s),
      auditSeq: this.recorder.auditSeq,
      writeIncidents: this.recorder.writeIncidents,
    };
  }

  private snapshot(version: number): CaseSnapshot {
    const facts: BoardFacts = {
      tasksOverdue: this.board.openTasks().some((t) => t.overdue),
      overdueStages: [...this.board.overdueStages],
    };
    return this.def.snapshot(this.current(), facts, version);
  }
}
