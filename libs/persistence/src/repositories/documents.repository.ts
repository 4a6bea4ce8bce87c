import type { DataSource } from 'typeorm';
import { DocumentEntity } from '../entities/document.entity';
import { upsertPlan, type Sql, type UpsertPlan } from './upsert-plan';

export type DocumentRecord = DocumentEntity;

export class DocumentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Keyed by (case, type, number, revision): a retried write leaves one row, latest state. */
  async upsertMany(docs: DocumentRecord[]): Promise<void> {
    if (docs.length === 0) return;
    const upsert = this.upsertSql(docs, 0);
    await this.ds.query(upsert.text, upsert.values);
  }

  /**
   * The keyed upsert of `docs` as one statement, its parameters numbered after `offset` others:
   * a case write sends it in front of its tasks and snapshot (TasksRepository.upsertWithSnapshot).
   */
  upsertSql(docs: readonly DocumentRecord[], offset: number): Sql {
    this.upserts ??= upsertPlan(this.ds, DocumentEntity, {
      table: 'documents',
      conflict: ['case_number', 'doc_type', 'doc_number', 'revision'],
      updated: [
        'supersedes_revision',
        'status',
        'content',
        'distribution',
        'signatures',
        'updated_at',
      ],
    });
    return this.upserts.sql(docs, offset);
  }

  private upserts?: UpsertPlan<DocumentEntity>;

  forCase(organisationId: string, caseNumber: string): Promise<DocumentEntity[]> {
    return this.ds.getRepository(DocumentEntity).find({
      where: { organisationId, caseNumber },
      order: { docType: 'ASC', docNumber: 'ASC', revision: 'ASC' },
    });
  }

  /**
   * The appointment register 预约安装登记表 (001 篇3 二.(二)4) as the read models hold it: the
   * technician's booked slots, one per service voucher that is dispatched to them and not yet
   * visited (the voucher's `dispatched` status, written by the repair workflow with the
   * technician and the slot; a recorded visit moves it on). Other organisations never count.
   */
  async technicianBookings(
    organisationId: string,
    technicianId: string,
  ): Promise<Array<{ caseNumber: string; technicianId: string; start: number; end: number }>> {
    const rows: Array<{ case_number: string; start: string; end: string }> = await this.ds.query(
      `SELECT case_number, content->'slot'->>'start' AS start, content->'slot'->>'end' AS "end"
         FROM documents
        WHERE organisation_id = $1 AND doc_type = 'service_voucher' AND status = 'dispatched'
          AND content->>'technicianId' = $2
        ORDER BY case_number
        LIMIT 500`,
      [organisationId, technicianId],
    );
    return rows.flatMap((r) => {
      const start = Date.parse(r.start);
      const end = Date.parse(r.end);
      return Number.isNaN(start) || Number.isNaN(end)
        ? []
        : [{ caseNumber: r.case_number, technicianId, start, end }];
    });
  }
}
