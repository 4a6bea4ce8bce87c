import { departmentSchema, roleSchema } from '@aso/contracts';
import { userViewSchema } from '../auth/auth.dto';
import { QUALIFICATIONS } from '../auth/qualifications';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { AdminUserView } from './users.service';

const password = z.string().min(12, { message: 'at least 12 characters' }).max(256);
const roles = z.array(roleSchema).min(1).max(8);
const approvalLimitFen = z
  .number()
  .int()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  .nullable()
  .describe('personal approval limit in fen (1/100 yuan); null = the role’s limit only');

const qualifications = z
  .array(z.enum(QUALIFICATIONS))
  .max(QUALIFICATIONS.length)
  .describe('F18 004 八.(一)3: granted once the user is trained and passed (follow_up_caller)');

export const createUserBodySchema = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'letters, digits, . _ -' }),
    displayName: z.string().min(1).max(100),
    password,
    department: departmentSchema,
    roles,
    approvalLimitFen: approvalLimitFen.optional(),
    qualifications: qualifications.optional(),
  })
  .openapi('CreateUserRequest');

export const updateUserBodySchema = z
  .object({
    displayName: z.string().min(1).max(100).optional(),
    password: password.optional(),
    department: departmentSchema.optional(),
    roles: roles.optional(),
    approvalLimitFen: approvalLimitFen.optional(),
    qualifications: qualifications.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' })
  .openapi('UpdateUserRequest', { minProperties: 1 });

export const userIdSchema = z.string().uuid();
/** For the document only: the controller parses the bare id with userIdSchema (path params.id). */
const userIdParams = z.object({ id: userIdSchema });

export const adminUserViewSchema = userViewSchema
  .extend({ active: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('AdminUser') satisfies z.ZodType<AdminUserView>;

registerRoute({
  method: 'get',
  path: 'admin/users',
  tag: 'users',
  summary: 'The users of the admin’s organisation',
  response: { status: 200, description: 'Users', schema: z.array(adminUserViewSchema) },
});
registerRoute({
  method: 'post',
  path: 'admin/users',
  tag: 'users',
  summary: 'Create a user',
  body: createUserBodySchema,
  response: { status: 201, description: 'The new user', schema: adminUserViewSchema },
  errors: [409],
});
registerRoute({
  method: 'patch',
  path: 'admin/users/:id',
  tag: 'users',
  summary:
    'Change department, roles, personal approval limit, qualifications, display name or password',
  params: userIdParams,
  body: updateUserBodySchema,
  response: { status: 200, description: 'The changed user', schema: adminUserViewSchema },
  errors: [404],
});
registerRoute({
  method: 'post',
  path: 'admin/users/:id/deactivate',
  tag: 'users',
  summary: 'Deactivate a user (their sessions end at once)',
  params: userIdParams,
  response: { status: 200, description: 'The deactivated user', schema: adminUserViewSchema },
  errors: [404, 409],
});
