import type { DataSource } from 'typeorm';

/** A closed complaint as the monthly review reads it (001 §28): its approved form and cause. */
export interface ReviewSourceRow {
  caseNumber: string;
  closedAt: Date;
  cause: string | null;
  formRevision: number | null;
  form: Record<string, unknown> | null;
}

/** A recorded follow-up call's 001 §17 survey and the service staff it rates (M04). */
export interface ServiceRatingRow {
  followUpNumber: string;
  followedCaseNumber: string | null;
  items: Array<{ item: string; grade: string; score: number }>;
  max: number;
  staff: string[];
  /** when the followed case closed: the period its service is rated in (M04, M06) */
  closedAt: Date;
}

/** A monthly review (YS) as its read-model row holds it. */
export interface ReviewRow {
  caseNumber: string;
  month: string;
  status: string;
  stage: string;
  openedAt: Date;
  openedBy: string;
  dueAt: Date | null;
  closedAt: Date | null;
  reviewedOnTime: boolean | null;
  overdue: boolean;
  sourceComplaints: string[];
  totalDeductionFen: number | null;
  approvedDeductionFen: number | null;
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

  /** The organisation's monthly reviews (YS cases; the month is their classification), newest first. */
  async reviews(organisationId: string, month?: string): Promise<ReviewRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT case_number, classification AS month, status, stage, opened_at, opened_by,
              closing_due_at, closed_at, closed_on_time, overdue, child_case_numbers,
              loss_amount_fen, approved_amount_fen
         FROM cases
        WHERE organisation_id = $1 AND type = 'review' AND ($2::text IS NULL OR classification = $2)
        ORDER BY classification DESC, case_number DESC`,
      [organisationId, month ?? null],
    );
    const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    const fen = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      caseNumber: r.case_number as string,
      month: r.month as string,
      status: r.status as string,
      stage: r.stage as string,
      openedAt: new Date(r.opened_at as string),
      openedBy: r.opened_by as string,
      dueAt: at(r.closing_due_at),
      closedAt: at(r.closed_at),
      reviewedOnTime: (r.closed_on_time as boolean | null) ?? null,
      overdue: Boolean(r.overdue),
      sourceComplaints: (r.child_case_numbers as string[] | null) ?? [],
      totalDeductionFen: fen(r.loss_amount_fen),
      approvedDeductionFen: fen(r.approved_amount_fen),
    }));
  }

  /**
   * 001 §15 (M04): the customers' ratings of service staff for the monthly appraisal — the
   * recorded follow-up calls with their 001 §17 survey about the cases closed in [from, to),
   * each with the service staff who worked the followed case (those of CS and tech who
   * completed one of its tasks). A month's service is rated by the calls that follow it, made
   * within days of the close and so often in the next month, before the appraisal in its first
   * ten days (000 §六.2); the call's own date would move a case closed on the 30th into the
   * wrong month's appraisal.
   */
  async serviceRatings(organisationId: string, from: Date, to: Date): Promise<ServiceRatingRow[]> {
    const rows: Array<{
      case_number: string;
      parent_case_number: string | null;
      closed_at: Date;
      survey: { items?: Array<{ item: string; grade: string; score: number }>; max?: number };
      staff: string[] | null;
    }> = await this.ds.query(
      `SELECT f.case_number, f.parent_case_number, p.closed_at,
              a.data->'record'->'survey' AS survey,
              (SELECT array_agg(DISTINCT t.completed_by ORDER BY t.completed_by) FROM tasks t
                WHERE t.organisation_id = f.organisation_id AND t.case_number = f.parent_case_number
                  AND t.status = 'completed' AND t.completed_by IS NOT NULL
                  AND t.candidate_department IN ('cs', 'tech')) AS staff
         FROM cases f
         JOIN cases p
           ON p.organisation_id = f.organisation_id AND p.case_number = f.parent_case_number
         JOIN audit_events a
           ON a.organisation_id = f.organisation_id AND a.case_number = f.case_number
          AND a.action = 'followUp.CallRecorded'
        WHERE f.organisation_id = $1 AND f.type = 'followUp'
          AND p.closed_at >= $2 AND p.closed_at < $3
          AND jsonb_typeof(a.data->'record'->'survey') = 'object'
        ORDER BY a.seq`,
      [organisationId, from, to],
    );
    return rows.map((r) => ({
      followUpNumber: r.case_number,
      followedCaseNumber: r.parent_case_number,
      items: r.survey.items ?? [],
      max: Number(r.survey.max ?? 0),
      staff: r.staff ?? [],
      closedAt: new Date(r.closed_at),
    }));
  }

  async organisationIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM organisations ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }
}
