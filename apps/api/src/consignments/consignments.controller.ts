import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { openConsignmentBodySchema } from './consignments.dto';
import { ConsignmentsService } from './consignments.service';

@Controller()
export class ConsignmentsController {
  constructor(private readonly consignments: ConsignmentsService) {}

  /** Sales opens a consignment (002 ch.12 1); read at GET /cases/DX…, worked through /tasks. */
  @Post('consignments')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.consignments.open(user, parseInput(openConsignmentBodySchema, body), command);
  }
}
