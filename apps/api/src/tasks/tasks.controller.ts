import { decodeInboxCursor, type TaskEntity } from '@aso/persistence';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { parseInput } from '../common/parse-input';
import { CurrentUser, RequestId, TaskRow } from '../common/actor.decorator';
import {
  boardQuerySchema,
  completeTaskBodySchema,
  delegateTaskBodySchema,
  inboxQuerySchema,
  taskIdSchema,
} from './tasks.dto';
import { Idempotent, type IdempotentCommand } from '../idempotency/command-id.decorator';
import { TasksService } from './tasks.service';

/** A malformed task id is a 400 naming params.taskId, not a lookup that finds nothing. */
const taskIdOf = (value: string): string => parseInput(taskIdSchema, value, 'params.taskId');

@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** My claimed tasks and my department's unclaimed ones: overdue first, then by due instant. */
  @Get('inbox')
  inbox(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    const { q: search, dueFrom, dueTo, after, ...q } = parseInput(inboxQuerySchema, query, 'query');
    return this.tasks.inbox(user, {
      ...q,
      ...(after ? { after: decodeInboxCursor(after) ?? undefined } : {}),
      overdueOnly: q.overdue === 'true',
      ...(search ? { search } : {}),
      ...(dueFrom ? { dueFrom: new Date(dueFrom) } : {}),
      ...(dueTo ? { dueTo: new Date(dueTo) } : {}),
    });
  }

  @Get('tasks/:taskId/delegates')
  delegates(
    @CurrentUser() user: AuthUser,
    @TaskRow() taskRow: TaskEntity | null | undefined,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.delegates(user, taskIdOf(taskId), taskRow);
  }

  /** A lead's board of the department: open and claimed tasks by assignee, and its people. */
  @Get('tasks/board')
  board(@CurrentUser() user: AuthUser, @Query() query: unknown) {
    return this.tasks.board(user, parseInput(boardQuerySchema, query, 'query'));
  }

  @Post('tasks/:taskId/claim')
  @HttpCode(200)
  claim(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Idempotent() command: IdempotentCommand | undefined,
    @TaskRow() taskRow: TaskEntity | null | undefined,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.claim(user, { requestId, command, taskRow }, taskIdOf(taskId));
  }

  @Post('tasks/:taskId/unclaim')
  @HttpCode(200)
  unclaim(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Idempotent() command: IdempotentCommand | undefined,
    @TaskRow() taskRow: TaskEntity | null | undefined,
    @Param('taskId') taskId: string,
  ) {
    return this.tasks.unclaim(user, { requestId, command, taskRow }, taskIdOf(taskId));
  }

  @Post('tasks/:taskId/delegate')
  @HttpCode(200)
  delegate(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Idempotent() command: IdempotentCommand | undefined,
    @TaskRow() taskRow: TaskEntity | null | undefined,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    const id = taskIdOf(taskId);
    return this.tasks.delegate(
      user,
      { requestId, command, taskRow },
      id,
      parseInput(delegateTaskBodySchema, body).to.userId,
    );
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  complete(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Idempotent() idempotent: IdempotentCommand | undefined,
    @TaskRow() taskRow: TaskEntity | null | undefined,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
  ) {
    const id = taskIdOf(taskId);
    const { command, comment } = parseInput(completeTaskBodySchema, body);
    return this.tasks.complete(
      user,
      { requestId, command: idempotent, taskRow },
      id,
      command,
      comment,
    );
  }
}
