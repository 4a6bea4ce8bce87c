import type { ComplaintTaskCommand } from '@aso/contracts';
import {
  COMPLAINT_CAUSES,
  DURATION_UNITS,
  HANDLING_METHODS,
  STAGES,
  type ReturnCommand,
} from '@aso/domain';
import { z } from '../openapi/zod-openapi';

/**
 * The payload of POST /tasks/:id/complete, one schema per command type. They check shape,
 * types and bounds at the edge, so bad input is a 400 naming the field before anything reaches
 * a workflow; the workflow's update validator (and the domain's decide) stays the authority on
 * whether the command fits the task and the case. No transforms: what passes is sent as is,
 * minus unknown keys.
 */

/** PostgreSQL text cannot hold NUL; free text is bounded so one command cannot bloat history. */
const noNul = (s: string) => !s.includes('\u0000');
const text = (max: number) =>
  z.string().min(1).max(max).refine(noNul, 'must not contain NUL characters');
const optionalText = (max: number) =>
  z.string().max(max).refine(noNul, 'must not contain NUL characters').optional();

/**
 * Money is whole fen (1/100 yuan). ¥10 billion is far above any after-sales amount and keeps
 * every sum a safe integer, so 1e20 or 0.5 never reach the domain's arithmetic.
 */
export const MAX_FEN = 1_000_000_000_000;
const fen = z.number().int().nonnegative().max(MAX_FEN).describe('fen (1/100 yuan)');
const positiveFen = z.number().int().positive().max(MAX_FEN).describe('fen (1/100 yuan)');
/** Quantities share the intake's bound (openComplaintSchema.quantity). */
const MAX_QUANTITY = 1_000_000;
const quantity = z.number().int().positive().max(MAX_QUANTITY);

const duration = z.object({
  amount: z.number().finite().nonnegative().max(10_000),
  unit: z.enum(DURATION_UNITS),
});

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z
    .object({ type: z.literal(type), ...shape })
    .describe(about)
    .openapi(`${type}Command`);

// ── complaint (DOMAIN.md §1) ────────────────────────────────────────────────────────────
const complaintCommands = [
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
          Object.fromEntries(STAGES.complaint.map((s) => [s, duration.optional()])) as Record<
            (typeof STAGES.complaint)[number],
            z.ZodOptional<typeof duration>
          >,
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
        externalParty: z
          .string()
          .max(200)
          .refine(noNul, 'must not contain NUL characters')
          .nullable(),
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
        quantity: z.number().int().nonnegative().max(MAX_QUANTITY),
        freightFen: fen,
        handlingFen: fen,
        compensationFen: fen,
      }),
      penalties: z
        .array(
          z.object({
            personId: text(100),
            kind: z.enum(['warning', 'demerit', 'fine', 'bonus_deduction']),
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
  command('ConfirmImprovementEffect', { effect: text(2000) }, 'Confirm the improvement’s effect'),
  command('CloseComplaint', {}, 'CS closes the complaint'),
] as const;

// ── return child (DOMAIN.md §2) ─────────────────────────────────────────────────────────
const returnCommands = [
  command(
    'ApproveReturnRequest',
    { discretionNote: optionalText(2000) },
    'Approve a return request',
  ),
  command('RejectReturnRequest', { reason: text(2000) }, 'Reject a return request'),
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

// ── workflow-level (any case type) ──────────────────────────────────────────────────────
const workflowCommands = [
  command(
    'AcknowledgeEscalation',
    {},
    'The manager / VP acknowledges an escalation task (a missed deadline)',
  ),
  command(
    'RecordRepairCompleted',
    { outcome: text(200) },
    'The repair child finished (recorded by hand until repairs run as workflows)',
  ),
] as const;

export const taskCommandSchema = z
  .discriminatedUnion('type', [...complaintCommands, ...returnCommands, ...workflowCommands])
  .describe('The command that completes the task: its `type` must be one of the task’s `commands`')
  .openapi('TaskCommand');
export type TaskCommandDto = z.infer<typeof taskCommandSchema>;

/** Compile-time drift check: every domain command a person sends has a schema, and back. */
type PersonCommandType =
  | ComplaintTaskCommand['type']
  | Exclude<ReturnCommand['type'], 'RequestReturn' | 'IssueReturnSlip'>
  | 'AcknowledgeEscalation'
  | 'RecordRepairCompleted';
type Missing = Exclude<PersonCommandType, TaskCommandDto['type']>;
type Extra = Exclude<TaskCommandDto['type'], PersonCommandType>;
export const commandTypesMatch: [Missing, Extra] extends [never, never] ? true : never = true;
