import { Inject, Injectable } from '@nestjs/common';
import { KpiRepository, type KpiFigures } from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { kpiQuerySchema, periodInstants } from './kpi-period';
import { assertMayReadReports } from './report-access';

export interface KpiReport extends KpiFigures {
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

/** KPIs of the user's organisation (DOMAIN.md "KPIs"); definitions in KpiRepository. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly kpis: KpiRepository,
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
      ...figures,
    };
  }
}
