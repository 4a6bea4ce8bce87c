import type { DataSource } from 'typeorm';

/**
 * KPI queries over the read models and the audit trail (DOMAIN.md "KPIs", 001 §24.3, §26.1,
 * §29.2). Every figure comes with its numerator and denominator so a manager can check it, and
 * every query is scoped by the organisation. The period is a half-open instant range
 * [from, toExclusive): the caller turns calendar days (Asia/Shanghai) into instants.
 *
 * Cohorts: rates about complaints count the complaints *opened* in the period (so the rate is
 * stable and bounded by 1), except the on-time closing rate, which is about the complaints
 * *closed* in the period (a late closing belongs to the month it happened in). Overdue work is
 * as of the query (open tasks now), for the cases opened in the period.
 */
export interface KpiPeriod {
  organisationId: string;
  from: Date;
  toExclusive: Date;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when the denominator is 0 (no data, not 0 %) */
  rate: number | null;
}

export interface OverdueByDepartment {
  /** `null`: a company-wide role's task (VP in charge, sales VP, GM), no department */
  department: string | null;
  openOverdueTasks: number;
}

export interface KpiFigures {
  complaintResolution: Ratio;
  onTimeClosing: Ratio;
  overdue: {
    byDepartment: OverdueByDepartment[];
    openOverdueTasks: number;
    casesWithOverdueStages: Ratio;
  };
  firstResponse: {
    /** sum of (completed_at − created_at) of completed first-response tasks, hours */
    totalHours: number;
    responded: number;
    /** still waiting for a first response */
    pending: number;
    meanHours: number | null;
  };
  returnReconciliationMismatch: Ratio & { mismatchEvents: number };
}

/** Audit action the return workflow writes for a failed quantity reconciliation (001 §29.2). */
export const RECONCILIATION_MISMATCH_ACTION = 'return.ReconciliationMismatched';

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

const OPEN_TASK = `t.status IN ('open', 'claimed')`;

/** A repair of the period with its domain events, in order, from its audit trail. */
export interface RepairEventsRow {
  caseNumber: string;
  policyVersion: number;
  events: Array<Record<string, unknown>>;
}

/** F17 003 §四.4: an improvement measure set from a month's analysis, as its read model holds it. */
export interface ImprovementMeasureRow {
  caseNumber: string;
  status: string;
  stage: string;
  /** the measure (its case's list line) */
  title: string;
  /** the owner's department */
  department: string | null;
  /** the owner (the measure task's assignee) */
  ownerId: string | null;
  dueAt: Date | null;
  overdue: boolean;
  closedAt: Date | null;
  closedOnTime: boolean | null;
}

/** One month (Asia/Shanghai) of the complaint counts the indicator trends are made of. */
export interface ComplaintMonth {
  month: string;
  /** complaints opened in the month */
  opened: number;
  /** … of which closed (as of the query) */
  closedOfOpened: number;
  /** … of which closed within `withinHours` of the report (C32) */
  resolvedWithin: number;
  /** … of which got their first response within `withinHours` of the report */
  firstResponseWithin: number;
  /** complaints closed in the month, and of those on time */
  closed: number;
  closedOnTime: number;
}

