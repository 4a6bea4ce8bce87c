import { Logger } from '@nestjs/common';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  WEBHOOK_DELIVERY_WORKFLOW_TYPE,
  webhookDeliveryWorkflowId,
  type CaseChanges,
  type WebhookDeliveryInput,
  type WebhookRetryPolicy,
} from '@aso/contracts';
import type { WebhookDeliveryKey, WebhooksRepository } from '@aso/persistence';
import { webhookEventsOf } from './webhook-events';

/**
 * The outbox of outgoing webhooks. `record` runs in the worker's `recordChanges` after the
 * case's write committed: it stores the events and one outbox row per subscribed endpoint (one
 * transaction, idempotent), then starts one `webhookDelivery` workflow per row, outside any
 * transaction and after the commit, with a workflow id derived from the row (REJECT_DUPLICATE +
 * USE_EXISTING: a second start is a no-op). A start that fails or never happens (the worker
 * died in between) is made by the sweep, which starts every row still undispatched.
 */
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly retry: WebhookRetryPolicy,
  ) {}

  /** Stores the write's webhook events in the outbox; starts their deliveries without waiting. */
  async record(changes: CaseChanges): Promise<void> {
    const events = webhookEventsOf(changes);
    if (events.length === 0) return;
    const pending = await this.webhooks.recordEvents(events);
    if (pending.length > 0) void this.dispatch(pending);
  }

  async dispatch(keys: readonly WebhookDeliveryKey[]): Promise<void> {
    for (const key of keys) {
      try {
        const input: WebhookDeliveryInput = { ...key, retry: this.retry };
        await this.client.workflow
          .start(WEBHOOK_DELIVERY_WORKFLOW_TYPE, {
            workflowId: webhookDeliveryWorkflowId(key.endpointId, key.eventId),
            taskQueue: this.taskQueue,
            args: [input],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          })
          .catch((e: unknown) => {
            if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
          });
        await this.webhooks.markDispatched(key, new Date());
      } catch (e) {
        this.logger.warn(
          `webhook delivery ${key.endpointId}/${key.eventId} not started yet (the sweep retries): ${(e as Error).message}`,
        );
      }
    }
  }

  /** Starts what the outbox holds undispatched for longer than `graceMs`. */
  async sweep(graceMs = 5_000): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      // one batch per sweep: while Temporal is unreachable the rows stay for the next one
      await this.dispatch(await this.webhooks.undispatched(new Date(Date.now() - graceMs), 200));
    } catch (e) {
      this.logger.warn(`webhook outbox sweep failed: ${(e as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  startSweeping(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.sweep(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
