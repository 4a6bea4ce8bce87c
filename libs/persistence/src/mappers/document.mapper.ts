import type { DocumentRecord } from '@aso/contracts';
import type { DocumentEntity } from '../entities/document.entity';
import { date, iso, type SameKeys } from './same-keys';

/** The row of a document revision, as the repository writes it. */
export type DocumentRow = Pick<DocumentEntity, keyof DocumentEntity>;

/** A document revision of a workflow (contract) → its row. */
export function toDocumentRow(doc: DocumentRecord): DocumentRow {
  return { ...doc, updatedAt: date(doc.updatedAt) };
}

/** A document row → the contract's document revision. */
export function toDocumentRecord(row: DocumentEntity): DocumentRecord {
  const { updatedAt, ...same } = row;
  return { ...same, updatedAt: iso(updatedAt) };
}

const _documentRowMatchesContract: SameKeys<DocumentEntity, DocumentRecord> = true;
