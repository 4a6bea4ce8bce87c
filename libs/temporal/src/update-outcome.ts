import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';

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
 * itself), or — accepted but still running — the live update's result. Undefined when the
 * workflow never accepted such an update (a rejected update leaves no trace in history).
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
  if (!accepted) return undefined;
  try {
    return { ok: true, value: await handle.getUpdateHandle(updateId).result() };
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return { ok: false, error: e };
    throw e;
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
