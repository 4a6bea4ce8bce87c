import type { CaseSnapshot, CaseView, CompleteTaskInput } from '@aso/contracts';
import type {
  BusinessCalendar,
  CaseType,
  Decision,
  HolidayTables,
  PolicyDocument,
  StageOf,
  WorkItem,
} from '@aso/domain';
import type { CaseRecord } from './case-records';
import type { FollowUpSubject } from './follow-up-start';
import type { CaseClock } from './clock';
import type { Recorder } from './recorder';
import type { OpenOptions, TaskBoard } from './task-board';

/** What every domain event of a case carries. */
export interface CaseEvent {
  type: string;
  by: string;
  at: number;
}

/** What a case type adds to the live view (CaseView) besides what the runtime knows. */
export type CaseViewExtras = Pick<
  CaseView,
  'closingClock' | 'parentCaseNumber' | 'childCaseNumbers'
>;

/** What the runtime knows about the tasks, for the read-model snapshot. */
export interface BoardFacts {
  /** some open task is past its due instant */
  tasksOverdue: boolean;
  overdueStages: string[];
}

/**
 * A case type, as the runtime runs it (ARCHITECTURE.md "case runtime"): the domain's decider and
 * fold, which human work a state needs, how a task's command becomes a domain command, what each
 * event means for audit and documents (as data), the projections, and when the case is over.
 * Everything here is deterministic and free of Temporal, except through the hooks the runtime
 * calls at fixed points.
 */
export interface CaseDefinition<
  T extends CaseType,
  S extends { status: string },
  E extends CaseEvent,
  C,
> {
  caseType: T;
  decide(state: S | null, command: C, now: Date): Decision<E>;
  evolve(state: S | null, event: E): S;
  /** the domain command of a completeTask request (its type is one of the task's commands) */
  parseCommand(req: CompleteTaskInput, state: S): C;
  workItems(state: S): WorkItem<StageOf<T>>[];
  /** how a work item's task is due (default: its policy stage, from now) */
  taskOptions?(item: WorkItem<StageOf<T>>, state: S): OpenOptions;
  /** bookkeeping after every change, before the tasks are reconciled (case-level clocks) */
  onChange?(state: S, now: Date): void;
  /** audit entries and document changes of one event, after it was folded into `state` */
  records(event: E, state: S): CaseRecord[];
  done(state: S): boolean;
  /** why the tasks still open are cancelled when the case is done */
  doneReason: string;
  view(state: S): CaseViewExtras;
  /** whom the follow-up call of a closed case is about (cases that emit FollowUpRequested) */
  followUpSubject?(state: S): FollowUpSubject;
  /**
   * Commands that leave their task open (a standing task worked many times, e.g. a
   * consignment's sales): audited as `task.worked`, the task neither completed nor reopened.
   */
  keepsTaskOpen?(commandType: string): boolean;
  /** the store the case belongs to (a follow-up it starts belongs there too) */
  storeId?: string | null;
  snapshot(state: S, facts: BoardFacts, version: number): CaseSnapshot;
}

/** The loop's extension points (child cases): stamped wake-ups, a turn's own work, wake reasons. */
export interface CaseLoop {
  /** a label for a fresh "now" when something other than a change or timer woke the loop */
  stampReason?(): string | null;
  /** runs each turn after the deadline check, before the flush (awaited only when it returns a promise) */
  turn?(now: Date): Promise<void> | undefined;
  /** besides a change, a timer or the end: should the loop wake? */
  wakes?(): boolean;
  /**
   * The case's own next wake-up (epoch ms; e.g. a repair's daily carry-over check), waited for by
   * the same durable timer as the task deadlines; it wakes the loop as a deadline does.
   */
  nextWakeMs?(now: Date): number | null;
  /**
   * After a turn's flush: should this run end here (a long case continues as new with
   * `CaseRuntime.carry()`)? `run` then returns the state without the case being done.
   */
  ends?(): boolean;
}

export interface CaseSetup {
  organisationId: string;
  caseNumber: string;
  /** 5. Policy pinning: the snapshot in the input is the only policy this case ever uses. */
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
  /** when the case began (the clock's "now" until the first stamp) */
  startedAt: string;
}

/** The setup of a case from its start input; `startedAt` is when it began (reported, opened). */
export const caseSetupOf = (
  input: {
    organisationId: string;
    caseNumber: string;
    policy: PolicyDocument;
    holidayTables?: HolidayTables;
  },
  startedAt: string,
): CaseSetup => ({
  organisationId: input.organisationId,
  caseNumber: input.caseNumber,
  policy: input.policy,
  ...(input.holidayTables ? { holidayTables: input.holidayTables } : {}),
  startedAt,
});

/** What a definition may use of the running case (its tasks, writes and clock). */
export interface CaseScope<T extends CaseType> {
  readonly caseNumber: string;
  readonly policy: PolicyDocument;
  readonly calendar: BusinessCalendar;
  readonly clock: CaseClock;
  readonly recorder: Recorder;
  readonly board: TaskBoard<T>;
}
