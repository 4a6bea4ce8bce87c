import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { openComplaintSchema, type Actor } from '@aso/contracts';
import { parseInput } from '../common/api-error';
import { CurrentActor } from '../common/actor.decorator';
import { CasesService } from './cases.service';

@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('complaints')
  @HttpCode(201)
  open(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.cases.openComplaint(actor, parseInput(openComplaintSchema, body));
  }

  @Get('cases/:caseNumber')
  detail(@CurrentActor() _actor: Actor, @Param('caseNumber') caseNumber: string) {
    return this.cases.detail(caseNumber);
  }
}
