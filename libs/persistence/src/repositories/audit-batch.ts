import type { DataSource } from 'typeorm';
import { canonicalAuditEvent, type AuditEventContent } from '../audit/audit-hash';
import type { JsonObject } from '../audit/canonical-json';

/** A keyed event of a batch; the chain gives it its seq. */
export interface KeyedAuditEventInput {
  organisationId: string;
  caseNumber: string;
  key: string;
  occurredAt: Date;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}

export type BatchOutcome =
  | { kind: 'appended'; rows: Array<{ seq: number; hash: string }> }
  /** A key of the batch is already recorded: nothing was written, take the per-event path. */
  | { kind: 'retry' }
  | { kind: 'organisation_mismatch'; seq: number };

const SEQ_TAIL = '"seq":1}';

/**
 * The canonical event up to and including `"seq":`, for audit_append_batch to finish once it
 * knows the seq. Canonical JSON sorts keys and seq sorts last of the hashed fields; if that ever
 * stops holding this returns null and the caller takes the per-event path.
 */
export function canonicalUpToSeq(content: Omit<AuditEventContent, 'seq'>): string | null {
  const canonical = canonicalAuditEvent({ ...content, seq: 1 });
  return canonical.endsWith(SEQ_TAIL) ? canonical.slice(0, -2) : null;
}

/**
 * One round trip for a case's batch (see migration 1763803600000-audit-append-batch). Returns
 * null when the batch cannot take this path (a key twice in it, or an unexpected canonical form).
 */
export async function appendBatchOnce(
  ds: DataSource,
  events: KeyedAuditEventInput[],
): Promise<BatchOutcome | null> {
  const first = events[0];
  if (!first) return { kind: 'appended', rows: [] };
  if (new Set(events.map((e) => e.key)).size !== events.length) return null;
  const payload = [];
  for (const e of events) {
    const occurredAt = e.occurredAt.toISOString();
    const upToSeq = canonicalUpToSeq({
      organisationId: e.organisationId,
      caseNumber: e.caseNumber,
      occurredAt,
      actor: e.actor,
      action: e.action,
      data: e.data,
      policyVersion: e.policyVersion,
    });
    if (upToSeq === null) return null;
    payload.push({
      key: e.key,
      occurredAt,
      actor: e.actor,
      action: e.action,
      data: e.data,
      policyVersion: e.policyVersion,
      canonicalUpToSeq: upToSeq,
    });
  }
  const rows: Array<{ outcome: string; seq: number | null; hash: string | null }> = await ds.query(
    `SELECT outcome, seq, hash FROM audit_append_batch($1, $2, $3::jsonb)`,
    [first.organisationId, first.caseNumber, JSON.stringify(payload)],
  );
  const head = rows[0];
  if (head?.outcome === 'retry') return { kind: 'retry' };
  if (head?.outcome === 'organisation_mismatch') {
    return { kind: 'organisation_mismatch', seq: head.seq ?? 0 };
  }
  return {
    kind: 'appended',
    rows: rows.map((r) => ({ seq: Number(r.seq), hash: String(r.hash) })),
  };
}
