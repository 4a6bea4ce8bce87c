import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import {
  FOLLOW_UP_WORKFLOW_TYPE,
  BASELINE_PATCH,
  TIME_FROM_REQUEST_PATCH,
  completeTaskUpdate,
} from '../../libs/contracts/src';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Timestamp = { seconds?: { toNumber(): number } | number | null; nanos?: number | null };

/** Milliseconds of a history timestamp, as the workflow's Date sees it (the SDK truncates nanos). */
const ms = (ts: Timestamp | null | undefined): number => {
  if (!ts) return NaN;
  const s = ts.seconds ?? 0;
  return (typeof s === 'number' ? s : s.toNumber()) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
};

const decode = (payload: unknown): unknown =>
  payload ? defaultPayloadConverter.fromPayload(payload as never) : undefined;

/** What a workflow's history says about a case, reduced to what the checks compare. */
export interface CaseHistory {
  workflowId: string;
  runId: string;
  status: string;
  caseNumber: string | undefined;
  orderNumber: string | undefined;
  reportedAt: number | undefined;
  /**
   * Set for a follow-up (HF) case a closing complaint started as its child (DOMAIN.md §5): the
   * complaint it follows, that complaint's close instant the child's call clock runs from, and
   * the child's opening instant. The opening instant is a time the parent stamped in its own
   * history (before starting the child), so it precedes the child's first workflow task.
   */
  followUp?: { parentCaseNumber: string; parentClosedAt: number; openedAt: number };
  /**
   * The only "now"s the workflow code may have stored: the times its `stampTime` local
   * activities recorded (workflows/src/shared/clock.ts), or, for a history from before that
   * patch, the start times of the workflow tasks that completed.
   */
  effectiveTaskTimes: Set<number>;
  /** every accepted completeTask update: its task and the workflow time it was applied at */
  completions: Array<{ taskId: string; at: number; updateId: string; stamped?: boolean }>;
  /** the workflow's result (closedAt etc.), once it completed */
  result: { closedAt?: string | null } | undefined;
}

export async function readHistories(client: Client): Promise<CaseHistory[]> {
  const out: CaseHistory[] = [];
  for await (const wf of client.workflow.list()) {
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    out.push(
      analyse(
        wf.workflowId,
        wf.runId,
        wf.status.name,
        history.events ?? [],
        wf.type === FOLLOW_UP_WORKFLOW_TYPE,
      ),
    );
  }
  return out;
}

/** The fields of a complaint's or a follow-up's start input the checks read. */
interface StartInput {
  caseNumber?: string;
  reportedAt?: string;
  intake?: { orderNumber?: string };
  openedAt?: string;
  source?: { kind?: string; parentCaseNumber?: string; closedAt?: number };
}

function analyse(
  workflowId: string,
  runId: string,
  status: string,
  events: HistoryEvent[],
  isFollowUp: boolean,
): CaseHistory {
  const h: CaseHistory = {
    workflowId,
    runId,
    status,
    caseNumber: undefined,
    orderNumber: undefined,
    reportedAt: undefined,
    effectiveTaskTimes: new Set(),
    completions: [],
    result: undefined,
  };
  const stamps = new Set<number>();
  // the case clock's last recorded "now" (clock.ts): a person's step takes max(last, requestedAt)
  let lastStamp = Number.NEGATIVE_INFINITY;
  const patchIds = new Set(
    events
      .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
      .map(
        (e) =>
          (
            decode(e.markerRecordedEventAttributes!.details?.['patch-data']?.payloads?.[0]) as
              { id?: string } | undefined
          )?.id,
      ),
  );
  // a run under the baseline took time-from-request without a marker of its own
  // (workflows/src/shared/patches.ts)
  const timeFromRequest = [TIME_FROM_REQUEST_PATCH, BASELINE_PATCH].some((id) => patchIds.has(id));
  const taskStarts = new Set<number>();
  let startedAt: number | undefined; // the current workflow task's start
  let effectiveStart: number | undefined; // the last workflow task that completed
  for (const e of events) {
    const started = e.workflowExecutionStartedEventAttributes;
    if (started) {
      const input = decode(started.input?.payloads?.[0]) as StartInput | undefined;
      h.caseNumber = input?.caseNumber;
      h.orderNumber = input?.intake?.orderNumber;
      h.reportedAt = input?.reportedAt ? Date.parse(input.reportedAt) : undefined;
      if (isFollowUp)
        h.followUp = {
          parentCaseNumber: input?.source?.parentCaseNumber ?? '?',
          parentClosedAt: input?.source?.closedAt ?? NaN,
          openedAt: input?.openedAt ? Date.parse(input.openedAt) : NaN,
        };
    }
    if (e.workflowTaskStartedEventAttributes) startedAt = ms(e.eventTime as Timestamp);
    if (e.workflowTaskCompletedEventAttributes && startedAt !== undefined) {
      effectiveStart = startedAt;
      taskStarts.add(startedAt);
    }
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_local_activity') {
      const meta = decode(marker.details?.data?.payloads?.[0]) as
        { activity_type?: string } | undefined;
      if (meta?.activity_type === 'stampTime') {
        const stamp = decode(marker.details?.result?.payloads?.[0]) as
          { at: number; label: string } | undefined;
        if (stamp) {
          stamps.add(stamp.at);
          lastStamp = Math.max(lastStamp, stamp.at);
          // the handler of a completeTask update stamps `task:<id> complete` first thing
          const m = /^task:(\S+) complete$/.exec(stamp.label);
          const c = m
            ? [...h.completions].reverse().find((x) => x.taskId === m[1] && x.stamped !== true)
            : undefined;
          if (c) Object.assign(c, { at: stamp.at, stamped: true });
        }
      }
    }
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    const arg = accepted
      ? (decode(accepted.acceptedRequest?.input?.args?.payloads?.[0]) as
          { taskId?: string; requestedAt?: string } | undefined)
      : undefined;
    // a person's step after the patch: its "now" is the request time history holds (clock.ts)
    const requested =
      timeFromRequest && arg?.requestedAt ? Math.max(lastStamp, Date.parse(arg.requestedAt)) : NaN;
    if (Number.isFinite(requested)) {
      stamps.add(requested);
      lastStamp = requested;
    }
    if (accepted && accepted.acceptedRequest?.input?.name === completeTaskUpdate.name) {
      h.completions.push({
        taskId: arg?.taskId ?? '?',
        at: Number.isFinite(requested) ? requested : (effectiveStart ?? NaN),
        updateId: accepted.acceptedRequest.meta?.updateId ?? '?',
        ...(Number.isFinite(requested) ? { stamped: true } : {}),
      });
    }
    const completed = e.workflowExecutionCompletedEventAttributes;
    if (completed) h.result = decode(completed.result?.payloads?.[0]) as CaseHistory['result'];
  }
  h.effectiveTaskTimes = stamps.size > 0 ? stamps : taskStarts;
  return h;
}
