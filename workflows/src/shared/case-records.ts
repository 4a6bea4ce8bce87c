import type { DocumentRecord } from '@aso/contracts';
import type { DocumentBook, NewDocument } from './documents';
import type { Recorder } from './recorder';

/**
 * What one domain event means for the audit trail and the case's documents, as data: a case
 * type's `records` (e.g. complaint/complaint.records.ts) returns these in order, pure and
 * unit-tested; the runtime applies them (`applyRecords`). A document change names the record by
 * type/number/revision; changing a document the case does not hold is a no-op.
 */
export type CaseRecord =
  | { kind: 'audit'; action: string; actor: string; at: number; data: Record<string, unknown> }
  | { kind: 'document.create'; actor: string; at: number; doc: NewDocument }
  | ({ kind: 'document.update'; actor: string; at: number } & DocumentChange);

export interface DocumentChange {
  docType: string;
  docNumber: string;
  revision: number;
  status: string;
  /** keys set on the content (assigned in this order) */
  content?: Record<string, unknown>;
  /** replaces the distribution (which holder keeps which copy) */
  distribution?: DocumentRecord['distribution'];
  /** a signature added at the record's instant */
  sign?: { by: string; role: string };
}

export const auditRecord = (
  action: string,
  e: { by: string; at: number },
  data: Record<string, unknown>,
): CaseRecord => ({ kind: 'audit', action, actor: e.by, at: e.at, data });

export const createDocument = (e: { by: string; at: number }, doc: NewDocument): CaseRecord => ({
  kind: 'document.create',
  actor: e.by,
  at: e.at,
  doc,
});

export const updateDocument = (
  e: { by: string; at: number },
  change: DocumentChange,
): CaseRecord => ({
  kind: 'document.update',
  actor: e.by,
  at: e.at,
  ...change,
});

/** Apply records in order: audit events and document writes, queued on the recorder. */
export function applyRecords(
  records: readonly CaseRecord[],
  recorder: Recorder,
  documents: DocumentBook,
): void {
  for (const r of records) {
    switch (r.kind) {
      case 'audit':
        recorder.audit(r.action, r.actor, r.at, r.data);
        break;
      case 'document.create':
        documents.create(r.doc, r.actor, r.at);
        break;
      case 'document.update':
        documents.update(r.docType, r.docNumber, r.revision, r.actor, r.at, (d) => {
          d.status = r.status;
          if (r.content) Object.assign(d.content, r.content);
          if (r.distribution) d.distribution = r.distribution;
          if (r.sign) d.signatures.push({ ...r.sign, at: new Date(r.at).toISOString() });
        });
        break;
    }
  }
}
