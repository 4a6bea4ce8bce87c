import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { openRepairBodySchema } from './repairs.dto';
import { RepairsService } from './repairs.service';

@Controller()
export class RepairsController {
  constructor(private readonly repairs: RepairsService) {}

  /** CS takes a service request (001 §7); the repair is then read at GET /cases/WX…. */
  @Post('repairs')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.repairs.openRepair(user, parseInput(openRepairBodySchema, body), command);
  }
}
