import type { TaskView } from './task';

/** The read-model row of a case, as the workflow last saw it. */
export interface CaseSnapshot {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  caseType: string;
  status: string;
  /** the policy stage the case is in (its open tasks' stage), `closed` at the end */
  stage: string;
  customerName: string;
  customerPhone: string | null;
  orderNumber: string;
  quantity: number | null;
  /** the current revision's loss amount / the approved amount, integer fen */
  lossAmountFen: number | null;
  approvedAmountFen: number | null;
  classification: string | null;
  severity: string | null;
  method: string | null;
  overdue: boolean;
  overdueStages: string[];
  policyVersion: number;
  parentCaseNumber: string | null;
  childCaseNumbers: string[];
  /**
   * Who opened the case and what they reported: intake facts the read-model row is created
   * with (the row is the worker's alone to write, issue 8 #4). Absent for cases a workflow opens
   * itself (recorded as `system`); never changed after the row exists.
   */
  openedBy?: string;
  defectDescription?: string | null;
  openedAt: string;
  acceptedAt: string | null;
  closingDueAt: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  /** monotonic per case (the workflow's audit sequence): older snapshots never overwrite newer */
  version: number;
}

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
export interface DocumentRecord {
  organisationId: string;
  caseNumber: string;
  /** `complaint_form`, `discount_certificate`, `return_slip`, `petition`, … */
  docType: string;
  docNumber: string;
  revision: number;
  supersedesRevision: number | null;
  status: string;
  content: Record<string, unknown>;
  distribution: Array<{ department: string; copy: number }>;
  signatures: Array<{ by: string; role: string; at: string }>;
  updatedAt: string;
}

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
  /** next number of a case prefix (`TH` for a child return); a retry may skip a number */
  allocateCaseNumber(input: {
    prefix: 'KS' | 'TH' | 'WX' | 'DX' | 'HF';
    at: string;
  }): Promise<string>;
}
