import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  auditHash,
  canonicalAuditEvent,
  GENESIS_HASH,
  type AuditEventContent,
} from '../audit/audit-hash';
import { canonicalJson, type JsonObject } from '../audit/canonical-json';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { appendBatchOnce, type KeyedAuditEventInput } from './audit-batch';

/** What an activity records; `seq` is the workflow's deterministic counter, so retries reuse it. */
export interface AuditEventInput {
  organisationId: string;
  caseNumber: string;
  seq: number;
  occurredAt: Date;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}

export interface AuditAppendResult {
  /**
   * `already_recorded`: a retry of an event that is in the chain with identical content;
   * `corrected`: a retry whose content differs, recorded as a chained `AuditCorrected` event.
   */
  outcome: 'appended' | 'already_recorded' | 'corrected';
  hash: string;
}

/** The action of the event that supersedes a keyed event's content (see appendKeyed). */
export const AUDIT_CORRECTED = 'AuditCorrected';

/** The event key of the n-th correction of `key`. */
const correctionPrefix = (key: string): string => `${key}#correction:`;
export const correctionKey = (key: string, n: number): string => `${correctionPrefix(key)}${n}`;

export interface AppendKeyedOptions {
  /**
   * What a retry under a recorded key with different content does. `keep` (the default) keeps
   * the first row. `correct` is for writers whose last attempt is the truth — a workflow whose
   * task failed after its local write committed recomputes the same event with a new workflow
   * time, and history holds only that last attempt — so the difference is appended as an
   * explicit `AuditCorrected` event (chained like any other, rows are never rewritten) whose
   * `data.event` is the effective content of `data.supersedes`.
   */
  onDiffer?: 'keep' | 'correct';
}

export type AuditBreak = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';

export interface AuditVerification {
  valid: boolean;
  /** Events of the case that were read. */
  count: number;
  /** The first sequence number at which the chain does not hold. */
  firstBrokenSeq?: number;
  reason?: AuditBreak;
}

export type AuditTrailErrorCode =
  'AUDIT_PREVIOUS_MISSING' | 'AUDIT_DUPLICATE_DIVERGES' | 'AUDIT_ORGANISATION_MISMATCH';

export class AuditTrailError extends Error {
  constructor(
    readonly code: AuditTrailErrorCode,
    message: string,
    readonly details: { organisationId: string; caseNumber: string; seq: number },
  ) {
    super(message);
    this.name = 'AuditTrailError';
  }
}

interface AuditRow {
  organisation_id: string;
  case_number: string;
  seq: number;
  occurred_at: Date;
  actor: string;
  action: string;
  data: JsonObject;
  policy_version: number | null;
  hash: string;
}

