import {
  caseSnapshotSchema,
  documentViewSchema,
  openComplaintSchema,
  taskViewSchema,
  workflowCaseViewSchema,
  type CaseView as LiveCaseView,
  type TaskView,
} from '@aso/contracts';
import { CASE_NUMBER_PATTERN } from '@aso/domain';
import type { AuditVerification } from '@aso/persistence';
import type { CaseAsOf } from '../audit/as-of';
import type { BusinessTimeLeft } from './business-time';
import type { AuditEventView } from '../audit/audit.service';
import { queryInteger } from '../common/query-integer';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

/** The intake as parsed; shipDate documented as `format: date` (a real calendar day, checked). */
export const openComplaintBodySchema = openComplaintSchema
  .extend({ shipDate: openComplaintSchema.shape.shipDate.openapi({ format: 'date' }) })
  .openapi('OpenComplaintRequest');

const shanghaiDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (d) => {
      // 2026-13-45 is an Invalid Date, whose toISOString throws: refuse it, never 500
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
    },
    {
      message: 'is not a calendar date',
    },
  )
  .openapi({ format: 'date' });

/** The search of the case list (auditors' case search, issue 11): every filter optional, ANDed. */
export const caseListQuerySchema = z.object({
  status: z.string().max(64).optional(),
  caseNumber: z.string().max(32).optional().describe('a case number or its beginning (KS202611)'),
  customer: z.string().max(100).optional().describe('part of the customer’s name'),
  orderNumber: z.string().max(64).optional().describe('part of the order number'),
  overdue: z.enum(['true', 'false']).optional(),
  from: shanghaiDay.optional().describe('opened on or after this Asia/Shanghai day'),
  to: shanghaiDay.optional().describe('opened on or before this Asia/Shanghai day'),
  limit: queryInteger(1, 200, 50),
  offset: queryInteger(0, 1_000_000, 0),
});

export const caseNumberSchema = z
  .string()
  .max(32)
  .regex(CASE_NUMBER_PATTERN, 'must look like KS202611-0001')
  .openapi({ example: 'KS202611-0001' });
export const caseNumberParamsSchema = z.object({ caseNumber: caseNumberSchema });

const iso = z.string().describe('ISO-8601 instant');
const isoOrNull = iso.nullable();
const customer = z.object({ name: z.string(), phone: z.string().nullable() });

export const openedCaseSchema = z
  .object({ caseNumber: z.string(), policyVersion: z.number().int() })
  .openapi('OpenedCase');

/**
 * The one task shape (libs/contracts task.ts): the inbox rows, the case view's tasks, the live
 * view and the claim/unclaim/delegate answers all show it.
 */
export const taskSchema = taskViewSchema
  .extend({ taskId: taskViewSchema.shape.taskId.openapi({ example: 'KS202611-0001-T2' }) })
  .openapi('TaskView') satisfies z.ZodType<TaskView>;

/** The workflow's live view (libs/contracts case-workflow.contract.ts), its tasks named. */
export const liveCaseViewSchema = workflowCaseViewSchema
  .extend({
    state: z.record(z.unknown()).describe('the domain state of the case (per case type)'),
    tasks: z.array(taskSchema),
  })
  .openapi('LiveCaseView') satisfies z.ZodType<LiveCaseView>;

const businessTimeLeftSchema = z
  .object({
    dueAt: iso,
    remainingWorkingMs: z
      .number()
      .int()
      .describe('working time from now to the deadline; negative: working time since it passed'),
    provisional: z.boolean(),
    calendarCovered: z
      .boolean()
      .describe('false: the span reaches a year with no public-holiday table (weekends only)'),
    calendarWarning: z.string().nullable(),
  })
  .nullable()
  .openapi('BusinessTimeLeft') satisfies z.ZodType<BusinessTimeLeft | null>;

/** The clocks on the case's business calendar (its pinned policy), as of `at`. */
const businessTimeSchema = z
  .object({
    at: iso,
    closing: businessTimeLeftSchema,
    tasks: z.record(businessTimeLeftSchema).describe('by task id: the open tasks with a due'),
  })
  .openapi('CaseBusinessTime');

/**
 * The internal view of a case: the case snapshot of the contracts (libs/contracts
 * case-activities.ts) as the API presents it — `type`, the customer as one object, the opener
 * and the defect as recorded at intake — with its tasks and the workflow's live state.
 */
export const caseViewSchema = caseSnapshotSchema
  .omit({
    organisationId: true,
    caseType: true,
    customerName: true,
    customerPhone: true,
    openedBy: true,
    defectDescription: true,
    version: true,
  })
  .extend({
    type: z.string(),
    customer,
    openedBy: z.string(),
    defectDescription: z.string().nullable(),
    tasks: z.array(taskSchema),
    live: liveCaseViewSchema.nullable().describe('the workflow’s live state (null once gone)'),
    businessTime: businessTimeSchema,
  })
  .openapi('CaseView');
export type CaseViewResponse = z.infer<typeof caseViewSchema>;

/** A case in a list: an allow-list of the read model (phones masked). */
export const caseListItemSchema = z
  .object({
    caseNumber: z.string(),
    type: z.string(),
    status: z.string(),
    stage: z.string(),
    customer: customer.describe('phone masked (138****8000)'),
    orderNumber: z.string(),
    overdue: z.boolean(),
    openedAt: iso,
    closingDueAt: isoOrNull,
    closedAt: isoOrNull,
  })
  .openapi('CaseListItem');
export type CaseListItemResponse = z.infer<typeof caseListItemSchema>;

