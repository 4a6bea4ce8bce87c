import {
  COMPLAINT_CAUSES,
  HANDLING_METHODS,
  PENALTY_KINDS,
  RECORD_REPAIR_COMPLETED,
  SERVICE_KINDS,
  STAGES,
  type ComplaintCommand,
  type ReturnCommand,
} from '@aso/domain';
import { z } from 'zod';
import type { Fits, SameTypes } from './schema/drift-check';
import {
  boundedDuration,
  fen,
  issuesOf,
  MAX_QUANTITY,
  noNul,
  NO_NUL_MESSAGE,
  optionalText,
  positiveFen,
  quantity,
  quantityOrZero,
  text,
  type ParseIssue,
} from './schema/primitives';

/**
 * The payload of every command a person sends through completeTask, one schema per command
 * type: the API parses POST /tasks/:id/complete with them (400 naming the field), the OpenAPI
 * document is generated from them, and the workflow's update validator parses the same payload
 * with the per-case-type parsers below before the domain decides. They check shape, types and
 * bounds only; whether the command fits the task and the case is the workflow's and the
 * domain's to say. No transforms: what passes is what was sent, minus unknown keys.
 */

/** Workflow-level command (any case type): part of running histories, never rename. */
export const ACKNOWLEDGE_ESCALATION = 'AcknowledgeEscalation';
/** The repair hand-off (a complaint domain command), recorded by hand until repairs run as child workflows. */
export { RECORD_REPAIR_COMPLETED };

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

// ── complaint (DOMAIN.md §1) ────────────────────────────────────────────────────────────
const complaintFormCommandSchemas = [
  command(
    'RecordFirstResponse',
    {
      channel: z.enum(['phone', 'email', 'online', 'store', 'letter']),
      summary: text(2000),
    },
    'Sales’ first response to the customer (24 h)',
  ),
  command(
    'RegisterComplaint',
    {
      cause: z.enum(COMPLAINT_CAUSES),
      severity: z.enum(['general', 'severe']),
      // An object of the stage names (not a record) so the document lists the allowed keys.
      formDeadlines: z
        .object(
          Object.fromEntries(
            STAGES.complaint.map((s) => [s, boundedDuration.optional()]),
          ) as Record<(typeof STAGES.complaint)[number], z.ZodOptional<typeof boundedDuration>>,
        )
        .strict()
        .optional()
        .describe('handling deadlines by stage, set by CS on the form (001 §25.2)'),
    },
    'CS registers and classifies the complaint',
  ),
  command('CompleteSevereReview', { remarks: text(2000) }, 'The VP’s review of a severe complaint'),
  command(
    'SubmitInvestigationReport',
    {
      report: z.object({
        cause: z.enum(COMPLAINT_CAUSES),
        findings: text(4000),
        qualityClaimVerified: z.boolean(),
        responsibleUnit: text(200),
        responsiblePersons: z.array(text(100)).max(50),
        correctiveAction: text(4000),
        externalParty: z.string().max(200).refine(noNul, NO_NUL_MESSAGE).nullable(),
      }),
    },
    'The investigating department’s report',
  ),
  command(
    'ApproveInvestigationReport',
    { remarks: optionalText(2000) },
    'Approve the investigation report',
  ),
  command('ReturnInvestigationReport', { reason: text(2000) }, 'Send the report back'),
  command(
    'ProposeResolution',
    {
      responsibleUnit: text(200),
      responsiblePersons: z.array(text(100)).max(50),
      method: z.enum(HANDLING_METHODS),
      trackImprovement: z.boolean(),
      humanNegligence: z.boolean(),
      lossBasis: z.object({
        unitCostFen: fen,
        quantity: quantityOrZero,
        freightFen: fen,
        handlingFen: fen,
        compensationFen: fen,
      }),
      penalties: z
        .array(
          z.object({
            personId: text(100),
            kind: z.enum(PENALTY_KINDS),
            amountFen: fen,
          }),
        )
        .max(50),
      approvedReturnQuantity: quantity
        .optional()
        .describe('required for return, rework and exchange'),
      notes: optionalText(4000),
    },
    'CS proposes the handling decision (客户投诉处理表)',
  ),
  command(
    'ApproveResolution',
    {},
    'Sign the decision (the approver’s personal limit comes from their user record)',
  ),
  command('SendBackResolution', { reason: text(2000) }, 'Send the decision back to CS'),
  command(
    'RecordCustomerResponse',
    { accepted: z.boolean(), via: z.enum(['letter', 'phone']), note: optionalText(2000) },
    'The customer accepted or rejected the decision',
  ),
  command(
    'IssueDiscountCertificate',
    { certificateNumber: text(64), amountFen: positiveFen },
    'Sales issues the discount certificate',
  ),
  command('SignDiscountCertificate', {}, 'The sales VP signs the certificate'),
  command('RecordCertificateCustomerSignature', {}, 'The customer signed the certificate'),
  command('BookDiscountCertificate', {}, 'Finance books the certificate'),
  command('RecordReceivableCollected', {}, 'The receivable was collected'),
  command('FilePetition', { reason: text(2000) }, 'Petition to waive the receivable'),
  command(
    'DecidePetition',
    { decision: z.enum(['collect', 'waive']), remarks: optionalText(2000) },
    'Decide the petition',
  ),
  command('RecordResupplyShipped', {}, 'The resupply was shipped'),
  command(
    'RegisterRepair',
    {
      address: text(500),
      productModel: text(100),
      spec: text(200),
      purchaseDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
        .describe('YYYY-MM-DD'),
      purchasePlace: text(200),
      serviceKind: z
        .enum(SERVICE_KINDS)
        .describe('001 §6: A paid, B contract, C free (D, internal, has no customer: refused)'),
      customerName: optionalText(100).describe('default: the complaint’s customer'),
      phone: optionalText(40).describe('default: the complaint’s customer phone'),
      problem: optionalText(2000).describe('default: the complaint’s reasons'),
    },
    'CS writes the service register entry (服务登记簿, 001 §7) of a complaint decided as repair; the WX repair case then starts as its child',
  ),
  command('ConfirmImprovementEffect', { effect: text(2000) }, 'Confirm the improvement’s effect'),
  command(
    'CloseComplaint',
    {
      summary: optionalText(4000).describe(
        'C29 000 §三.7; 003 §四.3: the summary analysis (required from policy v2 on)',
      ),
      preventiveMeasure: optionalText(4000).describe(
        'C29: the preventive measure (required from policy v2 on)',
      ),
    },
    'CS closes the complaint',
  ),
  command(
    'AssignComplaintOwner',
    { ownerId: text(100).describe('the CS manager themself = personal handling') },
    'C11 001 §20: the CS manager handles the complaint personally or names its owner',
  ),
  command(
    'RecordStoreResult',
    { channel: z.enum(['phone', 'store', 'letter']), summary: text(2000) },
    'Decision 3 000 §三.6: the handling result reached the store-channel customer (48 h)',
  ),
  command(
    'RecordSupplierCoordination',
    { outcome: text(2000) },
    'Decision 5 001 §25.7: CS concluded the joint handling with the responsible external party',
  ),
] as const;
export const recordRepairCompletedSchema = command(
  RECORD_REPAIR_COMPLETED,
  { outcome: text(200) },
  'The repair child finished (recorded by hand until repairs run as workflows)',
);
export const complaintTaskCommandSchemas = [
  ...complaintFormCommandSchemas,
  recordRepairCompletedSchema,
] as const;

