import type { WriteDigest } from '@aso/contracts';
import { effectiveContentHash, effectiveTrail, type AuditEventEntity } from '@aso/persistence';

/** One way the database disagrees with what the workflow's history says it wrote. */
export interface HistoryDisagreement {
  kind:
    | 'audit_content_differs'
    | 'audit_missing'
    | 'audit_not_in_history'
    | 'case_closed_at_differs'
    | 'task_created_at_differs'
    | 'task_missing';
  /** the audit key (`wf:<n>`), the task id or the case number */
  subject: string;
  history?: string | null;
  database?: string | null;
}

export interface HistoryCheckInput {
  digests: WriteDigest[];
  trail: AuditEventEntity[];
  caseClosedAt: Date | null | undefined;
  tasks: Map<string, Date>;
}

/**
 * Compares the effective database content (keyed audit events after their AuditCorrected
 * events, the case's closed_at, task start times) with the digests of history's recordChanges
 * markers. The last digest of a key is history's word (a key is written once per history;
 * continue-as-new runs would restart keys, which these workflows do not do).
 */
export function disagreementsWithHistory(input: HistoryCheckInput): HistoryDisagreement[] {
  const out: HistoryDisagreement[] = [];
  const expected = new Map<string, string>();
  const taskStarts = new Map<string, string>();
  let closedAt: string | null | undefined;
  for (const d of input.digests) {
    for (const a of d.audit) expected.set(a.key, a.sha256);
    for (const t of d.tasks) taskStarts.set(t.taskId, t.createdAt);
    closedAt = d.snapshot.closedAt;
  }
  const actual = new Map<string, string>();
  for (const row of effectiveTrail(input.trail)) {
    // workflow writes only: the API's own events (refusals, uploads) are not in history
    if (!row.eventKey?.startsWith('wf:') || row.eventKey.includes('#')) continue;
    let hash: string;
    try {
      hash = effectiveContentHash(row);
    } catch {
      hash = 'unhashable';
    }
    actual.set(row.eventKey, hash);
  }
  for (const [key, sha] of expected) {
    const found = actual.get(key);
    if (found === undefined) out.push({ kind: 'audit_missing', subject: key, history: sha });
    else if (found !== sha)
      out.push({ kind: 'audit_content_differs', subject: key, history: sha, database: found });
  }
  for (const [key, sha] of actual)
    if (!expected.has(key)) out.push({ kind: 'audit_not_in_history', subject: key, database: sha });
  if (closedAt !== undefined) {
    const db = input.caseClosedAt ? input.caseClosedAt.toISOString() : null;
    if (db !== closedAt)
      out.push({
        kind: 'case_closed_at_differs',
        subject: 'case',
        history: closedAt,
        database: db,
      });
  }
  for (const [taskId, at] of taskStarts) {
    const db = input.tasks.get(taskId);
    if (!db) out.push({ kind: 'task_missing', subject: taskId, history: at });
    else if (db.toISOString() !== at)
      out.push({
        kind: 'task_created_at_differs',
        subject: taskId,
        history: at,
        database: db.toISOString(),
      });
  }
  return out;
}
