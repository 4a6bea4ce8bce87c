import {
  departmentSchema,
  openComplaintSchema,
  roleSchema,
  type CaseView as LiveCaseView,
  type TaskView,
} from '@aso/contracts';
import { CASE_NUMBER_PATTERN } from '@aso/domain';
import type { AuditVerification } from '@aso/persistence';
import type { AuditEventView } from '../audit/audit.service';
import { queryInteger } from '../common/query-integer';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { CaseListItem, CaseView, CustomerCaseView, DocumentView, TaskRow } from './case.view';

/** The intake as parsed; shipDate documented as `format: date` (a real calendar day, checked). */
export const openComplaintBodySchema = openComplaintSchema
  .extend({ shipDate: openComplaintSchema.shape.shipDate.openapi({ format: 'date' }) })
  .openapi('OpenComplaintRequest');

export const caseListQuerySchema = z.object({
  status: z.string().max(64).optional(),
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

export const taskRowSchema = z
  .object({
    taskId: z.string().openapi({ example: 'KS202611-0001-T2' }),
    caseNumber: z.string(),
    type: z.string(),
    stage: z.string(),
    candidateDepartment: z.string().nullable(),
    candidateRoles: z.array(z.string()),
    assignee: z.string().nullable(),
    priority: z.number().int(),
    status: z.string(),
    commands: z.array(z.string()).describe('the command types that complete the task'),
    overdue: z.boolean(),
    escalationLevel: z.number().int(),
    escalatesTaskId: z.string().nullable(),
    dueAt: isoOrNull,
    dueProvisional: z.boolean(),
    createdAt: iso,
    completedAt: isoOrNull,
    completedBy: z.string().nullable(),
  })
  .openapi('TaskRow') satisfies z.ZodType<TaskRow>;

/** A task as the workflow holds it (the live view and the claim/unclaim/delegate answers). */
export const taskViewSchema = z
  .object({
    taskId: z.string(),
    caseNumber: z.string(),
    type: z.string(),
    stage: z.string(),
    candidateDepartment: departmentSchema.nullable(),
    candidateRoles: z.array(roleSchema),
    assignee: z.string().nullable(),
    priority: z.number().int(),
    status: z.enum(['open', 'claimed', 'completed', 'cancelled']),
    commands: z.array(z.string()),
    dueAt: isoOrNull,
    dueProvisional: z.boolean(),
    overdue: z.boolean(),
    escalationLevel: z.number().int(),
    escalatesTaskId: z.string().nullable(),
    createdAt: iso,
    completedAt: isoOrNull,
    completedBy: z.string().nullable(),
  })
  .openapi('TaskView') satisfies z.ZodType<TaskView>;

export const liveCaseViewSchema = z
  .object({
    caseNumber: z.string(),
    caseType: z.string(),
    organisationId: z.string(),
    policyVersion: z.number().int(),
    status: z.string(),
    state: z.record(z.unknown()).describe('the domain state of the case (per case type)'),
    tasks: z.array(taskViewSchema),
    overdueStages: z.array(z.string()),
    closingClock: z.object({
      startedAt: isoOrNull,
      dueAt: isoOrNull,
      dueProvisional: z.boolean(),
      closedAt: isoOrNull,
      onTime: z.boolean().nullable(),
    }),
    parentCaseNumber: z.string().nullable(),
    childCaseNumbers: z.array(z.string()),
    auditSeq: z.number().int(),
    writeIncidents: z
      .array(
        z.object({
          code: z.string(),
          at: z.string(),
          message: z.string(),
          auditKeys: z.array(z.string()),
          resolution: z.enum(['sanitised', 'dropped']),
        }),
      )
      .describe('writes the database refused for good, and what the workflow did instead'),
  })
  .openapi('LiveCaseView') satisfies z.ZodType<LiveCaseView>;

export const caseViewSchema = z
  .object({
    caseNumber: z.string(),
    type: z.string(),
    status: z.string(),
    stage: z.string(),
    storeId: z.string().nullable(),
    customer,
    orderNumber: z.string(),
    defectDescription: z.string().nullable(),
    quantity: z.number().int().nullable(),
    classification: z.string().nullable(),
    severity: z.string().nullable(),
    method: z.string().nullable(),
    lossAmountFen: z.number().int().nullable(),
    approvedAmountFen: z.number().int().nullable(),
    overdue: z.boolean(),
    overdueStages: z.array(z.string()),
    policyVersion: z.number().int(),
    parentCaseNumber: z.string().nullable(),
    childCaseNumbers: z.array(z.string()),
    openedBy: z.string(),
    openedAt: iso,
    acceptedAt: isoOrNull,
    closingDueAt: isoOrNull,
    closedAt: isoOrNull,
    closedOnTime: z.boolean().nullable(),
    tasks: z.array(taskRowSchema),
    live: liveCaseViewSchema.nullable().describe('the workflow’s live state (null once gone)'),
  })
  .openapi('CaseView') satisfies z.ZodType<CaseView & { live: LiveCaseView | null }>;

export const caseListSchema = z
  .object({
    items: z.array(
      z
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
        .openapi('CaseListItem') satisfies z.ZodType<CaseListItem>,
    ),
    total: z.number().int(),
  })
  .openapi('CaseList');

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
    decision: z.object({ method: z.string(), amountFen: z.number().int().nullable() }).nullable(),
  })
  .openapi('CustomerCaseView') satisfies z.ZodType<CustomerCaseView>;

export const documentViewSchema = z
  .object({
    docType: z.string(),
    docNumber: z.string(),
    revision: z.number().int(),
    supersedesRevision: z.number().int().nullable(),
    status: z.string(),
    content: z.record(z.unknown()),
    distribution: z.array(z.object({ department: z.string(), copy: z.number().int() })),
    signatures: z.array(z.object({ by: z.string(), role: z.string(), at: iso })),
    updatedAt: iso,
  })
  .openapi('Document') satisfies z.ZodType<DocumentView>;

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
caseRoute('/documents', 'The case’s documents', z.array(documentViewSchema), 'Documents');
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