export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Idempotent append: the same event twice leaves one row; a different event under a
   * sequence number already taken is refused, never silently accepted. Appends to one case are
   * serialised by a transaction-scoped advisory lock (not `SELECT … FOR UPDATE`, which would
   * need the UPDATE privilege the application role must not have).
   */
  async append(input: AuditEventInput): Promise<AuditAppendResult> {
    canonicalAuditEvent(toContent(input)); // validates before anything touches the db
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('audit_events'), hashtext($1))`, [
        input.caseNumber,
      ]);
      return appendAt(m, input);
    });
  }

  /**
   * Appends at the end of the case's chain, for writers that do not own the sequence (a
   * workflow and the API both write to a case's trail). `key` makes the append idempotent: a
   * retry with a key already in the chain returns the recorded event and writes nothing.
   */
  async appendKeyed(
    input: Omit<AuditEventInput, 'seq'> & { key: string },
    options: AppendKeyedOptions = {},
  ): Promise<AuditAppendResult & { seq: number }> {
    canonicalAuditEvent(toContent({ ...input, seq: 1 })); // validate before touching the db
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('audit_events'), hashtext($1))`, [
        input.caseNumber,
      ]);
      const existing: Array<{ seq: number; hash: string }> = await m.query(
        `SELECT seq, hash FROM audit_events WHERE case_number = $1 AND event_key = $2`,
        [input.caseNumber, input.key],
      );
      if (existing[0]) {
        const recorded = { outcome: 'already_recorded', ...existing[0] } as const;
        if (options.onDiffer !== 'correct') return recorded;
        const latest = await latestVersionOf(m, input.caseNumber, input.key);
        if (sameEffective(latest.effective, input)) return recorded;
        const seq = (await lastSeq(m, input.caseNumber)) + 1;
        const result = await appendAt(
          m,
          {
            organisationId: input.organisationId,
            caseNumber: input.caseNumber,
            seq,
            occurredAt: input.occurredAt,
            actor: input.actor,
            action: AUDIT_CORRECTED,
            data: {
              supersedes: input.key,
              supersededSeq: existing[0].seq,
              event: effectiveOf(input),
            },
            policyVersion: input.policyVersion,
          },
          correctionKey(input.key, latest.corrections + 1),
        );
        return { ...result, outcome: 'corrected', seq };
      }
      const seq = (await lastSeq(m, input.caseNumber)) + 1;
      const result = await appendAt(m, { ...input, seq }, input.key);
      return { ...result, seq };
    });
  }

  /**
   * appendKeyed for each event, in order, with the same outcomes. A case's run of fresh events
   * is chained in one round trip (audit_append_batch); a run holding a key already recorded — a
   * retry — goes event by event through appendKeyed, which knows retries and corrections.
   */
  async appendKeyedAll(
    inputs: KeyedAuditEventInput[],
    options: AppendKeyedOptions = {},
  ): Promise<Array<AuditAppendResult & { seq: number }>> {
    for (const input of inputs) canonicalAuditEvent(toContent({ ...input, seq: 1 })); // all, before the db
    const results: Array<AuditAppendResult & { seq: number }> = [];
    for (const run of runsByCase(inputs)) {
      const once = await appendBatchOnce(this.ds, run);
      if (once?.kind === 'appended') {
        results.push(...once.rows.map((r) => ({ outcome: 'appended' as const, ...r })));
        continue;
      }
      if (once?.kind === 'organisation_mismatch') {
        const { organisationId, caseNumber } = run[0]!;
        throw new AuditTrailError(
          'AUDIT_ORGANISATION_MISMATCH',
          `case ${caseNumber} belongs to another organisation's audit trail`,
          { organisationId, caseNumber, seq: once.seq + 1 },
        );
      }
      for (const input of run) results.push(await this.appendKeyed(input, options));
    }
    return results;
  }

  /** The case's events, oldest first; never another organisation's. */
  history(organisationId: string, caseNumber: string): Promise<AuditEventEntity[]> {
    return this.ds.getRepository(AuditEventEntity).find({
      where: { organisationId, caseNumber },
      order: { seq: 'ASC' },
    });
  }

  /** Recomputes the chain from the rows and reports the first link that does not hold. */
  async verify(organisationId: string, caseNumber: string): Promise<AuditVerification> {
    const rows = await this.history(organisationId, caseNumber);
    const count = rows.length;
    let prevHash = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const expectedSeq = i + 1;
      if (row.seq !== expectedSeq)
        return { valid: false, count, firstBrokenSeq: expectedSeq, reason: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { valid: false, count, firstBrokenSeq: row.seq, reason: 'prev_hash_mismatch' };
      if (safeHash(prevHash, entityContent(row)) !== row.hash) {
        return { valid: false, count, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
      }
      prevHash = row.hash;
    }
    return { valid: true, count };
  }
}

/** Consecutive events of one case (and organisation), in order. */
function runsByCase(inputs: KeyedAuditEventInput[]): KeyedAuditEventInput[][] {
  const runs: KeyedAuditEventInput[][] = [];
  for (const input of inputs) {
    const run = runs[runs.length - 1];
    const head = run?.[0];
    if (
      run &&
      head?.caseNumber === input.caseNumber &&
      head.organisationId === input.organisationId
    ) {
      run.push(input);
    } else runs.push([input]);
  }
  return runs;
}

