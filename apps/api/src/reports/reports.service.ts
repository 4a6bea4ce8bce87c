import { Inject, Injectable } from '@nestjs/common';
import {
  BusinessCalendar,
  defaultHolidayTables,
  builtInPolicy,
  defaultPolicy,
  parsePolicy,
  repairMeasures,
  type FollowUpEvent,
  type FollowUpState,
  type RepairEvent,
} from '@aso/domain';
import { KpiRepository, PoliciesRepository, type KpiFigures } from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { kpiQuerySchema, periodInstants } from './kpi-period';
import { assertMayReadReports } from './report-access';
import { followUpKpiFigures, followUpStateOf, type FollowUpKpiFigures } from './follow-up-kpis';
import { repairKpiFigures, type RepairKpiFigures } from './repair-kpis';

interface ReportHeader {
  organisation: string;
  period: {
    from: string;
    to: string;
    timeZone: 'Asia/Shanghai';
    fromInstant: string;
    toInstantExclusive: string;
  };
  generatedAt: string;
}

export type KpiReport = ReportHeader & KpiFigures;

/** The repair KPIs (issue 10 §9) of the repairs opened in the period. */
export type RepairKpiReport = ReportHeader & RepairKpiFigures;

/** The follow-up KPIs (F15, 004 七.(一)) of the calls opened in the period. */
export type FollowUpKpiReport = ReportHeader & FollowUpKpiFigures;

/** KPIs of the user's organisation (DOMAIN.md "KPIs"); definitions in KpiRepository. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly kpis: KpiRepository,
    private readonly policies: PoliciesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Access first: someone who may not read reports learns nothing, not even about bad input. */
  async kpiReport(user: AuthUser, query: unknown): Promise<KpiReport> {
    assertMayReadReports(user);
    const q = parseInput(kpiQuerySchema, query, 'query');
    const { from, toExclusive } = periodInstants(q);
    const figures = await this.kpis.figures({
      organisationId: user.organisationId,
      from,
      toExclusive,
    });
    return { ...this.header(user, q, from, toExclusive), ...figures };
  }

  /**
   * Repair KPIs: each repair's measures from its audited domain events (the domain's
   * repairMeasures), working time on the business calendar of the policy the case pinned.
   */
  async repairKpiReport(user: AuthUser, query: unknown): Promise<RepairKpiReport> {
    assertMayReadReports(user);
    const q = parseInput(kpiQuerySchema, query, 'query');
    const { from, toExclusive } = periodInstants(q);
    const rows = await this.kpis.repairEvents({
      organisationId: user.organisationId,
      from,
      toExclusive,
    });
    const calendars = new Map<number, BusinessCalendar>();
    const calendarOf = async (version: number): Promise<BusinessCalendar> => {
      let calendar = calendars.get(version);
      if (!calendar) {
        const stored = await this.policies.find(user.organisationId, version);
        const policy = stored
          ? parsePolicy(stored.content)
          : (builtInPolicy(version) ?? defaultPolicy);
        calendar = new BusinessCalendar(policy.calendar, defaultHolidayTables);
        calendars.set(version, calendar);
      }
      return calendar;
    };
    const cohort = [];
    for (const row of rows) {
      const events = row.events as unknown as RepairEvent[];
      cohort.push({
        measures: repairMeasures(events, await calendarOf(row.policyVersion)),
        resolved: events.some((e) => e.type === 'ServiceResolved'),
      });
    }
    return { ...this.header(user, q, from, toExclusive), ...repairKpiFigures(cohort) };
  }

  /** Follow-up KPIs: each call's state folded from its audited domain events (evolveFollowUp). */
  async followUpKpiReport(user: AuthUser, query: unknown): Promise<FollowUpKpiReport> {
    assertMayReadReports(user);
    const q = parseInput(kpiQuerySchema, query, 'query');
    const { from, toExclusive } = periodInstants(q);
    const rows = await this.kpis.followUpEvents({
      organisationId: user.organisationId,
      from,
      toExclusive,
    });
    const states = rows
      .map((r) => followUpStateOf(r.events as unknown as FollowUpEvent[]))
      .filter((s): s is FollowUpState => s !== null);
    return { ...this.header(user, q, from, toExclusive), ...followUpKpiFigures(states) };
  }

  private header(
    user: AuthUser,
    q: { from: string; to: string },
    from: Date,
    toExclusive: Date,
  ): ReportHeader {
    return {
      organisation: user.organisationId,
      period: {
        from: q.from,
        to: q.to,
        timeZone: 'Asia/Shanghai',
        fromInstant: from.toISOString(),
        toInstantExclusive: toExclusive.toISOString(),
      },
      generatedAt: this.clock().toISOString(),
    };
  }
}
