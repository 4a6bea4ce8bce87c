import { Controller, Get, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { FollowUpAnalysisService } from './follow-up-analysis.service';
import './follow-up-analysis.dto';

@Controller('reports')
export class FollowUpAnalysisController {
  constructor(private readonly analysis: FollowUpAnalysisService) {}

  /** GET /reports/follow-up-analysis?month=YYYY-MM: F17 003 §四.4, with the measures set from it. */
  @Get('follow-up-analysis')
  report(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.analysis.report(user, query);
  }
}
