/**
 * Outgoing webhooks (issue 11, Notifications): what an organisation can subscribe to, and the
 * contract between the worker's dispatcher, the `webhookDelivery` workflow and its activities.
 */
export const WEBHOOK_EVENT_TYPES = [
  'task.assigned',
  'task.escalated',
  'case.closed',
  /** C33: what the case tells the customer (the receiver sends it on the notice's channel) */
  'case.customer_notice',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_WORKFLOW_TYPE = 'webhookDelivery';

/** The workflow id of one event's delivery to one endpoint: starting it twice is a no-op. */
export const webhookDeliveryWorkflowId = (endpointId: string, eventId: string): string =>
  `webhook:${endpointId}:${eventId}`;

/** How the delivery activity is retried (exponential backoff), fixed when the workflow starts. */
export interface WebhookRetryPolicy {
  initialIntervalMs: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  /** how long one HTTP attempt may take before it counts as failed */
  attemptTimeoutMs: number;
}

export interface WebhookDeliveryInput {
  organisationId: string;
  endpointId: string;
  eventId: string;
  retry: WebhookRetryPolicy;
}

export type WebhookDeliveryOutcome =
  | { outcome: 'delivered'; statusCode: number; attempt: number }
  | { outcome: 'skipped'; reason: 'endpoint_disabled' | 'unknown_delivery' | 'already_finished' }
  | { outcome: 'failed'; reason: string };

/** The activities of the `webhookDelivery` workflow (apps/worker/src/webhooks). */
export interface WebhookActivities {
  /**
   * One HTTP attempt: signs and POSTs the event's body, logs the attempt; throws (retryable) on
   * anything but a 2xx. Skips without sending when the endpoint is disabled.
   */
  deliverWebhook(input: { endpointId: string; eventId: string }): Promise<WebhookDeliveryOutcome>;
  /** The retries are exhausted (or the URL is refused for good): the delivery is failed. */
  failWebhookDelivery(input: {
    endpointId: string;
    eventId: string;
    reason: string;
  }): Promise<void>;
}
