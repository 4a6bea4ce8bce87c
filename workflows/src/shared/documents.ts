import type { DocumentRecord } from '@aso/contracts';
import type { Recorder } from './recorder';

/** A document as a case type creates it (the book adds the case, time, and empty lists). */
export type NewDocument = Omit<
  DocumentRecord,
  'organisationId' | 'caseNumber' | 'updatedAt' | 'distribution' | 'signatures'
> &
  Partial<Pick<DocumentRecord, 'distribution' | 'signatures'>>;

/**
 * The case's forms (complaint form revisions, discount certificate, return slip, petition) as
 * versioned records with their distribution and signatures. Each change is an audit event and a
 * queued write of the whole record (the activity upserts by type/number/revision).
 */
export class DocumentBook {
  private readonly docs = new Map<string, DocumentRecord>();

  constructor(
    private readonly recorder: Recorder,
    private readonly ctx: { organisationId: string; caseNumber: string },
  ) {}

  all(): DocumentRecord[] {
    return [...this.docs.values()];
  }

  /** The documents a continued case holds, as the last run left them (nothing is written). */
  restore(docs: readonly DocumentRecord[]): void {
    for (const d of docs)
      this.docs.set(`${d.docType}/${d.docNumber}/${d.revision}`, JSON.parse(JSON.stringify(d)));
  }

  get(docType: string, docNumber: string, revision: number): DocumentRecord | undefined {
    return this.docs.get(`${docType}/${docNumber}/${revision}`);
  }

  create(doc: NewDocument, actor: string, at: number): DocumentRecord {
    const record: DocumentRecord = {
      organisationId: this.ctx.organisationId,
      caseNumber: this.ctx.caseNumber,
      distribution: [],
      signatures: [],
      ...doc,
      updatedAt: new Date(at).toISOString(),
    };
    this.docs.set(`${doc.docType}/${doc.docNumber}/${doc.revision}`, record);
    this.changed(record, actor, at);
    return record;
  }

  update(
    docType: string,
    docNumber: string,
    revision: number,
    actor: string,
    at: number,
    change: (doc: DocumentRecord) => void,
  ): void {
    const doc = this.get(docType, docNumber, revision);
    if (!doc) return;
    change(doc);
    doc.updatedAt = new Date(at).toISOString();
    this.changed(doc, actor, at);
  }

  private changed(doc: DocumentRecord, actor: string, at: number): void {
    this.recorder.audit('document.recorded', actor, at, {
      docType: doc.docType,
      docNumber: doc.docNumber,
      revision: doc.revision,
      supersedesRevision: doc.supersedesRevision,
      status: doc.status,
      distribution: doc.distribution,
      signatures: doc.signatures,
    });
    this.recorder.document(doc);
  }
}
