import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { openComplaintSchema, type CaseActor } from '@aso/contracts';
import { DomainError } from '@aso/domain';
import { parseInput } from '../common/api-error';
import { CurrentActor } from '../common/actor.decorator';
import { AuditService } from '../audit/audit.service';
import { CasesService } from './cases.service';

@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  @Post('complaints')
  @HttpCode(201)
  open(@CurrentActor() actor: CaseActor, @Body() body: unknown) {
    if (actor.department !== 'sales') {
      throw new DomainError('WRONG_DEPARTMENT', 'Complaints are opened by sales (001 §25.1)', {
        requiredDepartment: 'sales',
        actualDepartment: actor.department,
      });
    }
    return this.cases.openComplaint(actor, parseInput(openComplaintSchema, body));
  }

  @Get('cases/:caseNumber')
  detail(@CurrentActor() _actor: CaseActor, @Param('caseNumber') caseNumber: string) {
    return this.cases.detail(caseNumber);
  }

  @Get('cases/:caseNumber/documents')
  documents(@CurrentActor() _actor: CaseActor, @Param('caseNumber') caseNumber: string) {
    return this.cases.documentsOf(caseNumber);
  }

  @Get('cases/:caseNumber/audit')
  async history(@CurrentActor() _actor: CaseActor, @Param('caseNumber') caseNumber: string) {
    await this.cases.find(caseNumber);
    return this.audit.history(caseNumber);
  }

  @Get('cases/:caseNumber/audit/verify')
  async verify(@CurrentActor() _actor: CaseActor, @Param('caseNumber') caseNumber: string) {
    await this.cases.find(caseNumber);
    return this.audit.verify(caseNumber);
  }
}
