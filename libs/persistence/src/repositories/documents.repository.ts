import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DocumentEntity } from '../entities/document.entity';

export type DocumentRecord = DocumentEntity;

export class DocumentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Keyed by (case, type, number, revision): a retried write leaves one row, latest state. */
  async upsertMany(docs: DocumentRecord[]): Promise<void> {
    if (docs.length === 0) return;
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values(docs as QueryDeepPartialEntity<DocumentEntity>[])
      .orUpdate(
        ['supersedes_revision', 'status', 'content', 'distribution', 'signatures', 'updated_at'],
        ['case_number', 'doc_type', 'doc_number', 'revision'],
      )
      .execute();
  }

  forCase(organisationId: string, caseNumber: string): Promise<DocumentEntity[]> {
    return this.ds.getRepository(DocumentEntity).find({
      where: { organisationId, caseNumber },
      order: { docType: 'ASC', docNumber: 'ASC', revision: 'ASC' },
    });
  }
}
