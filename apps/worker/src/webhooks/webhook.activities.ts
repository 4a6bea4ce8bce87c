import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { isPrivateHost, webhookUrlRefusal, type WebhookActivities } from '@aso/contracts';
import type { WebhooksRepository } from '@aso/persistence';
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
} from './webhook-signature';

export const WEBHOOK_URL_REFUSED = 'WEBHOOK_URL_REFUSED';
export const WEBHOOK_HTTP_FAILED = 'WEBHOOK_HTTP_FAILED';

export interface WebhookActivityPorts {
  webhooks: WebhooksRepository;
  allowPrivateUrls: boolean;
  timeoutMs: number;
  now?: () => Date;
}

/**
 * The delivery activities of the `webhookDelivery` workflow. Each call is one HTTP attempt;
 * Temporal retries it with exponential backoff (the workflow's retry policy), so a receiver that
 * is down gets the event later, once, under the same X-ASO-Event-Id. Every attempt is logged
 * (`webhook_delivery_attempts`); the endpoint is read at each attempt, so disabling it stops
 * the retries of what is still pending.
 */
export function createWebhookActivities(ports: WebhookActivityPorts): WebhookActivities {
  const now = ports.now ?? (() => new Date());
  return {
    async deliverWebhook({ endpointId, eventId }) {
      const key = { endpointId, eventId };
      const ctx = await ports.webhooks.deliveryContext(endpointId, eventId);
      if (!ctx) return { outcome: 'skipped', reason: 'unknown_delivery' };
      if (ctx.status !== 'pending') return { outcome: 'skipped', reason: 'already_finished' };
      if (!ctx.endpoint.enabled) {
        await ports.webhooks.finish(key, 'skipped', now());
        return { outcome: 'skipped', reason: 'endpoint_disabled' };
      }
      const attempt = Context.current().info.attempt;
      const attemptedAt = now();
      const started = performance.now();
      const refused = await refusal(ctx.endpoint.url, ports.allowPrivateUrls);
      if (refused) {
        await ports.webhooks.recordAttempt(key, {
          attempt,
          attemptedAt,
          statusCode: null,
          durationMs: 0,
          error: refused,
        });
        throw ApplicationFailure.nonRetryable(refused, WEBHOOK_URL_REFUSED);
      }
      const body = JSON.stringify(ctx.event.payload);
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(ctx.endpoint.url, {
          method: 'POST',
          redirect: 'manual', // a redirect is not followed (it could lead anywhere): it fails
          signal: AbortSignal.timeout(ports.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'aso-webhooks/1',
            [EVENT_ID_HEADER]: ctx.event.id,
            [EVENT_TYPE_HEADER]: ctx.event.type,
            [ATTEMPT_HEADER]: String(attempt),
            [SIGNATURE_HEADER]: signWebhook(
              ctx.endpoint.secret,
              Math.floor(attemptedAt.getTime() / 1000),
              body,
            ),
          },
          body,
        });
        statusCode = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
      } catch (e) {
        error = describe(e);
      }
      await ports.webhooks.recordAttempt(key, {
        attempt,
        attemptedAt,
        statusCode,
        durationMs: Math.round(performance.now() - started),
        error,
      });
      if (error !== null) throw ApplicationFailure.retryable(error, WEBHOOK_HTTP_FAILED);
      await ports.webhooks.finish(key, 'delivered', now());
      return { outcome: 'delivered', statusCode: statusCode as number, attempt };
    },

    async failWebhookDelivery({ endpointId, eventId }) {
      await ports.webhooks.finish({ endpointId, eventId }, 'failed', now());
    },
  };
}

/** Why the URL may not be called now: its form, or an address its host resolves to. */
async function refusal(url: string, allowPrivate: boolean): Promise<string | null> {
  const form = webhookUrlRefusal(url, allowPrivate);
  if (form) return `url ${form.message}`;
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null; // a literal was checked above
  try {
    const addresses = await lookup(host, { all: true });
    const bad = addresses.find((a) => isPrivateHost(a.address));
    return bad ? `url host ${host} resolves to a non-public address (${bad.address})` : null;
  } catch {
    return null; // not resolvable now: the attempt fails and is retried like any other
  }
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timeout';
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message ?? 'fetch failed'}: ${cause}` : (err.message ?? String(e));
}
