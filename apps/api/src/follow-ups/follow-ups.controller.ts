import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { openFollowUpBodySchema } from './follow-ups.dto';
import { FollowUpsService } from './follow-ups.service';

@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  /** CS opens a planned call (004 三.(一)); it is then read at GET /cases/HF…. */
  @Post('follow-ups')
  @HttpCode(201)
  open(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Idempotent() command: IdempotentCommand | undefined,
  ) {
    return this.followUps.open(user, parseInput(openFollowUpBodySchema, body), command);
  }
}