// ── return child (DOMAIN.md §2) ─────────────────────────────────────────────────────────
export const returnTaskCommandSchemas = [
  command(
    'RecordSupervisorAnswer',
    { answer: text(2000), resolved: z.boolean() },
    'The supervisor answers the problem first and records status and result (001 篇3 一般售后 1–2); resolved closes the case without a return',
  ),
  command(
    'ApproveReturnRequest',
    { discretionNote: optionalText(2000) },
    'Approve a return request',
  ),
  command('RejectReturnRequest', { reason: text(2000) }, 'Reject a return request'),
  command(
    'FillReturnSlip',
    {
      reason: text(2000).describe('退货原因 the return reason'),
      method: z
        .enum(['refund', 'exchange', 'rework'])
        .describe('处理方式: the complaint decision’s method'),
      basis: text(2000).describe('依据 the basis, e.g. the complaint decision and its revision'),
    },
    'Sales fills in the return slip of a complaint-origin return: reason, handling method, basis (001 §29.1(2))',
  ),
  command(
    'SignOnSiteSlip',
    { customerSignature: text(100) },
    'On-site return: the handler and the customer sign the printed return slip (002 点货 ch.5 1B)',
  ),
  command(
    'CountersignOnSiteSlip',
    {},
    'On-site return: the department manager signs the return slip (002 点货 ch.5 1B)',
  ),
  command('ApproveReturnSlip', {}, 'Approve the return slip (产品退货单)'),
  command(
    'ReceiveGoods',
    {
      quantity: z.number().int().nonnegative().max(MAX_QUANTITY),
      complete: z.boolean(),
      undamaged: z.boolean(),
      mode: z.enum(['initial', 'additional', 'recount']).optional(),
      note: optionalText(2000),
    },
    'The warehouse checks and receives the returned goods',
  ),
  command('Reconcile', { voucherNumber: text(64) }, 'Finance reconciles quantities'),
  command(
    'ResolveMismatch',
    { resolution: z.enum(['await_remaining_goods', 'recount']), note: text(2000) },
    'Resolve a reconciliation mismatch',
  ),
  command('RecordRefund', { amountFen: fen }, 'Finance records the refund'),
  command('RecordReshipment', { shipmentNumber: text(64) }, 'The replacement was shipped'),
] as const;

