import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { departmentSchema, roleSchema } from '@aso/contracts';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { parseInput } from '../common/api-error';
import { CurrentUser } from '../common/actor.decorator';
import { UsersService } from './users.service';

const password = z.string().min(12, { message: 'at least 12 characters' }).max(256);
const roles = z.array(roleSchema).min(1).max(8);
const approvalLimitFen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable();

const createSchema = z.object({
  username: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'letters, digits, . _ -' }),
  displayName: z.string().min(1).max(100),
  password,
  department: departmentSchema,
  roles,
  approvalLimitFen: approvalLimitFen.optional(),
});
const updateSchema = z
  .object({
    displayName: z.string().min(1).max(100).optional(),
    password: password.optional(),
    department: departmentSchema.optional(),
    roles: roles.optional(),
    approvalLimitFen: approvalLimitFen.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
const idSchema = z.string().uuid();

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
    return this.users.create(admin, parseInput(createSchema, body));
  }

  /** Department, roles, personal approval limit (approvalLimitFen), display name, password. */
  @Patch(':id')
  update(@CurrentUser() admin: AuthUser, @Param('id') id: string, @Body() body: unknown) {
    return this.users.update(
      admin,
      parseInput(idSchema, id, 'params.id'),
      parseInput(updateSchema, body),
    );
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() admin: AuthUser, @Param('id') id: string) {
    return this.users.deactivate(admin, parseInput(idSchema, id, 'params.id'));
  }
}