export const caseListSchema = z
  .object({
    items: z.array(caseListItemSchema),
    total: z.number().int().describe('matching cases, counted up to 1,000'),
    totalCapped: z.boolean().describe('more than 1,000 match: total is the cap'),
  })
  .openapi('CaseList');

/** What may be told to the customer (case.view.ts toCustomerCaseView builds it field by field). */
export const customerCaseViewSchema = z
  .object({
    caseNumber: z.string(),
    type: z.string(),
    progress: z.enum(['received', 'in_progress', 'decided', 'closed']),
    customer: customer.describe('phone masked'),
    orderNumber: z.string(),
    defectDescription: z.string().nullable(),
    quantity: z.number().int().nullable(),
    openedAt: iso,
    acceptedAt: isoOrNull,
    closedAt: isoOrNull,
    /** the approved remedy: its method and the amount the customer gets (null: none or not yet) */
    decision: z.object({ method: z.string(), amountFen: z.number().int().nullable() }).nullable(),
    /** C33: what the customer was told, when and on which channel (oldest first) */
    notices: z.array(
      z.object({
        at: iso,
        stage: z.string(),
        channel: z.string(),
        message: z.string(),
        expectedBy: isoOrNull,
      }),
    ),
  })
  .openapi('CustomerCaseView');
export type CustomerCaseViewResponse = z.infer<typeof customerCaseViewSchema>;

export const documentSchema = documentViewSchema.openapi('Document');

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: iso,
    actor: z.string(),
    action: z.string(),
    data: z.record(z.unknown()),
    policyVersion: z.number().int().nullable(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .openapi('AuditEvent') satisfies z.ZodType<AuditEventView>;

export const auditVerificationSchema = z
  .object({
    valid: z.boolean(),
    count: z.number().int(),
    firstBrokenSeq: z.number().int().optional(),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']).optional(),
    against: z.literal('history').optional(),
    disagreements: z
      .array(
        z.object({
          kind: z.enum([
            'audit_content_differs',
            'audit_missing',
            'audit_not_in_history',
            'case_closed_at_differs',
            'task_created_at_differs',
            'task_missing',
          ]),
          subject: z.string(),
          history: z.string().nullable().optional(),
          database: z.string().nullable().optional(),
        }),
      )
      .optional()
      .describe('with against=history: where the effective database content differs from history'),
  })
  .openapi('AuditVerification') satisfies z.ZodType<AuditVerification>;

export const asOfQuerySchema = z
  .object({ at: z.string().datetime({ offset: true }).describe('ISO-8601 instant') })
  .strict();

export const caseAsOfSchema = z
  .object({
    caseNumber: z.string(),
    type: z.string(),
    at: iso,
    eventCount: z.number().int().describe('audit events at or before `at`'),
    totalEvents: z.number().int(),
    lastEvent: z
      .object({ seq: z.number().int(), action: z.string(), actor: z.string(), occurredAt: iso })
      .nullable(),
    state: z
      .record(z.unknown())
      .nullable()
      .describe('the domain state then: the trail’s domain events folded with the type’s evolve'),
    status: z.string().nullable(),
    foldError: z.object({ seq: z.number().int(), message: z.string() }).nullable(),
    tasks: z.array(
      z.object({
        taskId: z.string(),
        type: z.string().nullable(),
        stage: z.string().nullable(),
        status: z.string(),
        assignee: z.string().nullable(),
        since: iso,
      }),
    ),
  })
  .openapi('CaseAsOf') satisfies z.ZodType<CaseAsOf>;

export const auditVerifyQuerySchema = z
  .object({
    against: z
      .literal('history')
      .optional()
      .describe('also compare the trail and read-model times with the workflow history'),
  })
  .strict();

registerRoute({
  method: 'post',
  path: 'complaints',
  tag: 'cases',
  summary: 'Open a complaint (sales)',
  body: openComplaintBodySchema,
  response: { status: 201, description: 'The new case', schema: openedCaseSchema },
  errors: [422],
});
registerRoute({
  method: 'get',
  path: 'cases',
  tag: 'cases',
  summary: 'The cases the user works, newest first (phones masked)',
  query: caseListQuerySchema,
  response: { status: 200, description: 'A page of cases', schema: caseListSchema },
});
const caseRoute = (path: string, summary: string, schema: z.ZodTypeAny, description: string) =>
  registerRoute({
    method: 'get',
    path: `cases/:caseNumber${path}`,
    tag: 'cases',
    summary,
    params: caseNumberParamsSchema,
    response: { status: 200, description, schema },
    errors: [404],
  });
caseRoute('', 'The internal view: read model and live workflow state', caseViewSchema, 'The case');
caseRoute(
  '/customer-view',
  'What may be told to the customer (allow-listed fields, phone masked)',
  customerCaseViewSchema,
  'The customer-facing view',
);
caseRoute('/documents', 'The case’s documents', z.array(documentSchema), 'Documents');
caseRoute('/audit', 'The case’s audit trail', z.array(auditEventSchema), 'Audit events');
registerRoute({
  method: 'get',
  path: 'cases/:caseNumber/audit/verify',
  tag: 'cases',
  summary:
    'Verify the audit trail’s hash chain (and, with against=history, its agreement with history)',
  params: caseNumberParamsSchema,
  query: auditVerifyQuerySchema,
  response: { status: 200, description: 'The verification', schema: auditVerificationSchema },
  errors: [400, 404],
});
registerRoute({
  method: 'get',
  path: 'cases/:caseNumber/as-of',
  tag: 'cases',
  summary: 'The case as of a moment, computed from its audit trail (state, status, tasks)',
  params: caseNumberParamsSchema,
  query: asOfQuerySchema,
  response: { status: 200, description: 'The case then', schema: caseAsOfSchema },
  errors: [400, 404],
});
