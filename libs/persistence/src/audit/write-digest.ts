import type { CaseChanges, WriteDigest } from '@aso/contracts';
import { effectiveContentHash } from '../repositories/audit.repository';
import type { JsonObject } from './canonical-json';

const date = (iso: string): Date => new Date(iso);

/** What this attempt wrote, for the local activity marker in history (see WriteDigest). */
export function writeDigestOf(changes: CaseChanges): WriteDigest {
  return {
    caseNumber: changes.snapshot.caseNumber,
    audit: changes.audit.map((e) => ({
      key: e.key,
      sha256: effectiveContentHash({
        occurredAt: date(e.occurredAt),
        actor: e.actor,
        action: e.action,
        data: JSON.parse(JSON.stringify(e.data)) as JsonObject,
        policyVersion: e.policyVersion,
      }),
    })),
    snapshot: {
      version: changes.snapshot.version,
      closedAt:
        changes.snapshot.closedAt === null ? null : date(changes.snapshot.closedAt).toISOString(),
    },
    tasks: changes.tasks.map((t) => ({
      taskId: t.taskId,
      createdAt: date(t.createdAt).toISOString(),
    })),
  };
}
