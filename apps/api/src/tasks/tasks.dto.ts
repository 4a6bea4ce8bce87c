import { CASE_NUMBER_PATTERN } from '@aso/domain';
import { decodeInboxCursor } from '@aso/persistence';
import { departmentSchema, roleSchema } from '@aso/contracts';
import { completeTaskResultSchema as completeTaskResultContract } from '@aso/contracts';
import { taskSchema } from '../cases/cases.dto';
import { queryInteger } from '../common/query-integer';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { taskCommandSchema } from './task-commands.dto';

export const inboxQuerySchema = z.object({
  scope: z.enum(['mine', 'department', 'all']).default('all'),
  type: z.string().max(64).optional(),
  caseNumber: z.string().max(32).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  caseType: z.string().max(32).optional().describe('complaint, return, repair, …'),
  dueFrom: z.string().datetime({ offset: true }).optional().describe('due at or after (ISO-8601)'),
  dueTo: z.string().datetime({ offset: true }).optional().describe('due at or before (ISO-8601)'),
  q: z
    .string()
    .max(64)
    .optional()
    .describe('a case number or customer name fragment, or ≥ 4 digits of the customer’s phone'),
  limit: queryInteger(1, 200, 50),
  offset: queryInteger(0, 1_000_000, 0).describe(
    'rows to skip; prefer `after` (a deep offset reads every row it skips)',
  ),
  after: z
    .string()
    .max(200)
    .refine((s) => decodeInboxCursor(s) !== null, 'must be a nextCursor of this inbox')
    .optional()
    .describe('the page after this cursor: the nextCursor of the page before (keyset paging)'),
});

/** Task ids are `<caseNumber>-T<n>` (contracts/task.ts). */
const TASK_ID_PATTERN = new RegExp(`${CASE_NUMBER_PATTERN.source.slice(0, -1)}-T[1-9]\\d{0,5}$`);
export const taskIdSchema = z
  .string()
  .max(48)
  .regex(TASK_ID_PATTERN, 'must look like KS202611-0001-T2')
  .openapi({ example: 'KS202611-0001-T2' });
const taskIdParams = z.object({ taskId: taskIdSchema });

export const completeTaskBodySchema = z
  .object({
    command: taskCommandSchema,
    comment: z.string().max(2000).optional().describe('for the audit trail'),
  })
  .openapi('CompleteTaskRequest');

/** Only the delegate's id: department and roles come from their user record. */
export const delegateTaskBodySchema = z
  .object({ to: z.object({ userId: z.string().uuid() }) })
  .openapi('DelegateTaskRequest');

/**
 * An inbox row: the task plus what the inbox shows of its case — its type, the customer with
 * the phone masked (138****8000), and the working time left until the task is due by the
 * case's policy calendar (China's working days and hours; negative once overdue).
 */
export const inboxItemSchema = taskSchema
  .extend({
    caseType: z.string().nullable().describe('null while the case’s read model is not written'),
    customer: z
      .object({ name: z.string(), phone: z.string().nullable().describe('masked') })
      .nullable(),
    remainingBusinessMs: z
      .number()
      .int()
      .nullable()
      .describe(
        'working time (ms) from now to dueAt on the case’s policy calendar; negative when overdue; null without dueAt',
      ),
  })
  .openapi('InboxItem');

export const inboxSchema = z
  .object({
    items: z.array(inboxItemSchema),
    total: z.number().int().describe('tasks in the inbox, counted up to 1,000'),
    totalCapped: z.boolean().describe('more than 1,000: total is the cap (show "1,000+")'),
    nextCursor: z
      .string()
      .nullable()
      .describe('send as `after` for the next page; null on the last page'),
  })
  .openapi('Inbox');

/** Someone a task may be delegated to: an active user of the organisation who fits the task. */
export const delegateCandidateSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    department: z.string(),
    roles: z.array(z.string()),
  })
  .openapi('DelegateCandidate');
export const delegateCandidatesSchema = z
  .object({ items: z.array(delegateCandidateSchema) })
  .openapi('DelegateCandidates');

/** A lead's board (issue 11): company-wide leads (VP, GM) may name another department. */
export const boardQuerySchema = z
  .object({
    department: departmentSchema.optional().describe('default: my department'),
    limit: queryInteger(1, 1000, 500),
  })
  .strict();

export const boardSchema = z
  .object({
    department: departmentSchema,
    items: z.array(taskSchema).describe('open and claimed tasks, overdue first, then by due'),
    people: z
      .array(
        z.object({
          id: z.string().uuid(),
          username: z.string(),
          displayName: z.string(),
          roles: z.array(roleSchema),
        }),
      )
      .describe('the department’s active users: assignees and delegation targets'),
  })
  .openapi('Board');

export const completeTaskResultSchema = completeTaskResultContract.openapi('CompleteTaskResult');

registerRoute({
  method: 'get',
  path: 'inbox',
  tag: 'tasks',
  summary: 'My claimed tasks and my department’s open ones: overdue first, then by due instant',
  query: inboxQuerySchema,
  response: { status: 200, description: 'A page of tasks', schema: inboxSchema },
});
registerRoute({
  method: 'get',
  path: 'tasks/board',
  tag: 'tasks',
  summary: 'A lead’s board: the department’s open and claimed tasks and its people',
  description:
    'Supervisors, managers and the sales VP see their own department; the VP in charge and the ' +
    'GM any department. Bulk reassignment is POST /tasks/:taskId/delegate per task.',
  query: boardQuerySchema,
  response: { status: 200, description: 'The board', schema: boardSchema },
  errors: [400],
});
const taskAction = (
  action: 'claim' | 'unclaim' | 'delegate',
  summary: string,
  body?: z.ZodTypeAny,
) =>
  registerRoute({
    method: 'post',
    path: `tasks/:taskId/${action}`,
    tag: 'tasks',
    summary,
    params: taskIdParams,
    body,
    response: { status: 200, description: 'The task afterwards', schema: taskSchema },
    errors: [404, 409, 422],
  });
taskAction('claim', 'Claim a task of my department and role');
taskAction('unclaim', 'Release a claimed task (its assignee or a lead of the department)');
taskAction('delegate', 'Hand a task to someone who fits it', delegateTaskBodySchema);
registerRoute({
  method: 'get',
  path: 'tasks/:taskId/delegates',
  tag: 'tasks',
  summary: 'Who the task may be delegated to (active users who fit it, not me)',
  params: taskIdParams,
  response: { status: 200, description: 'The candidates', schema: delegateCandidatesSchema },
  // 409: the task is no longer open (completed or cancelled), so nobody can take it
  errors: [404, 409],
});
registerRoute({
  method: 'post',
  path: 'tasks/:taskId/complete',
  tag: 'tasks',
  summary: 'Complete a task with one of its commands',
  description:
    'The command’s `type` selects its payload (TaskCommand). The API checks its shape (400 ' +
    'naming the field), then who may act (403), then the workflow’s validator decides (409/422).',
  params: taskIdParams,
  body: completeTaskBodySchema,
  response: { status: 200, description: 'What happened', schema: completeTaskResultSchema },
  errors: [404, 409, 422],
});
