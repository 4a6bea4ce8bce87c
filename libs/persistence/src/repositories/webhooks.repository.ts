import type { DataSource } from 'typeorm';
import type { WebhookEventType } from '@aso/contracts';
import type { JsonObject } from '../audit/canonical-json';

export interface WebhookEndpointRow {
  id: string;
  organisationId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface NewWebhookEndpoint {
  id: string;
  organisationId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  createdBy: string;
}

/** One event as the worker observed it in a case write. */
export interface WebhookEventInput {
  id: string;
  organisationId: string;
  type: WebhookEventType;
  caseNumber: string;
  occurredAt: Date;
  payload: JsonObject;
}

/** An outbox row: one event for one endpoint. */
export interface WebhookDeliveryKey {
  endpointId: string;
  eventId: string;
  organisationId: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

export interface WebhookAttemptRow {
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookDeliveryRow {
  eventId: string;
  eventType: WebhookEventType;
  caseNumber: string;
  status: WebhookDeliveryStatus;
  createdAt: Date;
  dispatchedAt: Date | null;
  finishedAt: Date | null;
  attempts: WebhookAttemptRow[];
}

/** What one delivery attempt needs: the endpoint (secret included) and the event's payload. */
export interface WebhookDeliveryContext {
  endpoint: WebhookEndpointRow & { secret: string };
  event: { id: string; type: WebhookEventType; payload: JsonObject };
  status: WebhookDeliveryStatus;
}

interface EndpointSqlRow {
  id: string;
  organisation_id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  enabled: boolean;
  created_by: string;
  created_at: Date;
  disabled_at: Date | null;
}

const toEndpoint = (r: EndpointSqlRow): WebhookEndpointRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  url: r.url,
  events: r.events,
  description: r.description,
  enabled: r.enabled,
  createdBy: r.created_by,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

/**
 * Outgoing webhooks: endpoints per organisation, the events and the outbox of deliveries the
 * worker fills after a case write commits, and the log of every attempt.
 */
export class WebhooksRepository {
  constructor(private readonly ds: DataSource) {}

  async createEndpoint(e: NewWebhookEndpoint, now: Date): Promise<WebhookEndpointRow> {
    const rows: EndpointSqlRow[] = await this.ds.query(
      `INSERT INTO webhook_endpoints
         (id, organisation_id, url, events, description, secret, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [e.id, e.organisationId, e.url, e.events, e.description, e.secret, e.createdBy, now],
    );
    return toEndpoint(rows[0] as EndpointSqlRow);
  }

  /** The organisation's endpoints, oldest first (never the secrets). */
  async listEndpoints(organisationId: string): Promise<WebhookEndpointRow[]> {
    const rows: EndpointSqlRow[] = await this.ds.query(
      `SELECT * FROM webhook_endpoints WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
    return rows.map(toEndpoint);
  }

  async findEndpoint(organisationId: string, id: string): Promise<WebhookEndpointRow | null> {
    const rows: EndpointSqlRow[] = await this.ds.query(
      `SELECT * FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /** Disables the endpoint (idempotent: a disabled one keeps its first `disabled_at`). */
  async disableEndpoint(
    organisationId: string,
    id: string,
    now: Date,
  ): Promise<WebhookEndpointRow | null> {
    await this.ds.query(
      `UPDATE webhook_endpoints SET enabled = false, disabled_at = $3
        WHERE organisation_id = $1 AND id = $2 AND enabled`,
      [organisationId, id, now],
    );
    return this.findEndpoint(organisationId, id);
  }

  /**
   * Records the events once each and, in the same transaction, one outbox row per enabled
   * endpoint of the organisation subscribed to the event's type. Idempotent: a retried case
   * write records nothing new. Returns the outbox rows not yet dispatched for these events.
   */
  async recordEvents(events: readonly WebhookEventInput[]): Promise<WebhookDeliveryKey[]> {
    if (events.length === 0) return [];
    const organisationId = (events[0] as WebhookEventInput).organisationId;
    const wantedBy = (subscribed: Array<{ events: string[] }>) =>
      events.filter((e) => subscribed.some((s) => s.events.includes(e.type)));
    // Most writes concern no endpoint: one autocommit read answers them (it sees what the
    // transaction's first read would see), instead of BEGIN, the read and COMMIT — 15 of a
    // complaint's ~57 round trips to PostgreSQL (issue 14, pg_stat_statements of
    // bench:complaints).
    if (wantedBy(await this.subscriptions(this.ds, organisationId)).length === 0) return [];
    return this.ds.transaction(async (m) => {
      const wanted = wantedBy(await this.subscriptions(m, organisationId));
      if (wanted.length === 0) return [];
      for (const e of wanted) {
        await m.query(
          `INSERT INTO webhook_events (id, organisation_id, type, case_number, occurred_at, payload)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [e.id, e.organisationId, e.type, e.caseNumber, e.occurredAt, e.payload],
        );
        await m.query(
          `INSERT INTO webhook_deliveries (endpoint_id, event_id, organisation_id)
           SELECT id, $2, organisation_id FROM webhook_endpoints
            WHERE organisation_id = $1 AND enabled AND $3 = ANY (events)
           ON CONFLICT DO NOTHING`,
          [e.organisationId, e.id, e.type],
        );
      }
      const rows: Array<{ endpoint_id: string; event_id: string; organisation_id: string }> =
        await m.query(
          `SELECT endpoint_id, event_id, organisation_id FROM webhook_deliveries
            WHERE event_id = ANY ($1) AND dispatched_at IS NULL`,
          [wanted.map((e) => e.id)],
        );
      return rows.map((r) => ({
        endpointId: r.endpoint_id,
        eventId: r.event_id,
        organisationId: r.organisation_id,
      }));
    });
  }

