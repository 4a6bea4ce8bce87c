import type { CaseActivities, CaseChanges } from '@aso/contracts';
import { ApplicationFailure } from '@temporalio/common';
import { caseNumberAt, currentBuiltInPolicy, parsePolicy } from '@aso/domain';
import type {
  AuditRepository,
  CasesRepository,
  DocumentsRepository,
  JsonObject,
  PoliciesRepository,
  TasksRepository,
} from '@aso/persistence';
import { toCaseSnapshotRecord, toDocumentRow, toTaskRecord, writeDigestOf } from '@aso/persistence';
import { classifyWriteFailure, WRITE_REJECTED } from './write-rejection';

export interface CaseActivityPorts {
  cases: CasesRepository;
  tasks: TasksRepository;
  documents: DocumentsRepository;
  audit: AuditRepository;
  policies: PoliciesRepository;
  /** Told of every write the database refuses for good (the worker logs it). */
  onWriteRejected?: (rejection: { caseNumber: string; code: string; message: string }) => void;
  /**
   * The webhook outbox (apps/worker/src/webhooks): told of every write after it committed, it
   * stores the write's webhook events and starts their deliveries (idempotent, like the write).
   */
  webhooks?: { record(changes: CaseChanges): Promise<void> };
  /** Test-only fault injection: runs after a write committed (see crash-after-commit.ts). */
  afterCommit?: (changes: CaseChanges) => void;
}

const date = (iso: string): Date => new Date(iso);

/**
 * Read-model and audit writers for the workflows. Each is idempotent — keyed upserts, snapshots
 * that only move forward, audit appends keyed by the workflow's counter — because Temporal
 * retries activities.
 */
export function createCaseActivities(ports: CaseActivityPorts): CaseActivities {
  const activities: CaseActivities = {
    async recordChanges(changes) {
      try {
        await writeChanges(changes);
        await ports.webhooks?.record(changes);
        ports.afterCommit?.(changes);
        return writeDigestOf(changes);
      } catch (e) {
        // A refusal no retry can cure fails fast and non-retryable: the workflow's recorder
        // then surfaces it and writes a sanitised version instead of wedging the case.
        const failure = classifyWriteFailure(e);
        if (failure instanceof ApplicationFailure && failure.type === WRITE_REJECTED) {
          const detail = failure.details?.[0] as { code: string; message: string } | undefined;
          ports.onWriteRejected?.({
            caseNumber: changes.snapshot.caseNumber,
            code: detail?.code ?? WRITE_REJECTED,
            message: detail?.message ?? failure.message,
          });
        }
        throw failure;
      }
    },

    async recordCase(s) {
      await ports.cases.recordSnapshot(toCaseSnapshotRecord(s, new Date()));
    },

    async recordTasks({ organisationId, tasks }) {
      await ports.tasks.upsertMany(tasks.map((t) => toTaskRecord(t, organisationId)));
    },

    async recordDocuments(documents) {
      await ports.documents.upsertMany(documents.map(toDocumentRow));
    },

    async appendAudit(events) {
      // In order: each append chains onto the previous one; the last attempt is what history
      // holds, so a retry whose content differs is recorded as a correction.
      await ports.audit.appendKeyedAll(
        events.map((e) => ({
          organisationId: e.organisationId,
          caseNumber: e.caseNumber,
          key: e.key,
          occurredAt: date(e.occurredAt),
          actor: e.actor,
          action: e.action,
          data: JSON.parse(JSON.stringify(e.data)) as JsonObject,
          policyVersion: e.policyVersion,
        })),
        { onDiffer: 'correct' },
      );
    },

    async stampTime(stamp) {
      return { at: stamp.at, label: stamp.label };
    },

    async currentPolicy({ organisationId }) {
      // Read only: an organisation whose stored versions are all older than the newest
      // built-in (or that has none) runs the newest built-in, which the API records on its
      // first use (PoliciesService.current); a version it published itself wins.
      const latest = await ports.policies.latest(organisationId);
      return latest && latest.version >= currentBuiltInPolicy.version
        ? parsePolicy(latest.content)
        : currentBuiltInPolicy;
    },
    async allocateCaseNumber({ prefix, at }) {
      return caseNumberAt(prefix, date(at), await ports.cases.nextSequence(prefix));
    },
  };
  // In this order, like the workflow's serial queue: the trail first, then the documents, the
  // tasks and the snapshot in one statement (one round trip, issue 14). The audit append stays
  // apart: its retry compares and corrects what an earlier attempt chained.
  async function writeChanges(changes: CaseChanges): Promise<void> {
    if (changes.audit.length > 0) await activities.appendAudit(changes.audit);
    await ports.tasks.upsertWithSnapshot(
      changes.tasks.map((t) => toTaskRecord(t, changes.organisationId)),
      toCaseSnapshotRecord(changes.snapshot, new Date()),
      changes.documents.length > 0
        ? ports.documents.upsertSql(changes.documents.map(toDocumentRow), 0)
        : undefined,
    );
  }
  return activities;
}