export class KpiRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The complaint counts by month of the period (months in Asia/Shanghai): opening-month
   * cohorts for resolution, resolved-within and first-response-within; closing-month cohorts
   * for on-time closing (as `figures` does for the whole period).
   */
  async complaintMonths(
    p: KpiPeriod,
    hours: { resolvedWithin: number; firstResponseWithin: number },
  ): Promise<ComplaintMonth[]> {
    const opened: Array<{
      month: string;
      opened: string;
      closed: string;
      resolved: string;
      responded: string;
    }> = await this.ds.query(
      `SELECT to_char(c.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              count(*) AS opened,
              count(*) FILTER (WHERE c.status = 'closed') AS closed,
              count(*) FILTER (WHERE c.closed_at IS NOT NULL
                                 AND c.closed_at - c.opened_at <= make_interval(hours => $4)) AS resolved,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM tasks t
                 WHERE t.organisation_id = c.organisation_id AND t.case_number = c.case_number
                   AND t.type = 'first_response' AND t.status = 'completed'
                   AND t.completed_at - c.opened_at <= make_interval(hours => $5))) AS responded
         FROM cases c
        WHERE c.organisation_id = $1 AND c.type = 'complaint'
          AND c.opened_at >= $2 AND c.opened_at < $3
        GROUP BY 1 ORDER BY 1`,
      [p.organisationId, p.from, p.toExclusive, hours.resolvedWithin, hours.firstResponseWithin],
    );
    const closed: Array<{ month: string; closed: string; on_time: string }> = await this.ds.query(
      `SELECT to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              count(*) AS closed, count(*) FILTER (WHERE c.closed_on_time) AS on_time
         FROM cases c
        WHERE c.organisation_id = $1 AND c.type = 'complaint'
          AND c.closed_at >= $2 AND c.closed_at < $3
        GROUP BY 1 ORDER BY 1`,
      [p.organisationId, p.from, p.toExclusive],
    );
    const months = new Map<string, ComplaintMonth>();
    const monthOf = (month: string): ComplaintMonth => {
      let m = months.get(month);
      if (!m) {
        m = {
          month,
          opened: 0,
          closedOfOpened: 0,
          resolvedWithin: 0,
          firstResponseWithin: 0,
          closed: 0,
          closedOnTime: 0,
        };
        months.set(month, m);
      }
      return m;
    };
    for (const r of opened) {
      const m = monthOf(r.month);
      m.opened = Number(r.opened);
      m.closedOfOpened = Number(r.closed);
      m.resolvedWithin = Number(r.resolved);
      m.firstResponseWithin = Number(r.responded);
    }
    for (const r of closed) {
      const m = monthOf(r.month);
      m.closed = Number(r.closed);
      m.closedOnTime = Number(r.on_time);
    }
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }

  /** Follow-up calls opened in the period, each with its audited domain events in order. */
  followUpEvents(p: KpiPeriod): Promise<RepairEventsRow[]> {
    return this.caseEvents(p, 'followUp');
  }

  /**
   * F17 003 §四.4: the improvement measures set from the analysis of `month` (their read-model
   * rows carry the analysed month as classification), oldest first, with their owner.
   */
  async improvementMeasures(
    organisationId: string,
    month: string,
  ): Promise<ImprovementMeasureRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT c.case_number, c.status, c.stage, c.customer_name, c.method, c.closing_due_at,
              c.overdue, c.closed_at, c.closed_on_time,
              (SELECT coalesce(t.assignee, t.completed_by) FROM tasks t
                WHERE t.organisation_id = c.organisation_id AND t.case_number = c.case_number
                  AND t.type = 'improvement_measure'
                ORDER BY t.created_at DESC LIMIT 1) AS owner_id
         FROM cases c
        WHERE c.organisation_id = $1 AND c.type = 'improvement' AND c.classification = $2
        ORDER BY c.opened_at, c.case_number`,
      [organisationId, month],
    );
    const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    return rows.map((r) => ({
      caseNumber: r.case_number as string,
      status: r.status as string,
      stage: r.stage as string,
      title: r.customer_name as string,
      department: (r.method as string | null) ?? null,
      ownerId: (r.owner_id as string | null) ?? null,
      dueAt: at(r.closing_due_at),
      overdue: Boolean(r.overdue),
      closedAt: at(r.closed_at),
      closedOnTime: (r.closed_on_time as boolean | null) ?? null,
    }));
  }

  /**
   * The repairs *opened* in the period (the cohort of the repair KPIs, issue 10 §9) with the
   * domain events their workflow audited (`repair.<Event>`, the event itself as data), in
   * order: the measures (dispatch time in working hours, on-site resolution, external
   * turnaround, fees) are computed from those events by the domain's repairMeasures.
   */
  async repairEvents(p: KpiPeriod): Promise<RepairEventsRow[]> {
    return this.caseEvents(p, 'repair');
  }

  private async caseEvents(p: KpiPeriod, type: 'repair' | 'followUp'): Promise<RepairEventsRow[]> {
    const rows: Array<{
      case_number: string;
      policy_version: number;
      events: Array<Record<string, unknown>>;
    }> = await this.ds.query(
      `SELECT c.case_number, c.policy_version,
              coalesce(json_agg(a.data ORDER BY a.seq) FILTER (WHERE a.seq IS NOT NULL), '[]') AS events
         FROM cases c
         LEFT JOIN audit_events a
           ON a.organisation_id = c.organisation_id AND a.case_number = c.case_number
          AND a.action LIKE $4::text || '.%'
        WHERE c.organisation_id = $1 AND c.type = $4::text
          AND c.opened_at >= $2 AND c.opened_at < $3
        GROUP BY c.case_number, c.policy_version
        ORDER BY c.case_number`,
      [p.organisationId, p.from, p.toExclusive, type],
    );
    return rows.map((r) => ({
      caseNumber: r.case_number,
      policyVersion: r.policy_version,
      events: r.events,
    }));
  }

  async figures(p: KpiPeriod): Promise<KpiFigures> {
    const params = [p.organisationId, p.from, p.toExclusive];
    // Sequential on purpose: one connection per request keeps a report from starving the pool.
    const complaints = await this.one<{ opened: string; closed: string; with_overdue: string }>(
      `SELECT count(*) AS opened,
              count(*) FILTER (WHERE c.status = 'closed') AS closed,
              count(*) FILTER (WHERE cardinality(c.overdue_stages) > 0) AS with_overdue
         FROM cases c
        WHERE c.organisation_id = $1 AND c.type = 'complaint'
          AND c.opened_at >= $2 AND c.opened_at < $3`,
      params,
    );
    const closing = await this.one<{ closed: string; on_time: string }>(
      `SELECT count(*) AS closed, count(*) FILTER (WHERE c.closed_on_time) AS on_time
         FROM cases c
        WHERE c.organisation_id = $1 AND c.type = 'complaint'
          AND c.closed_at >= $2 AND c.closed_at < $3`,
      params,
    );
    const overdueRows: Array<{ department: string | null; n: string }> = await this.ds.query(
      `SELECT t.candidate_department AS department, count(*) AS n
         FROM tasks t
         JOIN cases c ON c.case_number = t.case_number AND c.organisation_id = t.organisation_id
        WHERE t.organisation_id = $1 AND ${OPEN_TASK} AND t.overdue
          AND c.opened_at >= $2 AND c.opened_at < $3
        GROUP BY t.candidate_department
        ORDER BY t.candidate_department NULLS LAST`,
      params,
    );
    const first = await this.one<{ responded: string; pending: string; hours: string | null }>(
      `SELECT count(*) FILTER (WHERE t.status = 'completed') AS responded,
              count(*) FILTER (WHERE ${OPEN_TASK}) AS pending,
              sum(extract(epoch FROM t.completed_at - t.created_at) / 3600)
                FILTER (WHERE t.status = 'completed') AS hours
         FROM tasks t
         JOIN cases c ON c.case_number = t.case_number AND c.organisation_id = t.organisation_id
        WHERE t.organisation_id = $1 AND t.type = 'first_response' AND c.type = 'complaint'
          AND c.opened_at >= $2 AND c.opened_at < $3`,
      params,
    );
    const returns = await this.one<{ cases: string; mismatched: string; events: string }>(
      `SELECT count(*) AS cases,
              count(*) FILTER (WHERE m.n > 0) AS mismatched,
              coalesce(sum(m.n), 0) AS events
         FROM cases c
         CROSS JOIN LATERAL (
           SELECT count(*) AS n FROM audit_events a
            WHERE a.organisation_id = c.organisation_id AND a.case_number = c.case_number
              AND a.action = $4) m
        WHERE c.organisation_id = $1 AND c.type = 'return'
          AND c.opened_at >= $2 AND c.opened_at < $3`,
      [...params, RECONCILIATION_MISMATCH_ACTION],
    );

    const byDepartment = overdueRows.map((r) => ({
      department: r.department,
      openOverdueTasks: Number(r.n),
    }));
    const responded = Number(first.responded);
    const totalHours = first.hours === null ? 0 : Number(first.hours);
    return {
      complaintResolution: ratio(Number(complaints.closed), Number(complaints.opened)),
      onTimeClosing: ratio(Number(closing.on_time), Number(closing.closed)),
      overdue: {
        byDepartment,
        openOverdueTasks: byDepartment.reduce((s, d) => s + d.openOverdueTasks, 0),
        casesWithOverdueStages: ratio(Number(complaints.with_overdue), Number(complaints.opened)),
      },
      firstResponse: {
        totalHours,
        responded,
        pending: Number(first.pending),
        meanHours: responded === 0 ? null : totalHours / responded,
      },
      returnReconciliationMismatch: {
        ...ratio(Number(returns.mismatched), Number(returns.cases)),
        mismatchEvents: Number(returns.events),
      },
    };
  }

  private async one<T>(sql: string, params: unknown[]): Promise<T> {
    const rows: T[] = await this.ds.query(sql, params);
    const row = rows[0];
    if (row === undefined) throw new Error('aggregate query returned no row');
    return row;
  }
}
