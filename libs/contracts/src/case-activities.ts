import type { PolicyDocument } from '@aso/domain';
import { z } from 'zod';
import { isoInstant, isoInstantOrNull } from './schema/primitives';
import type { TaskView } from './task';

/** The read-model row of a case, as the workflow last saw it. */
export const caseSnapshotSchema = z.object({
  organisationId: z.string(),
  storeId: z.string().nullable(),
  caseNumber: z.string(),
  caseType: z.string(),
  status: z.string(),
  /** the policy stage the case is in (its open tasks' stage), `closed` at the end */
  stage: z.string(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  orderNumber: z.string(),
  quantity: z.number().int().nullable(),
  /** the current revision's loss amount / the approved amount, integer fen */
  lossAmountFen: z.number().int().nullable(),
  approvedAmountFen: z.number().int().nullable(),
  classification: z.string().nullable(),
  severity: z.string().nullable(),
  method: z.string().nullable(),
  overdue: z.boolean(),
  overdueStages: z.array(z.string()),
  policyVersion: z.number().int(),
  parentCaseNumber: z.string().nullable(),
  childCaseNumbers: z.array(z.string()),
  /**
   * Who opened the case and what they reported: intake facts the read-model row is created
   * with (the row is the worker's alone to write, issue 8 #4). Absent for cases a workflow opens
   * itself (recorded as `system`); never changed after the row exists.
   */
  openedBy: z.string().optional(),
  defectDescription: z.string().nullable().optional(),
  openedAt: isoInstant,
  acceptedAt: isoInstantOrNull,
  closingDueAt: isoInstantOrNull,
  closedAt: isoInstantOrNull,
  closedOnTime: z.boolean().nullable(),
  /** monotonic per case (the workflow's audit sequence): older snapshots never overwrite newer */
  version: z.number().int(),
});
export type CaseSnapshot = z.infer<typeof caseSnapshotSchema>;

/**
 * One audit event. The chain position (seq, hashes) is allocated by the audit store, since the
 * workflow is not the only writer (the API records refused actions too); `key` makes a retried
 * append a no-op. Workflows use `wf:<n>` with their own deterministic counter n = 1, 2, ….
 */
export interface AuditRecord {
  organisationId: string;
  caseNumber: string;
  key: string;
  occurredAt: string;
  actor: string;
  action: string;
  data: Record<string, unknown>;
  policyVersion: number | null;
}

/** A form (document) revision and who holds which copy (001 §29 distribution). */
export const documentRecordSchema = z.object({
  organisationId: z.string(),
  caseNumber: z.string(),
  /** `complaint_form`, `discount_certificate`, `return_slip`, `petition`, … */
  docType: z.string(),
  docNumber: z.string(),
  revision: z.number().int(),
  supersedesRevision: z.number().int().nullable(),
  status: z.string(),
  content: z.record(z.unknown()),
  distribution: z.array(z.object({ department: z.string(), copy: z.number().int() })),
  signatures: z.array(z.object({ by: z.string(), role: z.string(), at: isoInstant })),
  updatedAt: isoInstant,
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

/** A document as the API shows it: the record without its keys of organisation and case. */
export const documentViewSchema = documentRecordSchema.omit({
  organisationId: true,
  caseNumber: true,
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** Everything one change of a case writes, in one call (audit first, the snapshot last). */
export interface CaseChanges {
  organisationId: string;
  audit: AuditRecord[];
  documents: DocumentRecord[];
  tasks: TaskView[];
  snapshot: CaseSnapshot;
}

/**
 * What one recordChanges call wrote, returned by the activity so that the local activity's
 * marker in workflow history records it: `audit/verify?against=history` compares the database
 * with these (each audit event's content hash, the case's closing instant, task start times).
 */
export interface WriteDigest {
  caseNumber: string;
  /** sha256 of the canonical JSON of {occurredAt, actor, action, data, policyVersion} */
  audit: Array<{ key: string; sha256: string }>;
  snapshot: { version: number; closedAt: string | null };
  tasks: Array<{ taskId: string; createdAt: string }>;
}

/** A workflow time and what it was taken for (`task:KS…-T3 complete`, `deadlines`, …). */
export interface TimeStamp {
  at: number;
  label: string;
}

/**
 * What workflows may ask of the outside world. Implemented in apps/worker over persistence
 * ports; every activity is idempotent (keyed upserts / append-if-absent), because Temporal
 * retries them.
 */
export interface CaseActivities {
  /**
   * All writes of one change (run by workflows as a local activity: no server round trip per
   * write, so a human decision returns as soon as its effects are stored).
   */
  recordChanges(changes: CaseChanges): Promise<WriteDigest>;
  recordCase(snapshot: CaseSnapshot): Promise<void>;
  recordTasks(input: { organisationId: string; tasks: TaskView[] }): Promise<void>;
  recordDocuments(documents: DocumentRecord[]): Promise<void>;
  appendAudit(events: AuditRecord[]): Promise<void>;
  /**
   * Echoes the workflow time it is given. Run as a local activity, its marker records that time
   * in history, so a replay (or a retried workflow task) reads the same "now" the first run
   * stored, even where the server persists a speculative or transient workflow task's events
   * with times other than the ones the worker saw (workflows/src/shared/clock.ts).
   */
  stampTime(input: TimeStamp): Promise<TimeStamp>;
  /**
   * The organisation's current policy, for a case a workflow opens itself (a follow-up when its
   * case closes, the linked complaint of a dissatisfied call): a new case pins the version in
   * force when it starts (DOMAIN.md "Policy versions"); the result is recorded in history.
   */
  currentPolicy(input: { organisationId: string }): Promise<PolicyDocument>;
  /** next number of a case prefix (`TH` for a child return); a retry may skip a number */
  allocateCaseNumber(input: {
    prefix: 'KS' | 'TH' | 'WX' | 'DX' | 'HF' | 'YS' | 'GJ';
    at: string;
  }): Promise<string>;
}
