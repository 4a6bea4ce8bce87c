import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import { eventually } from './poll';

/**
 * A workflow's result read from its history, polled. Not `handle.result()`: awaiting a result
 * through the test environment's client unlocks the server's time skipping, and it may jump to
 * the next timer of any workflow (a new review's first deadline, days later) before the test has
 * looked at it.
 */
export async function resultFromHistory<T>(
  handle: Pick<WorkflowHandle, 'fetchHistory' | 'workflowId'>,
): Promise<T> {
  const completed = await eventually(async () => {
    const history = await handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, `${handle.workflowId} to complete`);
  const [payload] = completed.result?.payloads ?? [];
  return defaultPayloadConverter.fromPayload(payload!) as T;
}

/** The patches a workflow's history marks (core's `core_patch` markers), in order. */
export async function patchesOf(handle: Pick<WorkflowHandle, 'fetchHistory'>): Promise<string[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  return events
    .map((e) => e.markerRecordedEventAttributes)
    .filter((m) => m?.markerName === 'core_patch')
    .flatMap((m) => Object.values(m?.details ?? {}).flatMap((p) => p.payloads ?? []))
    .map((p) => defaultPayloadConverter.fromPayload(p) as { id?: string })
    .map((d) => d.id ?? '');
}