  private subscriptions(
    q: Pick<DataSource, 'query'>,
    organisationId: string,
  ): Promise<Array<{ id: string; events: string[] }>> {
    return q.query(
      `SELECT id, events FROM webhook_endpoints WHERE organisation_id = $1 AND enabled`,
      [organisationId],
    );
  }

  /** Outbox rows whose workflow was never started, older than `before` (the sweeper's). */
  async undispatched(before: Date, limit: number): Promise<WebhookDeliveryKey[]> {
    const rows: Array<{ endpoint_id: string; event_id: string; organisation_id: string }> =
      await this.ds.query(
        `SELECT endpoint_id, event_id, organisation_id FROM webhook_deliveries
          WHERE dispatched_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`,
        [before, limit],
      );
    return rows.map((r) => ({
      endpointId: r.endpoint_id,
      eventId: r.event_id,
      organisationId: r.organisation_id,
    }));
  }

  async markDispatched(key: WebhookDeliveryKey, now: Date): Promise<void> {
    await this.ds.query(
      `UPDATE webhook_deliveries SET dispatched_at = $3
        WHERE endpoint_id = $1 AND event_id = $2 AND dispatched_at IS NULL`,
      [key.endpointId, key.eventId, now],
    );
  }

  async deliveryContext(
    endpointId: string,
    eventId: string,
  ): Promise<WebhookDeliveryContext | null> {
    const rows: Array<
      EndpointSqlRow & {
        event_type: WebhookEventType;
        payload: JsonObject;
        status: WebhookDeliveryStatus;
      }
    > = await this.ds.query(
      `SELECT e.*, ev.type AS event_type, ev.payload, d.status
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         JOIN webhook_events ev ON ev.id = d.event_id
        WHERE d.endpoint_id = $1 AND d.event_id = $2`,
      [endpointId, eventId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      endpoint: { ...toEndpoint(r), secret: r.secret },
      event: { id: eventId, type: r.event_type, payload: r.payload },
      status: r.status,
    };
  }

  /** One attempt's outcome (a retried write of the same attempt keeps the first). */
  async recordAttempt(
    key: { endpointId: string; eventId: string },
    a: WebhookAttemptRow,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO webhook_delivery_attempts
         (endpoint_id, event_id, attempt, attempted_at, status_code, duration_ms, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [key.endpointId, key.eventId, a.attempt, a.attemptedAt, a.statusCode, a.durationMs, a.error],
    );
  }

  /** The delivery's end: delivered, given up (failed) or skipped (endpoint disabled). */
  async finish(
    key: { endpointId: string; eventId: string },
    status: Exclude<WebhookDeliveryStatus, 'pending'>,
    now: Date,
  ): Promise<void> {
    await this.ds.query(
      `UPDATE webhook_deliveries SET status = $3, finished_at = $4
        WHERE endpoint_id = $1 AND event_id = $2 AND status = 'pending'`,
      [key.endpointId, key.eventId, status, now],
    );
  }

  /** The endpoint's deliveries, newest first, each with its attempts in order. */
  async deliveries(
    organisationId: string,
    endpointId: string,
    limit: number,
  ): Promise<WebhookDeliveryRow[]> {
    const rows: Array<{
      event_id: string;
      type: WebhookEventType;
      case_number: string;
      status: WebhookDeliveryStatus;
      created_at: Date;
      dispatched_at: Date | null;
      finished_at: Date | null;
      attempts: Array<{
        attempt: number;
        attempted_at: string;
        status_code: number | null;
        duration_ms: number;
        error: string | null;
      }>;
    }> = await this.ds.query(
      `SELECT d.event_id, ev.type, ev.case_number, d.status, d.created_at, d.dispatched_at,
              d.finished_at,
              COALESCE((SELECT json_agg(json_build_object(
                         'attempt', a.attempt, 'attempted_at', a.attempted_at,
                         'status_code', a.status_code, 'duration_ms', a.duration_ms,
                         'error', a.error) ORDER BY a.attempt)
                  FROM webhook_delivery_attempts a
                 WHERE a.endpoint_id = d.endpoint_id AND a.event_id = d.event_id), '[]') AS attempts
         FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
        WHERE d.organisation_id = $1 AND d.endpoint_id = $2
        ORDER BY d.created_at DESC, d.event_id DESC LIMIT $3`,
      [organisationId, endpointId, limit],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      eventType: r.type,
      caseNumber: r.case_number,
      status: r.status,
      createdAt: r.created_at,
      dispatchedAt: r.dispatched_at,
      finishedAt: r.finished_at,
      attempts: r.attempts.map((a) => ({
        attempt: a.attempt,
        attemptedAt: new Date(a.attempted_at),
        statusCode: a.status_code,
        durationMs: a.duration_ms,
        error: a.error,
      })),
    }));
  }
}