// ── workflow-level (not a domain command: the workflow handles it itself) ────────────────
export const acknowledgeEscalationSchema = command(
  ACKNOWLEDGE_ESCALATION,
  {},
  'The manager / VP acknowledges an escalation task (a missed deadline)',
);
export const workflowTaskCommandSchemas = [acknowledgeEscalationSchema] as const;

/**
 * Every command a person may send, any case type (what POST /tasks/:id/complete accepts), in
 * the order the OpenAPI document lists them.
 */
export const taskCommandSchemas = [
  ...complaintFormCommandSchemas,
  ...returnTaskCommandSchemas,
  acknowledgeEscalationSchema,
  recordRepairCompletedSchema,
] as const;
export const taskCommandSchema = z
  .discriminatedUnion('type', [...taskCommandSchemas])
  .describe('The command that completes the task: its `type` must be one of the task’s `commands`');
export type TaskCommand = z.infer<typeof taskCommandSchema>;

/** The domain commands a person sends on a complaint (the domain fills in `actor`). */
export type ComplaintTaskCommand = z.infer<(typeof complaintTaskCommandSchemas)[number]>;
/** The domain commands a person sends on a return. */
export type ReturnTaskCommand = z.infer<(typeof returnTaskCommandSchemas)[number]>;
export type AcknowledgeEscalationCommand = z.infer<typeof acknowledgeEscalationSchema>;
export type RecordRepairCompletedCommand = z.infer<typeof recordRepairCompletedSchema>;

/** What completes a complaint's task: its domain commands and escalation acknowledgements. */
export const complaintCompletionSchema = z.discriminatedUnion('type', [
  ...complaintTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type ComplaintCompletion = z.infer<typeof complaintCompletionSchema>;

/** What completes a return's task: its domain commands and escalation acknowledgements. */
export const returnCompletionSchema = z.discriminatedUnion('type', [
  ...returnTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type ReturnCompletion = z.infer<typeof returnCompletionSchema>;

export type CommandParseResult<C> = { ok: true; command: C } | { ok: false; issues: ParseIssue[] };

const parserOf =
  <S extends z.ZodTypeAny>(schema: S) =>
  (raw: unknown): CommandParseResult<z.infer<S>> => {
    const parsed = schema.safeParse(raw);
    return parsed.success
      ? { ok: true, command: parsed.data as z.infer<S> }
      : { ok: false, issues: issuesOf(parsed.error, 'command') };
  };

/**
 * The command of a complaint's completeTask, parsed: the same schemas the API checks with
 * (anything the API accepts, this accepts), so the workflow never casts `{type: string}`.
 * Issues name the field under `command.` (`command.report.findings`).
 */
export const parseComplaintTaskCommand = parserOf(complaintCompletionSchema);
/** The command of a return's completeTask, parsed (see parseComplaintTaskCommand). */
export const parseReturnTaskCommand = parserOf(returnCompletionSchema);

// ── compile-time drift checks against the domain's command unions ───────────────────────

/** The domain commands a person sends: every domain command but the workflow's own. */
type PersonComplaintCommand = Exclude<
  ComplaintCommand,
  {
    type:
      | 'ReportComplaint'
      | 'RecordChildCaseStarted'
      | 'RecordChildCaseCompleted'
      | 'RequestRepairRegistration';
  }
>;
type PersonReturnCommand = Exclude<
  ReturnCommand,
  { type: 'RequestReturn' | 'IssueReturnSlip' | 'RequestReturnSlip' }
>;

export const contractMatchesDomain: [
  SameTypes<ComplaintTaskCommand, PersonComplaintCommand>,
  SameTypes<ReturnTaskCommand, PersonReturnCommand>,
  Fits<ComplaintTaskCommand, ComplaintCommand>,
  Fits<ReturnTaskCommand, ReturnCommand>,
] = [true, true, true, true];
