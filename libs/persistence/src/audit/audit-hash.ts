import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from './canonical-json';

/**
 * One link of a case's audit chain: hash = sha256(prev_hash ‖ canonical(event)). Each hash
 * covers the previous one, so changing, deleting or reordering any event breaks every link
 * after it. Only the fields below are hashed (never recorded_at or the hashes themselves), so
 * the chain can be recomputed from the rows alone.
 */
export interface AuditEventContent {
  organisationId: string;
  caseNumber: string;
  /** 1, 2, 3, … per case, from the workflow's deterministic counter. */
  seq: number;
  /** ISO-8601 UTC with milliseconds, exactly as `Date.prototype.toISOString` prints it. */
  occurredAt: string;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}

/** prev_hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export class AuditHashError extends Error {
  readonly code = 'AUDIT_EVENT_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'AuditHashError';
  }
}

/**
 * The exact object that is hashed. Built field by field so that extra properties a caller
 * happens to carry (a row's hash, recordedAt, …) can never leak into the hash.
 */
export function canonicalAuditEvent(event: AuditEventContent): string {
  if (!Number.isSafeInteger(event.seq) || event.seq < 1) {
    throw new AuditHashError(`seq must be a positive integer, got ${String(event.seq)}`);
  }
  if (event.policyVersion !== null && !Number.isSafeInteger(event.policyVersion)) {
    throw new AuditHashError(
      `policyVersion must be an integer or null, got ${String(event.policyVersion)}`,
    );
  }
  // A non-canonical instant ("2026-11-20T10:00:00+08:00") would read back from timestamptz as a
  // different string and the chain would no longer verify; refuse it up front.
  const instant = new Date(event.occurredAt);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== event.occurredAt) {
    throw new AuditHashError(
      `occurredAt must be a UTC ISO string like 2026-11-20T02:00:00.000Z, got ${event.occurredAt}`,
    );
  }
  return canonicalJson({
    organisationId: event.organisationId,
    caseNumber: event.caseNumber,
    seq: event.seq,
    occurredAt: event.occurredAt,
    actor: event.actor,
    action: event.action,
    data: event.data,
    policyVersion: event.policyVersion,
  });
}

export function auditHash(prevHash: string, event: AuditEventContent): string {
  // A fixed-width hex prev_hash keeps the concatenation unambiguous.
  if (!HEX_SHA256.test(prevHash))
    throw new AuditHashError('prevHash must be 64 lower-case hex digits');
  return createHash('sha256')
    .update(prevHash + canonicalAuditEvent(event), 'utf8')
    .digest('hex');
}
