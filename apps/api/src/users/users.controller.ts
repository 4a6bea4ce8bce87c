import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { parseInput } from '../common/parse-input';
import { CurrentUser } from '../common/actor.decorator';
import { createUserBodySchema, updateUserBodySchema, userIdSchema } from './users.dto';
import { UsersService } from './users.service';

/** Admin-only user management, always within the admin's organisation. */
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentUser() admin: AuthUser) {
    return this.users.list(admin);
  }

  @Post()
  @HttpCode(201)
  create(@CurrentUser() admin: AuthUser, @Body() body: unknown) {
    return this.users.create(admin, parseInput(createUserBodySchema, body));
  }

  /** Department, roles, personal approval limit (approvalLimitFen), display name, password. */
  @Patch(':id')
  update(@CurrentUser() admin: AuthUser, @Param('id') id: string, @Body() body: unknown) {
    return this.users.update(
      admin,
      parseInput(userIdSchema, id, 'params.id'),
      parseInput(updateUserBodySchema, body),
    );
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() admin: AuthUser, @Param('id') id: string) {
    return this.users.deactivate(admin, parseInput(userIdSchema, id, 'params.id'));
  }
}
