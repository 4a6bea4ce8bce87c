import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';

export type UpdateOutcome = { ok: true; value: unknown } | { ok: false; error: Error };

type HistoryEvent = NonNullable<
  Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']
>[number];
type Outcome = NonNullable<
  NonNullable<HistoryEvent['workflowExecutionUpdateCompletedEventAttributes']>['outcome']
>;

/**
 * Finds what a workflow answered to the update `updateId`, from its history: the completed
 * event's outcome (also after the workflow finished, when Temporal no longer serves the update
 * itself), or — accepted but still running, or admitted and not yet accepted — the live
 * update's result. Undefined when the server never had such an update (a rejected update leaves
 * no trace).
 */
export async function findUpdateOutcome(
  client: Client,
  workflowId: string,
  updateId: string,
): Promise<UpdateOutcome | undefined> {
  const handle = client.workflow.getHandle(workflowId);
  const history = await handle.fetchHistory();
  let accepted = false;
  for (const event of history.events ?? []) {
    if (
      event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId ===
      updateId
    ) {
      accepted = true;
    }
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed?.meta?.updateId === updateId && completed.outcome) {
      return decode(client, completed.outcome);
    }
  }
  if (!accepted) return inFlightOutcome(handle, updateId);
  try {
    return { ok: true, value: await handle.getUpdateHandle(updateId).result() };
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return { ok: false, error: e };
    throw e;
  }
}

/**
 * Not in history (yet) need not mean never sent: an update the server admitted whose workflow
 * task is still running (a worker replaying its cache after a restart) is not accepted in
 * history, while its handler's read-model write may already be visible — so a retry found its
 * task completed and was refused (TASK_NOT_OPEN) for a command that took effect (chaos run,
 * issue 14). The server knows an admitted update by its id: asking for its result waits for it.
 * An id it never saw (or a rejected update, which leaves no trace) is NOT_FOUND, which the SDK
 * raises as WorkflowNotFoundError.
 */
async function inFlightOutcome(
  handle: WorkflowHandle,
  updateId: string,
): Promise<UpdateOutcome | undefined> {
  try {
    return { ok: true, value: await handle.getUpdateHandle(updateId).result() };
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return { ok: false, error: e };
    if (e instanceof WorkflowNotFoundError) return undefined;
    // Anything else (a finished workflow no longer serving updates, an outage mid-poll): the
    // answer history gives, as before this fallback — not accepted.
    return undefined;
  }
}

function decode(client: Client, outcome: Outcome): UpdateOutcome {
  const converter = client.options.loadedDataConverter;
  if (outcome.failure) {
    const cause = converter.failureConverter.failureToError(
      outcome.failure,
      converter.payloadConverter,
    );
    return { ok: false, error: new WorkflowUpdateFailedError('Workflow Update failed', cause) };
  }
  const payload = outcome.success?.payloads?.[0];
  return {
    ok: true,
    value: payload ? converter.payloadConverter.fromPayload(payload) : undefined,
  };
}
