import { WEBHOOK_EVENT_TYPES } from '@aso/contracts';
import { queryInteger } from '../common/query-integer';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const createWebhookBodySchema = z
  .object({
    url: z
      .string()
      .max(2048)
      .describe(
        'absolute http(s) URL the events are POSTed to; loopback, private and link-local ' +
          'addresses are refused unless the deployment allows them (WEBHOOK_ALLOW_PRIVATE_URLS)',
      ),
    events: z
      .array(webhookEventTypeSchema)
      .min(1)
      .max(WEBHOOK_EVENT_TYPES.length)
      .refine((e) => new Set(e).size === e.length, { message: 'each event type once' }),
    description: z.string().max(200).optional(),
  })
  .strict()
  .openapi('CreateWebhookRequest');

export const webhookIdSchema = z.string().uuid();
const webhookIdParams = z.object({ id: webhookIdSchema });

export const deliveriesQuerySchema = z
  .object({ limit: queryInteger(1, 500, 100).describe('newest first; default 100') })
  .strict();

export const webhookEndpointSchema = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    description: z.string().nullable(),
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi('WebhookEndpoint');

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({
    secret: z
      .string()
      .describe(
        'the HMAC-SHA256 key of X-ASO-Signature (t=<unix seconds>,v1=<hex of HMAC(secret, "t.body")>); shown only in this answer',
      ),
  })
  .openapi('CreatedWebhookEndpoint');

export const webhookDeliverySchema = z
  .object({
    eventId: z.string().describe('also the X-ASO-Event-Id header (for the receiver’s de-dup)'),
    eventType: webhookEventTypeSchema,
    caseNumber: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
    createdAt: z.string(),
    dispatchedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        attemptedAt: z.string(),
        statusCode: z.number().int().nullable(),
        durationMs: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi('WebhookDelivery');

registerRoute({
  method: 'get',
  path: 'webhooks',
  tag: 'webhooks',
  summary: 'The organisation’s webhook endpoints (admins)',
  response: { status: 200, description: 'Endpoints', schema: z.array(webhookEndpointSchema) },
});
registerRoute({
  method: 'post',
  path: 'webhooks',
  tag: 'webhooks',
  summary: 'Register a webhook endpoint (admins); the answer shows its secret once',
  description:
    'Events: task.assigned, task.escalated, case.closed. Each is POSTed as JSON with ' +
    'X-ASO-Event-Id, X-ASO-Event-Type, X-ASO-Delivery-Attempt and X-ASO-Signature; ' +
    'anything but a 2xx is retried with exponential backoff.',
  body: createWebhookBodySchema,
  response: {
    status: 201,
    description: 'The new endpoint with its secret',
    schema: createdWebhookEndpointSchema,
  },
});
registerRoute({
  method: 'post',
  path: 'webhooks/:id/disable',
  tag: 'webhooks',
  summary: 'Disable a webhook endpoint (admins): nothing more is sent to it, pending retries stop',
  params: webhookIdParams,
  response: { status: 200, description: 'The disabled endpoint', schema: webhookEndpointSchema },
  errors: [404],
});
registerRoute({
  method: 'get',
  path: 'webhooks/:id/deliveries',
  tag: 'webhooks',
  summary: 'The endpoint’s deliveries with every attempt (admins)',
  params: webhookIdParams,
  query: deliveriesQuerySchema,
  response: {
    status: 200,
    description: 'Deliveries, newest first',
    schema: z.array(webhookDeliverySchema),
  },
  errors: [404],
});
