import { Controller, Get, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { ServiceAppraisalService } from './service-appraisal.service';
import './service-appraisal.dto';

@Controller('reports')
export class ServiceAppraisalController {
  constructor(private readonly appraisal: ServiceAppraisalService) {}

  /** GET /reports/service-appraisal?year=YYYY: M06 003 §五.2, by month, quarter and year. */
  @Get('service-appraisal')
  report(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.appraisal.report(user, query);
  }
}
