import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { completeTaskUpdate } from '../../libs/contracts/src';

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
  /** start times of the workflow tasks that completed: the only "now"s the workflow code saw */
  effectiveTaskTimes: Set<number>;
  /** every accepted completeTask update: its task and the workflow time it was applied at */
  completions: Array<{ taskId: string; at: number; updateId: string }>;
  /** the workflow's result (closedAt etc.), once it completed */
  result: { closedAt?: string | null } | undefined;
}

export async function readHistories(client: Client): Promise<CaseHistory[]> {
  const out: CaseHistory[] = [];
  for await (const wf of client.workflow.list()) {
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    out.push(analyse(wf.workflowId, wf.runId, wf.status.name, history.events ?? []));
  }
  return out;
}

function analyse(
  workflowId: string,
  runId: string,
  status: string,
  events: HistoryEvent[],
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
  let startedAt: number | undefined; // the current workflow task's start
  let effectiveStart: number | undefined; // the last workflow task that completed
  for (const e of events) {
    const started = e.workflowExecutionStartedEventAttributes;
    if (started) {
      const input = decode(started.input?.payloads?.[0]) as
        { caseNumber?: string; reportedAt?: string; intake?: { orderNumber?: string } } | undefined;
      h.caseNumber = input?.caseNumber;
      h.orderNumber = input?.intake?.orderNumber;
      h.reportedAt = input?.reportedAt ? Date.parse(input.reportedAt) : undefined;
    }
    if (e.workflowTaskStartedEventAttributes) startedAt = ms(e.eventTime as Timestamp);
    if (e.workflowTaskCompletedEventAttributes && startedAt !== undefined) {
      effectiveStart = startedAt;
      h.effectiveTaskTimes.add(startedAt);
    }
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted && accepted.acceptedRequest?.input?.name === completeTaskUpdate.name) {
      const arg = decode(accepted.acceptedRequest.input.args?.payloads?.[0]) as
        { taskId?: string } | undefined;
      h.completions.push({
        taskId: arg?.taskId ?? '?',
        at: effectiveStart ?? NaN,
        updateId: accepted.acceptedRequest.meta?.updateId ?? '?',
      });
    }
    const completed = e.workflowExecutionCompletedEventAttributes;
    if (completed) h.result = decode(completed.result?.payloads?.[0]) as CaseHistory['result'];
  }
  return h;
}
