import type {
  AuditRecord,
  CaseActivities,
  CaseSnapshot,
  DocumentRecord,
  TaskView,
} from '@aso/contracts';
import { ApplicationFailure } from '@temporalio/common';
import { caseNumberAt, defaultPolicy, type PolicyDocument } from '@aso/domain';
import { writeDigestOf } from '@aso/persistence';

/** the first number the recording allocator hands out per prefix (see allocateCaseNumber) */
const ALLOCATED_FROM = 5001;

/** What PostgreSQL refuses in jsonb/text for good: NUL and unpaired UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hasUnstorable = (v: unknown): boolean =>
  typeof v === 'string'
    ? UNSTORABLE.test(v)
    : v !== null &&
      typeof v === 'object' &&
      Object.entries(v).some(([k, x]) => UNSTORABLE.test(k) || hasUnstorable(x));

/**
 * What workflow tests fake: only the activities (the read-model writers and the number
 * allocator), as in-memory recorders implementing CaseActivities with the same idempotency the
 * real ones have (audit append-if-absent by key, snapshots only move forward by version).
 * PostgreSQL is covered by the integration and e2e tiers. Temporal itself is real: the bundle
 * runs on the time-skipping test server. Like PostgreSQL, recordChanges refuses poison text
 * (NUL, lone surrogates) — as the real activity reports it: non-retryable, type WRITE_REJECTED.
 */
export function recordingActivities() {
  const audit: AuditRecord[] = [];
  const auditKeys = new Set<string>();
  const cases = new Map<string, CaseSnapshot>();
  const tasks = new Map<string, TaskView>();
  const documents = new Map<string, DocumentRecord>();
  const sequences = new Map<string, number>();
  const policies = new Map<string, PolicyDocument>();
  /** every call in order, to prove the serial queue keeps writes ordered */
  /** the case of every write refused as poison, in order */
  const rejectedWrites: string[] = [];
  const calls: Array<{ name: keyof CaseActivities; caseNumber: string | null }> = [];

  const activities: CaseActivities = {
    async recordChanges(changes) {
      if (hasUnstorable(changes)) {
        rejectedWrites.push(changes.snapshot.caseNumber);
        throw ApplicationFailure.create({
          message: 'write rejected by the database (22P05): unsupported Unicode escape sequence',
          type: 'WRITE_REJECTED',
          nonRetryable: true,
          details: [{ code: '22P05', message: 'unsupported Unicode escape sequence' }],
        });
      }
      if (changes.audit.length > 0) await activities.appendAudit(changes.audit);
      if (changes.documents.length > 0) await activities.recordDocuments(changes.documents);
      if (changes.tasks.length > 0)
        await activities.recordTasks({
          organisationId: changes.organisationId,
          tasks: changes.tasks,
        });
      await activities.recordCase(changes.snapshot);
      return writeDigestOf(changes);
    },
    async recordCase(snapshot) {
      calls.push({ name: 'recordCase', caseNumber: snapshot.caseNumber });
      const existing = cases.get(snapshot.caseNumber);
      if (!existing || existing.version <= snapshot.version)
        cases.set(snapshot.caseNumber, snapshot);
    },
    async recordTasks({ tasks: changed }) {
      calls.push({ name: 'recordTasks', caseNumber: changed[0]?.caseNumber ?? null });
      for (const t of changed) tasks.set(t.taskId, t);
    },
    async recordDocuments(docs) {
      calls.push({ name: 'recordDocuments', caseNumber: docs[0]?.caseNumber ?? null });
      for (const d of docs)
        documents.set(`${d.caseNumber}/${d.docType}/${d.docNumber}/${d.revision}`, d);
    },
    async appendAudit(events) {
      calls.push({ name: 'appendAudit', caseNumber: events[0]?.caseNumber ?? null });
      for (const e of events) {
        const key = `${e.caseNumber}/${e.key}`;
        if (auditKeys.has(key)) continue;
        auditKeys.add(key);
        audit.push(e);
      }
    },
    async stampTime(stamp) {
      return { at: stamp.at, label: stamp.label };
    },
    /** the organisation's current policy: the default unless a test publishes one */
    async currentPolicy({ organisationId }) {
      calls.push({ name: 'currentPolicy', caseNumber: null });
      return policies.get(organisationId) ?? defaultPolicy;
    },
    async allocateCaseNumber({ prefix, at }) {
      // one sequence per prefix, like the PostgreSQL sequences behind the real allocator; it
      // starts at 5001, apart from the numbers tests give the cases they start themselves (from
      // 1 up): a child numbered KS…-0001 took the workflow id of a test's own complaint, and
      // its start failed whenever that complaint was still running (seen in CI on F11)
      const next = (sequences.get(prefix) ?? ALLOCATED_FROM - 1) + 1;
      sequences.set(prefix, next);
      calls.push({ name: 'allocateCaseNumber', caseNumber: null });
      return caseNumberAt(prefix, new Date(at), next);
    },
  };

  return {
    activities,
    calls,
    rejectedWrites,
    /** publish a policy version for an organisation (what currentPolicy answers from then on) */
    publishPolicy: (organisationId: string, policy: PolicyDocument) =>
      void policies.set(organisationId, policy),
    auditOf: (caseNumber: string) => audit.filter((e) => e.caseNumber === caseNumber),
    caseOf: (caseNumber: string) => cases.get(caseNumber),
    tasksOf: (caseNumber: string) => [...tasks.values()].filter((t) => t.caseNumber === caseNumber),
    documentsOf: (caseNumber: string, docType?: string) =>
      [...documents.values()].filter(
        (d) => d.caseNumber === caseNumber && (docType === undefined || d.docType === docType),
      ),
  };
}

export type RecordingActivities = ReturnType<typeof recordingActivities>;
