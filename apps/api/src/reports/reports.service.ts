import { Inject, Injectable } from '@nestjs/common';
import {
  BusinessCalendar,
  defaultHolidayTables,
  builtInPolicy,
  defaultPolicy,
  FIRST_RESPONSE_WITHIN_HOURS,
  monthsBetween,
  parsePolicy,
  RESOLVED_WITHIN_HOURS,
  repairMeasures,
  type FollowUpEvent,
  type FollowUpState,
  type RepairEvent,
} from '@aso/domain';
import {
  KpiRepository,
  PoliciesRepository,
  SalesVolumesRepository,
  type KpiFigures,
} from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { kpiQuerySchema, periodInstants } from './kpi-period';
import { indicatorReports, type IndicatorReport } from './indicators';
import { assertMayReadReports, assertMayRecordSales } from './report-access';
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

/** The figures, and the indicator catalogue with targets and monthly trends (X12). */
export type KpiReport = ReportHeader & KpiFigures & { indicators: IndicatorReport[] };

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
    private readonly salesVolumes: SalesVolumesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Access first: someone who may not read reports learns nothing, not even about bad input. */
  async kpiReport(user: AuthUser, query: unknown): Promise<KpiReport> {
    assertMayReadReports(user);
    const q = parseInput(kpiQuerySchema, query, 'query');
    const { from, toExclusive } = periodInstants(q);
    const period = { organisationId: user.organisationId, from, toExclusive };
    const figures = await this.kpis.figures(period);
    const months = monthsBetween(q.from, q.to);
    const counts = await this.kpis.complaintMonths(period, {
      resolvedWithin: RESOLVED_WITHIN_HOURS,
      firstResponseWithin: FIRST_RESPONSE_WITHIN_HOURS,
    });
    const volumes = await this.salesVolumes.between(
      user.organisationId,
      months[0] as string,
      months[months.length - 1] as string,
    );
    return {
      ...this.header(user, q, from, toExclusive),
      ...figures,
      indicators: indicatorReports(months, counts, volumes),
    };
  }

  /** X10 (000 §六.1): sales records a month's sales volume (replacing an earlier entry). */
  async recordSalesVolume(
    user: AuthUser,
    month: string,
    body: { units: number; orders?: number | null },
  ) {
    assertMayRecordSales(user);
    const at = this.clock();
    const volume = { month, units: body.units, orders: body.orders ?? null };
    const { created } = await this.salesVolumes.upsert(user.organisationId, volume, user.id, at);
    return { ...volume, recordedBy: user.id, recordedAt: at.toISOString(), created };
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
