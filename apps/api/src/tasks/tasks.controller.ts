import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { caseActorSchema, type CaseActor } from '@aso/contracts';
import { z } from 'zod';
import { parseInput } from '../common/api-error';
import { CurrentActor, RequestId } from '../common/actor.decorator';
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
const delegateBodySchema = z.object({
  to: caseActorSchema.pick({ userId: true, department: true, roles: true }),
});

@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** My claimed tasks and my department's unclaimed ones: overdue first, then by due instant. */
  @Get('inbox')
  inbox(@CurrentActor() actor: CaseActor, @Query() query: unknown) {
    const q = parseInput(inboxQuerySchema, query, 'query');
    return this.tasks.inbox(actor, { ...q, overdueOnly: q.overdue === 'true' });
  }

  @Post('tasks/:taskId/claim')
  @HttpCode(200)
  claim(
    @CurrentActor() actor: CaseActor,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.claim(actor, requestId, taskId);
  }

  @Post('tasks/:taskId/unclaim')
  @HttpCode(200)
  unclaim(
    @CurrentActor() actor: CaseActor,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.unclaim(actor, requestId, taskId);
  }

  @Post('tasks/:taskId/delegate')
  @HttpCode(200)
  delegate(
    @CurrentActor() actor: CaseActor,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    return this.tasks.delegate(actor, requestId, taskId, parseInput(delegateBodySchema, body).to);
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  complete(
    @CurrentActor() actor: CaseActor,
    @RequestId() requestId: string,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    const { command, comment } = parseInput(completeBodySchema, body);
    return this.tasks.complete(actor, requestId, taskId, command, comment);
  }
}