async function lastSeq(m: EntityManager, caseNumber: string): Promise<number> {
  const last: Array<{ seq: number }> = await m.query(
    `SELECT seq FROM audit_events WHERE case_number = $1 ORDER BY seq DESC LIMIT 1`,
    [caseNumber],
  );
  return last[0]?.seq ?? 0;
}

/** What a keyed event says, without its place in the chain. */
export interface EffectiveContent extends JsonObject {
  occurredAt: string;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}

function effectiveOf(e: {
  occurredAt: Date;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}): EffectiveContent {
  return {
    occurredAt: e.occurredAt.toISOString(),
    actor: e.actor,
    action: e.action,
    data: e.data,
    policyVersion: e.policyVersion,
  };
}

/** The hash history's write digests carry for a keyed event (see WriteDigest in contracts). */
export function effectiveContentHash(e: {
  occurredAt: Date;
  actor: string;
  action: string;
  data: JsonObject;
  policyVersion: number | null;
}): string {
  return createHash('sha256')
    .update(canonicalJson(effectiveOf(e)), 'utf8')
    .digest('hex');
}

function sameEffective(recorded: EffectiveContent, input: Parameters<typeof effectiveOf>[0]) {
  try {
    return canonicalJson(recorded) === canonicalJson(effectiveOf(input));
  } catch {
    return false;
  }
}

/** The effective content of `key` (its last correction's, else its own) and how many corrections it has. */
async function latestVersionOf(
  m: EntityManager,
  caseNumber: string,
  key: string,
): Promise<{ effective: EffectiveContent; corrections: number }> {
  const rows: Array<AuditRow & { event_key: string }> = await m.query(
    `SELECT occurred_at, actor, action, data, policy_version, event_key FROM audit_events
      WHERE case_number = $1 AND (event_key = $2 OR left(event_key, length($3)) = $3)
      ORDER BY seq`,
    [caseNumber, key, correctionPrefix(key)],
  );
  const corrections = rows.filter((r) => r.event_key !== key);
  const last = corrections[corrections.length - 1];
  if (last)
    return { effective: last.data.event as EffectiveContent, corrections: corrections.length };
  const own = rows[0] as AuditRow;
  return {
    effective: effectiveOf({
      occurredAt: own.occurred_at,
      actor: own.actor,
      action: own.action,
      data: own.data,
      policyVersion: own.policy_version,
    }),
    corrections: 0,
  };
}

/**
 * The trail as readers should present it: each keyed event with the content of its latest
 * `AuditCorrected` event (the corrections themselves stay in the chain, and in this list).
 */
export function effectiveTrail<
  T extends {
    eventKey?: string | null;
    action: string;
    data: JsonObject;
    occurredAt: Date;
    actor: string;
    policyVersion: number | null;
  },
>(rows: T[]): T[] {
  const latest = new Map<string, EffectiveContent>();
  for (const r of rows) {
    if (r.action === AUDIT_CORRECTED && typeof r.data.supersedes === 'string')
      latest.set(r.data.supersedes, r.data.event as EffectiveContent);
  }
  return rows.map((r) => {
    const c = r.eventKey ? latest.get(r.eventKey) : undefined;
    return c
      ? {
          ...r,
          occurredAt: new Date(c.occurredAt),
          actor: c.actor,
          action: c.action,
          data: c.data,
          policyVersion: c.policyVersion,
        }
      : r;
  });
}

