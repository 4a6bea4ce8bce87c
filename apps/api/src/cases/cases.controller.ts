import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { openComplaintSchema } from '@aso/contracts';
import { z } from 'zod';
import { parseInput } from '../common/api-error';
import { CurrentUser } from '../common/actor.decorator';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { CasesService } from './cases.service';

const listQuerySchema = z.object({
  status: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  @Post('complaints')
  @HttpCode(201)
  open(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.cases.openComplaint(user, parseInput(openComplaintSchema, body));
  }

  /** A list: phone numbers are masked. */
  @Get('cases')
  list(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.cases.list(user, parseInput(listQuerySchema, query, 'query'));
  }

  /** The internal view (full form, live state) for those who work the case. */
  @Get('cases/:caseNumber')
  detail(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.detail(user, caseNumber);
  }

  /** What may be told to the customer: never the internal form. */
  @Get('cases/:caseNumber/customer-view')
  customerView(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.customerView(user, caseNumber);
  }

  @Get('cases/:caseNumber/documents')
  documents(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.cases.documentsOf(user, caseNumber);
  }

  @Get('cases/:caseNumber/audit')
  history(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.audit.history(user, caseNumber);
  }

  @Get('cases/:caseNumber/audit/verify')
  verify(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.audit.verify(user, caseNumber);
  }
}
