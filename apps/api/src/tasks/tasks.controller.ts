import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { parseInput } from '../common/api-error';
import { CurrentUser, RequestId } from '../common/actor.decorator';
import { TasksService } from './tasks.service';

const inboxQuerySchema = z.object({
  scope: z.enum(['mine', 'department', 'all']).default('all'),
  type: z.string().max(64).optional(),
  caseNumber: z.string().max(32).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const completeBodySchema = z.object({
  command: z.object({ type: z.string().min(1).max(64) }).passthrough(),
  comment: z.string().max(2000).optional(),
});
/** Only the delegate's id: department and roles come from their user record. */
const delegateBodySchema = z.object({
  to: z.object({ userId: z.string().uuid() }),
});

@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** My claimed tasks and my department's unclaimed ones: overdue first, then by due instant. */
  @Get('inbox')
  inbox(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    const q = parseInput(inboxQuerySchema, query, 'query');
    return this.tasks.inbox(user, { ...q, overdueOnly: q.overdue === 'true' });
  }

  @Post('tasks/:taskId/claim')
  @HttpCode(200)
  claim(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.claim(user, requestId, taskId);
  }

  @Post('tasks/:taskId/unclaim')
  @HttpCode(200)
  unclaim(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.unclaim(user, requestId, taskId);
  }

  @Post('tasks/:taskId/delegate')
  @HttpCode(200)
  delegate(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    return this.tasks.delegate(
      user,
      requestId,
      taskId,
      parseInput(delegateBodySchema, body).to.userId,
    );
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  complete(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    const { command, comment } = parseInput(completeBodySchema, body);
    return this.tasks.complete(user, requestId, taskId, command, comment);
  }
}
