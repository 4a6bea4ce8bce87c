import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseInput } from '../common/parse-input';
import { CurrentUser } from '../common/actor.decorator';
import type { AuthUser } from '../auth/auth-user';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { caseListQuerySchema, openComplaintBodySchema } from './cases.dto';
import { caseNumberOf } from './case-number.param';
import { CasesService } from './cases.service';

@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('complaints')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.cases.openComplaint(user, parseInput(openComplaintBodySchema, body), command);
  }

  /** A list: phone numbers are masked. */
  @Get('cases')
  list(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.cases.list(user, parseInput(caseListQuerySchema, query, 'query'));
  }

  /** The internal view (full form, live state) for those who work the case. */
  @Get('cases/:caseNumber')
  detail(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.detail(user, caseNumberOf(caseNumber));
  }

  /** What may be told to the customer: never the internal form. */
  @Get('cases/:caseNumber/customer-view')
  customerView(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.customerView(user, caseNumberOf(caseNumber));
  }

  @Get('cases/:caseNumber/documents')
  documents(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.documentsOf(user, caseNumberOf(caseNumber));
  }
}
