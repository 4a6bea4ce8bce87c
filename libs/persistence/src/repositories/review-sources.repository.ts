import type { DataSource } from 'typeorm';

/** A closed complaint as the monthly review reads it (001 §28): its approved form and cause. */
export interface ReviewSourceRow {
  caseNumber: string;
  closedAt: Date;
  cause: string | null;
  formRevision: number | null;
  form: Record<string, unknown> | null;
}

/**
 * The read models the monthly review lists (001 §28.1 "上月份结案的客户投诉案件"): an
 * organisation's complaints closed in [from, to), each with the last approved revision of its
 * handling form 客户投诉处理表 (responsibility and penalties) and the cause of its last
 * investigation report (from the audit trail), and the organisations a schedule serves.
 */
export class ReviewSourcesRepository {
  constructor(private readonly ds: DataSource) {}

  async closedComplaints(organisationId: string, from: Date, to: Date): Promise<ReviewSourceRow[]> {
    const rows: Array<{
      case_number: string;
      closed_at: Date;
      cause: string | null;
      revision: number | null;
      content: Record<string, unknown> | null;
    }> = await this.ds.query(
      `SELECT c.case_number, c.closed_at, f.revision, f.content,
              (SELECT a.data->'report'->>'cause' FROM audit_events a
                WHERE a.case_number = c.case_number
                  AND a.action = 'complaint.InvestigationReportSubmitted'
                ORDER BY a.seq DESC LIMIT 1) AS cause
         FROM cases c
         LEFT JOIN LATERAL (
           SELECT d.revision, d.content FROM documents d
            WHERE d.case_number = c.case_number AND d.doc_type = 'complaint_form'
              AND d.status IN ('approved', 'accepted_by_customer')
            ORDER BY d.revision DESC LIMIT 1) f ON true
        WHERE c.organisation_id = $1 AND c.type = 'complaint' AND c.status = 'closed'
          AND c.closed_at >= $2 AND c.closed_at < $3
        ORDER BY c.closed_at, c.case_number`,
      [organisationId, from, to],
    );
    return rows.map((r) => ({
      caseNumber: r.case_number,
      closedAt: new Date(r.closed_at),
      cause: r.cause,
      formRevision: r.revision === null ? null : Number(r.revision),
      form: r.content,
    }));
  }

  async organisationIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM organisations ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }
}
