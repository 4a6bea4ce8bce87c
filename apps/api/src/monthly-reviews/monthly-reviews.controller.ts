import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import {
  monthlyReviewListQuerySchema,
  monthSchema,
  startMonthlyReviewBodySchema,
} from './monthly-reviews.dto';
import { MonthlyReviewsService } from './monthly-reviews.service';

/** The monthly complaint review (001 §28): started by hand, listed, read with its documents. */
@Controller('monthly-reviews')
export class MonthlyReviewsController {
  constructor(private readonly reviews: MonthlyReviewsService) {}

  @Post()
  @HttpCode(201)
  start(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.reviews.start(user, parseInput(startMonthlyReviewBodySchema, body));
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.reviews.list(user, parseInput(monthlyReviewListQuerySchema, query, 'query').month);
  }

  @Get(':month')
  detail(@CurrentUser() user: AuthUser, @Param('month') month: string) {
    return this.reviews.detail(user, parseInput(monthSchema, month, 'params.month'));
  }
}
