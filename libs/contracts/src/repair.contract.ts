import {
  REPAIR_CHANNELS,
  SERVICE_KINDS,
  type HolidayTables,
  type PolicyDocument,
  type RepairCommand,
  type RepairState,
  type ServiceRegisterEntry,
} from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';
import { fen, issuesOf, optionalText, text } from './schema/primitives';
import type { Fits, SameTypes } from './schema/drift-check';
import { acknowledgeEscalationSchema, type CommandParseResult } from './task-commands';

/** Workflow type names are part of running histories: never rename once shipped. */
export const REPAIR_WORKFLOW_TYPE = 'repairCase';

/**
 * A repair / service request (DOMAIN.md §3, 001 §6–13): taken by CS by phone or document, or a
 * complaint decided as repair (then `parentCaseNumber` names it). The service register entry
 * (服务登记簿, 001 §7) and the number of the service voucher (服务凭证) drawn for it.
 */
export interface RepairWorkflowInput {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  parentCaseNumber: string | null;
  openedAt: string;
  /** CS, who takes the request and writes the register entry */
  openedBy: CaseActor;
  entry: ServiceRegisterEntry;
  voucherNumber: string;
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
}

export type RepairCaseView = CaseView<RepairState>;

/** How the repair ended, for a parent complaint (e.g. `repaired on site`). */
export interface RepairOutcome {
  caseNumber: string;
  status: string;
  outcome: string;
  resolution: string | null;
  voucherNumber: string;
}

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

const epochMs = z.number().int().nonnegative().max(8_640_000_000_000_000).describe('epoch ms');
const slot = z.object({ start: epochMs, end: epochMs }).describe('a time slot [start, end)');
const booking = slot.extend({ caseNumber: text(32), technicianId: text(100) });

/** The register entry as CS writes it (001 §7); the domain checks what each service kind needs. */
export const serviceRegisterEntrySchema = z.object({
  customerName: z.string().max(100),
  address: z.string().max(500),
  phone: z.string().max(40),
  productModel: text(100),
  spec: z.string().max(200),
  purchaseDate: z.string().max(10).describe('YYYY-MM-DD (optional for internal service D)'),
  purchasePlace: z.string().max(200),
  serviceKind: z.enum(SERVICE_KINDS),
  problem: text(2000),
  channel: z.enum(REPAIR_CHANNELS),
});

// ── repair (DOMAIN.md §3) ───────────────────────────────────────────────────────────────
export const repairTaskCommandSchemas = [
  command(
    'DispatchTechnician',
    {
      technicianId: text(100),
      slot,
      outOfTown: z.boolean(),
      technicianBookings: z
        .array(booking)
        .max(500)
        .describe('the technician’s other bookings (appointment register, 001 篇3 二.(二)4)'),
    },
    'The tech department manager dispatches a technician (001 §7)',
  ),
  command(
    'RescheduleVisit',
    { slot, technicianBookings: z.array(booking).max(500) },
    'Move the visit to another slot',
  ),
  command(
    'ApplyOutOfTown',
    { destination: text(200), reason: text(2000), estimatedCostFen: fen },
    'The technician applies for out-of-town service (异地服务申请单, 001 §12)',
  ),
  command(
    'DecideOutOfTown',
    { approve: z.boolean(), remarks: optionalText(2000) },
    'The department manager approves or rejects the out-of-town application',
  ),
  command('StartVisit', {}, 'The technician starts the visit'),
  command(
    'RecordVisit',
    {
      actualStart: epochMs,
      actualEnd: epochMs,
      content: text(4000),
      resolvedOnSite: z.boolean(),
      feeFen: fen.optional(),
      collectedOnSiteFen: fen.optional(),
    },
    'Actual service time and content (001 §8, §10)',
  ),
  command(
    'RecordServiceCost',
    { kind: text(64), amountFen: fen, note: optionalText(2000) },
    'Travel and allowances as service cost (001 §12)',
  ),
  command(
    'AcceptWorkshopItem',
    {
      receiptNumber: text(64),
      itemCode: text(64),
      itemClass: text(64),
      partToRepair: text(200),
      customerName: text(100),
      photo: text(200),
    },
    'The item is taken in against a receipt (收条, 002 ch.10 4)',
  ),
  command(
    'RecordWorkshopRepair',
    { repaired: z.boolean(), note: text(2000), feeFen: fen.optional() },
    'In-house repair (002 ch.10 1)',
  ),
  command(
    'SendToExternalRepair',
    { repairer: text(200), handoverSheetNumber: text(64), customerInformed: z.boolean() },
    'Hand the item to the external repairer (交接单, 002 ch.10 2, 4)',
  ),
  command(
    'RecordExternalReturn',
    { repaired: z.boolean(), note: text(2000), feeFen: fen.optional() },
    'The item is back from the external repairer',
  ),
  command('SortReturnedItem', {}, 'Sort what came back (002 ch.10 5)'),
  command('RecordCustomerCalled', { note: optionalText(2000) }, 'The customer was called'),
  command('RecordItemShipped', { shipment: text(64) }, 'The item was shipped to the customer'),
  command(
    'RecordCustomerSignature',
    { signedBy: text(100) },
    'The customer signed the service voucher',
  ),
  command(
    'CountersignVoucher',
    { remarks: optionalText(2000) },
    'The department manager countersigns the service voucher',
  ),
  command('FileVoucher', {}, 'CS records the service in the register and files the voucher'),
  command(
    'ConfirmCashAndMailInvoice',
    { receivedFen: fen, invoiceNumber: text(64) },
    'Finance receives the cash collected on the spot and mails the invoice (001 §9)',
  ),
  command(
    'IssueInvoice',
    { invoiceNumber: text(64) },
    'Finance invoices from the voucher (001 §9)',
  ),
  command('RecordFeeCollected', { amountFen: fen }, 'Finance collected the invoiced fee'),
  command('CloseRepair', {}, 'CS closes the repair (the survey follows, 001 §16)'),
] as const;

/** The domain commands a person sends on a repair. */
export type RepairTaskCommand = z.infer<(typeof repairTaskCommandSchemas)[number]>;

/** What completes a repair's task: its domain commands and escalation acknowledgements. */
export const repairCompletionSchema = z.discriminatedUnion('type', [
  ...repairTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type RepairCompletion = z.infer<typeof repairCompletionSchema>;

/** The command of a repair's completeTask, parsed (see parseComplaintTaskCommand). */
export function parseRepairTaskCommand(raw: unknown): CommandParseResult<RepairCompletion> {
  const parsed = repairCompletionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error, 'command') };
}

// ── compile-time drift check against the domain's command union ─────────────────────────
type PersonRepairCommand = Exclude<RepairCommand, { type: 'OpenRepair' | 'CarryOverDispatch' }>;
export const repairContractMatchesDomain: [
  SameTypes<RepairTaskCommand, PersonRepairCommand>,
  Fits<RepairTaskCommand, RepairCommand>,
] = [true, true];
