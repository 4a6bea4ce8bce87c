import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Actor } from '@aso/contracts';
import { z } from 'zod';
import { parseInput } from '../common/api-error';
import { CurrentActor } from '../common/actor.decorator';
import { TasksService } from './tasks.service';

const completeBodySchema = z.object({ payload: z.record(z.unknown()) });

@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('inbox')
  inbox(@CurrentActor() actor: Actor) {
    return this.tasks.inbox(actor);
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('taskId') taskId: string, @Body() body: unknown) {
    return this.tasks.complete(actor, taskId, parseInput(completeBodySchema, body).payload);
  }
}
