import {
  evolveComplaint,
  evolveRepair,
  evolveReturn,
  type ComplaintEvent,
  type RepairEvent,
  type ReturnEvent,
} from '@aso/domain';

/** One audit event as the trail stores it (seq order). */
export interface TrailEvent {
  seq: number;
  occurredAt: Date;
  actor: string;
  action: string;
  data: Record<string, unknown>;
}

/** A task as the trail last described it at the moment. */
export interface TaskAsOf {
  taskId: string;
  type: string | null;
  stage: string | null;
  status: string;
  assignee: string | null;
  since: string;
}

export interface CaseAsOf {
  caseNumber: string;
  type: string;
  at: string;
  /** events of the trail at or before `at` (of all of them) */
  eventCount: number;
  totalEvents: number;
  lastEvent: { seq: number; action: string; actor: string; occurredAt: string } | null;
  /** the domain state then (the case type's events folded with its evolve), null before intake */
  state: Record<string, unknown> | null;
  status: string | null;
  /** the event the fold stopped at when the trail could not be folded further (else null) */
  foldError: { seq: number; message: string } | null;
  tasks: TaskAsOf[];
}

type Evolve = (state: unknown, event: unknown) => unknown;
/** The case types whose domain events the trail records as `<type>.<EventType>`. */
const EVOLVE: Record<string, Evolve> = {
  complaint: (s, e) => evolveComplaint(s as never, e as ComplaintEvent),
  return: (s, e) => evolveReturn(s as never, e as ReturnEvent),
  repair: (s, e) => evolveRepair(s as never, e as RepairEvent),
};

const TASK_STATUS: Record<string, string> = {
  'task.opened': 'open',
  'task.claimed': 'claimed',
  'task.unclaimed': 'open',
  'task.delegated': 'claimed',
  'task.completed': 'completed',
  'task.cancelled': 'cancelled',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The case as it was at `at`, computed from its audit trail alone (issue 11, auditors): every
 * domain event the workflow recorded (`complaint.ComplaintReported`, …, the event itself as the
 * data) is folded with the case type's pure `evolve` — the same fold the workflow runs — and the
 * tasks are what their last `task.*` event up to then said. Events after `at` are ignored.
 */
export function caseAsOf(
  caseNumber: string,
  type: string,
  trail: readonly TrailEvent[],
  at: Date,
): CaseAsOf {
  const upTo = trail.filter((e) => e.occurredAt.getTime() <= at.getTime());
  const evolve = EVOLVE[type];
  let state: unknown = null;
  let foldError: CaseAsOf['foldError'] = null;
  const tasks = new Map<string, TaskAsOf>();
  for (const e of upTo) {
    const status = TASK_STATUS[e.action];
    if (status) {
      const taskId = str(e.data.taskId);
      if (taskId)
        tasks.set(taskId, {
          taskId,
          type: str(e.data.type),
          stage: str(e.data.stage),
          status,
          assignee: str(e.data.assignee),
          since: e.occurredAt.toISOString(),
        });
      continue;
    }
    if (!evolve || foldError || !e.action.startsWith(`${type}.`)) continue;
    if (typeof e.data.type !== 'string') continue;
    try {
      state = evolve(state, e.data);
    } catch (err) {
      foldError = { seq: e.seq, message: (err as Error).message };
    }
  }
  const last = upTo[upTo.length - 1];
  const s = state as Record<string, unknown> | null;
  return {
    caseNumber,
    type,
    at: at.toISOString(),
    eventCount: upTo.length,
    totalEvents: trail.length,
    lastEvent: last
      ? {
          seq: last.seq,
          action: last.action,
          actor: last.actor,
          occurredAt: last.occurredAt.toISOString(),
        }
      : null,
    state: s,
    status: s && typeof s.status === 'string' ? s.status : null,
    foldError,
    tasks: [...tasks.values()],
  };
}
