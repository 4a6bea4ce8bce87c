import { Controller, Get, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { ReportsService } from './reports.service';
import './reports.dto';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** GET /reports/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD (Shanghai days, inclusive). */
  @Get('kpis')
  kpis(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.reports.kpiReport(user, query);
  }

  /** GET /reports/repair-kpis?from=YYYY-MM-DD&to=YYYY-MM-DD: the repair KPIs (issue 10 §9). */
  @Get('repair-kpis')
  repairKpis(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.reports.repairKpiReport(user, query);
  }

  /** GET /reports/follow-up-kpis?from=…&to=…: completion, record quality, satisfaction (F15). */
  @Get('follow-up-kpis')
  followUpKpis(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.reports.followUpKpiReport(user, query);
  }
}
