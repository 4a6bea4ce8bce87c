import { Controller, Get, Param, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { caseNumberOf } from '../cases/case-number.param';
import { asOfQuerySchema, auditVerifyQuerySchema } from '../cases/cases.dto';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { AuditService } from './audit.service';

/** A case's audit trail and its verification (the routes sit under /cases/:caseNumber). */
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('cases/:caseNumber/audit')
  history(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.audit.history(user, caseNumberOf(caseNumber));
  }

  /** The case's state as of `at`, computed from the audit trail (issue 11, auditors). */
  @Get('cases/:caseNumber/as-of')
  asOf(
    @CurrentUser() user: AuthUser,
    @Param('caseNumber') caseNumber: string,
    @Query() query: unknown,
  ) {
    const { at } = parseInput(asOfQuerySchema, query, 'query');
    return this.audit.asOf(user, caseNumberOf(caseNumber), new Date(at));
  }

  @Get('cases/:caseNumber/audit/verify')
  verify(
    @CurrentUser() user: AuthUser,
    @Param('caseNumber') caseNumber: string,
    @Query() query: unknown,
  ) {
    // `against=history` also compares the effective trail with the workflow's history (issue 8 #6)
    const { against } = parseInput(auditVerifyQuerySchema, query, 'query');
    return this.audit.verify(user, caseNumberOf(caseNumber), against);
  }
}
