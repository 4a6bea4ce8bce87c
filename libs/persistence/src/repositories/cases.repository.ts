import type { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';

export type CasePrefix = 'KS' | 'TH' | 'WX' | 'DX' | 'HF';

export interface ProgressUpdate {
  caseNumber: string;
  stage: string;
  classification: string | null;
  severity: string | null;
  acceptedAt: Date | null;
  updatedAt: Date;
}

export class CasesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Next number of the prefix's PostgreSQL sequence (gap-tolerant, never reused). */
  async nextSequence(prefix: CasePrefix): Promise<number> {
    const rows: Array<{ seq: string }> = await this.ds.query(
      `SELECT nextval('case_number_seq_${prefix.toLowerCase()}') AS seq`,
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new Error('sequence returned no value');
    return Number(seq);
  }

  findOne(organisationId: string, caseNumber: string): Promise<CaseEntity | null> {
    return this.ds.getRepository(CaseEntity).findOneBy({ organisationId, caseNumber });
  }

  /**
   * Idempotent: a replayed/retried activity with an older or equal `updatedAt` never moves the
   * row backwards.
   */
  async recordProgress(p: ProgressUpdate): Promise<void> {
    await this.ds.query(
      `UPDATE cases SET stage = $2, classification = $3, severity = $4, accepted_at = $5, updated_at = $6
       WHERE case_number = $1 AND updated_at <= $6`,
      [p.caseNumber, p.stage, p.classification, p.severity, p.acceptedAt, p.updatedAt],
    );
  }
}
