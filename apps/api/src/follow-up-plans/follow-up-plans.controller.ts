import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { planCustomerBodySchema, planQuerySchema, planRunBodySchema } from './follow-up-plans.dto';
import { FollowUpPlansService } from './follow-up-plans.service';
import { surveyCampaignBodySchema } from './survey-campaigns.dto';

/** CS follow-up plans (004 三.(一), 五.(一)–(二)): the plan, its customer register, a run. */
@Controller('follow-up-plans')
export class FollowUpPlansController {
  constructor(private readonly plans: FollowUpPlansService) {}

  @Get()
  plan(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.plans.plan(user, parseInput(planQuerySchema, query, 'query').date);
  }

  @Post('customers')
  @HttpCode(201)
  saveCustomer(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.plans.saveCustomer(user, parseInput(planCustomerBodySchema, body));
  }

  @Post('runs')
  @HttpCode(201)
  run(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.plans.run(user, parseInput(planRunBodySchema, body).date);
  }

  /** F13 001 §14: an ad hoc opinion survey over chosen customers (CS managers). */
  @Post('campaigns')
  @HttpCode(201)
  campaign(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.plans.campaign(user, parseInput(surveyCampaignBodySchema, body));
  }
}
