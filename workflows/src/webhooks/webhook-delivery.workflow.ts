import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type {
  WebhookActivities,
  WebhookDeliveryInput,
  WebhookDeliveryOutcome,
} from '@aso/contracts';

/**
 * One event for one endpoint (issue 11, Notifications): the delivery activity, retried by
 * Temporal with exponential backoff until the receiver answers 2xx, the endpoint is disabled or
 * the attempts are spent — a receiver that is down loses nothing. Started by the worker's
 * outbox dispatcher with a workflow id derived from (endpoint, event), so it runs once.
 */
export async function webhookDelivery(
  input: WebhookDeliveryInput,
): Promise<WebhookDeliveryOutcome> {
  const { retry } = input;
  const { deliverWebhook } = proxyActivities<WebhookActivities>({
    startToCloseTimeout: retry.attemptTimeoutMs + 30_000,
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maximumIntervalMs,
      maximumAttempts: retry.maximumAttempts,
      nonRetryableErrorTypes: ['WEBHOOK_URL_REFUSED'],
    },
  });
  const { failWebhookDelivery } = proxyActivities<WebhookActivities>({
    startToCloseTimeout: '1 minute',
  });
  const key = { endpointId: input.endpointId, eventId: input.eventId };
  try {
    return await deliverWebhook(key);
  } catch (e) {
    const reason = causeMessage(e);
    await failWebhookDelivery({ ...key, reason });
    return { outcome: 'failed', reason };
  }
}

function causeMessage(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof ApplicationFailure) return cause.message;
  return e instanceof Error ? e.message : String(e);
}
