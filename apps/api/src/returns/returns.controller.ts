import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { openReturnBodySchema } from './returns.dto';
import { ReturnsService } from './returns.service';

@Controller()
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  /** Sales or CS records a customer's own request (001 篇3 退货流程 1); read at GET /cases/TH…. */
  @Post('returns')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.returns.open(user, parseInput(openReturnBodySchema, body), command);
  }
}
