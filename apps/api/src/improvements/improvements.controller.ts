import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { openImprovementBodySchema } from './improvements.dto';
import { ImprovementsService } from './improvements.service';

@Controller()
export class ImprovementsController {
  constructor(private readonly improvements: ImprovementsService) {}

  /** F17 003 §四.4: a CS manager sets a measure; it is then read at GET /cases/GJ…. */
  @Post('improvement-measures')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.improvements.open(user, parseInput(openImprovementBodySchema, body), command);
  }
}