/** Chains `input` after its predecessor; the caller holds the case's advisory lock. */
async function appendAt(
  m: EntityManager,
  input: AuditEventInput,
  eventKey: string | null = null,
): Promise<AuditAppendResult> {
  const event = toContent(input);
  const canonical = canonicalAuditEvent(event);
  const key = {
    organisationId: event.organisationId,
    caseNumber: event.caseNumber,
    seq: event.seq,
  };
  const existing = await findRow(m, event.caseNumber, event.seq);
  if (existing) return sameOrRefuse(existing, canonical, key);
  let prevHash = GENESIS_HASH;
  if (event.seq > 1) {
    const prev = await findRow(m, event.caseNumber, event.seq - 1);
    if (!prev) {
      throw new AuditTrailError(
        'AUDIT_PREVIOUS_MISSING',
        `audit event ${event.seq - 1} of ${event.caseNumber} is not recorded yet, so ${event.seq} cannot be chained`,
        key,
      );
    }
    if (prev.organisation_id !== event.organisationId) {
      throw new AuditTrailError(
        'AUDIT_ORGANISATION_MISMATCH',
        `case ${event.caseNumber} belongs to another organisation's audit trail`,
        key,
      );
    }
    prevHash = prev.hash;
  }
  const hash = auditHash(prevHash, event);
  const inserted: Array<{ hash: string }> = await m.query(
    `INSERT INTO audit_events
       (organisation_id, case_number, seq, occurred_at, actor, action, data, policy_version, prev_hash, hash, event_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)
     ON CONFLICT (case_number, seq) DO NOTHING
     RETURNING hash`,
    [
      event.organisationId,
      event.caseNumber,
      event.seq,
      input.occurredAt,
      event.actor,
      event.action,
      canonicalJson(event.data),
      event.policyVersion,
      prevHash,
      hash,
      eventKey,
    ],
  );
  if (inserted[0]) return { outcome: 'appended', hash: inserted[0].hash };
  // Only reachable if a writer bypassed the lock; judge its row like any duplicate.
  const raced = await findRow(m, event.caseNumber, event.seq);
  if (!raced)
    throw new Error(`audit event ${event.caseNumber}#${event.seq} neither inserted nor found`);
  return sameOrRefuse(raced, canonical, key);
}

function toContent(e: AuditEventInput): AuditEventContent {
  if (!(e.occurredAt instanceof Date) || Number.isNaN(e.occurredAt.getTime())) {
    // Let the hash's own validation name the problem.
    return { ...e, occurredAt: String(e.occurredAt) };
  }
  return { ...e, occurredAt: e.occurredAt.toISOString() };
}

function entityContent(r: AuditEventEntity): AuditEventContent {
  return toContent(r);
}

/** A tampered row may no longer even be hashable (e.g. a null instant): that is a mismatch. */
function safeHash(prevHash: string, event: AuditEventContent): string | null {
  try {
    return auditHash(prevHash, event);
  } catch {
    return null;
  }
}

async function findRow(
  m: EntityManager,
  caseNumber: string,
  seq: number,
): Promise<AuditRow | undefined> {
  const rows: AuditRow[] = await m.query(
    `SELECT organisation_id, case_number, seq, occurred_at, actor, action, data, policy_version, hash
       FROM audit_events WHERE case_number = $1 AND seq = $2`,
    [caseNumber, seq],
  );
  return rows[0];
}

function sameOrRefuse(
  row: AuditRow,
  canonical: string,
  key: AuditTrailError['details'],
): AuditAppendResult {
  const recorded: AuditEventContent = {
    organisationId: row.organisation_id,
    caseNumber: row.case_number,
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    action: row.action,
    data: row.data,
    policyVersion: row.policy_version,
  };
  let same: boolean;
  try {
    same = canonicalAuditEvent(recorded) === canonical;
  } catch {
    same = false;
  }
  if (!same) {
    throw new AuditTrailError(
      'AUDIT_DUPLICATE_DIVERGES',
      `audit event ${key.seq} of ${key.caseNumber} is already recorded with different content`,
      key,
    );
  }
  return { outcome: 'already_recorded', hash: row.hash };
}
