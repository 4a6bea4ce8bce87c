import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { webhookUrlRefusal, type WebhookEventType } from '@aso/contracts';
import {
  AuditRepository,
  WebhooksRepository,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '@aso/persistence';
import { recordOrgEvent } from '../audit/org-audit';
import { assertAdmin } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';

export interface NewWebhookInput {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toView = (e: WebhookEndpointRow) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description,
  enabled: e.enabled,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
  disabledAt: iso(e.disabledAt),
});

const toDeliveryView = (d: WebhookDeliveryRow) => ({
  eventId: d.eventId,
  eventType: d.eventType,
  caseNumber: d.caseNumber,
  status: d.status,
  createdAt: d.createdAt.toISOString(),
  dispatchedAt: iso(d.dispatchedAt),
  finishedAt: iso(d.finishedAt),
  attempts: d.attempts.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
});

/**
 * Webhook endpoints of the admin's organisation: registered (the secret is in the answer once
 * and never again), listed, disabled; their delivery log. Registrations and disablings are
 * events of the organisation's audit trail (`org:<id>`), without the secret.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(admin: AuthUser) {
    assertAdmin(admin, 'Listing webhooks');
    return (await this.webhooks.listEndpoints(admin.organisationId)).map(toView);
  }

  async create(admin: AuthUser, input: NewWebhookInput) {
    assertAdmin(admin, 'Registering a webhook');
    const refused = webhookUrlRefusal(input.url, this.config.WEBHOOK_ALLOW_PRIVATE_URLS);
    if (refused) {
      throw new ApiError('VALIDATION_FAILED', 'Invalid input: body.url', {
        issues: [{ path: 'body.url', message: refused.message }],
      });
    }
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const now = this.clock();
    const created = await this.webhooks.createEndpoint(
      {
        id: randomUUID(),
        organisationId: admin.organisationId,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secret,
        createdBy: admin.id,
      },
      now,
    );
    await recordOrgEvent(this.audit, {
      organisationId: admin.organisationId,
      key: `webhook:${created.id}:registered`,
      actor: admin.id,
      action: 'WebhookRegistered',
      data: { webhookId: created.id, url: created.url, events: created.events },
      at: now,
    });
    return { ...toView(created), secret };
  }

  async disable(admin: AuthUser, id: string) {
    assertAdmin(admin, 'Disabling a webhook');
    const now = this.clock();
    const endpoint = await this.webhooks.disableEndpoint(admin.organisationId, id, now);
    if (!endpoint) throw new ApiError('NOT_FOUND', `No webhook ${id}`, { webhookId: id });
    await recordOrgEvent(this.audit, {
      organisationId: admin.organisationId,
      key: `webhook:${id}:disabled`,
      actor: admin.id,
      action: 'WebhookDisabled',
      data: { webhookId: id, url: endpoint.url },
      at: endpoint.disabledAt ?? now,
    });
    return toView(endpoint);
  }

  async deliveries(admin: AuthUser, id: string, limit: number) {
    assertAdmin(admin, 'Reading webhook deliveries');
    const endpoint = await this.webhooks.findEndpoint(admin.organisationId, id);
    if (!endpoint) throw new ApiError('NOT_FOUND', `No webhook ${id}`, { webhookId: id });
    return (await this.webhooks.deliveries(admin.organisationId, id, limit)).map(toDeliveryView);
  }
}
