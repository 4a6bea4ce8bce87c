import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, Notifications: outgoing webhooks per organisation.
 *
 * `webhook_endpoints`: where an organisation wants to be told (URL, the event types it
 * subscribed to, the HMAC secret shown once when it was registered). Disabled, never deleted.
 *
 * `webhook_events`: each event once (id = `<case number>:<audit key>` or `<case number>:closed`,
 * deterministic, so a retried write records nothing new); the payload receivers get.
 *
 * `webhook_deliveries`: the outbox — one row per (endpoint, event), written by the worker's
 * `recordChanges` after the case write committed; `dispatched_at` once its `webhookDelivery`
 * workflow was started (idempotently, workflow id from the row), `status` as the workflow ends.
 *
 * `webhook_delivery_attempts`: every HTTP attempt (status code, duration, error, attempt number).
 */
export class Webhooks1763801700000 implements MigrationInterface {
  name = 'Webhooks1763801700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        url              text NOT NULL,
        events           text[] NOT NULL,
        description      text,
        secret           text NOT NULL,
        enabled          boolean NOT NULL DEFAULT true,
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        disabled_at      timestamptz
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (organisation_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE webhook_events (
        id               text PRIMARY KEY,
        organisation_id  text NOT NULL,
        type             text NOT NULL,
        case_number      text NOT NULL,
        occurred_at      timestamptz NOT NULL,
        payload          jsonb NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id),
        event_id         text NOT NULL REFERENCES webhook_events (id),
        organisation_id  text NOT NULL,
        status           text NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
        created_at       timestamptz NOT NULL DEFAULT now(),
        dispatched_at    timestamptz,
        finished_at      timestamptz,
        PRIMARY KEY (endpoint_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_undispatched_idx ON webhook_deliveries (created_at)
        WHERE dispatched_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE webhook_delivery_attempts (
        endpoint_id      uuid NOT NULL,
        event_id         text NOT NULL,
        attempt          integer NOT NULL CHECK (attempt >= 1),
        attempted_at     timestamptz NOT NULL,
        status_code      integer,
        duration_ms      integer NOT NULL,
        error            text,
        PRIMARY KEY (endpoint_id, event_id, attempt),
        FOREIGN KEY (endpoint_id, event_id) REFERENCES webhook_deliveries (endpoint_id, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_events`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
