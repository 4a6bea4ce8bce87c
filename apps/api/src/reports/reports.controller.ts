import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { ReportsService } from './reports.service';
import { parseInput } from '../common/parse-input';
import { salesMonthSchema, salesVolumeBodySchema } from './reports.dto';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** GET /reports/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD (Shanghai days, inclusive). */
  @Get('kpis')
  kpis(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.reports.kpiReport(user, query);
  }

  /** PUT /reports/sales-volumes/:month: the month's sales volume, the complaint rate's denominator (X10). */
  @Put('sales-volumes/:month')
  recordSalesVolume(
    @CurrentUser() user: AuthUser,
    @Param('month') month: string,
    @Body() body: unknown,
  ) {
    return this.reports.recordSalesVolume(
      user,
      parseInput(salesMonthSchema, month, 'params.month'),
      parseInput(salesVolumeBodySchema, body),
    );
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
