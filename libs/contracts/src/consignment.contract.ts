import type {
  ConsignmentCommand,
  ConsignmentState,
  HolidayTables,
  PolicyDocument,
  SlaLedger,
} from '@aso/domain';
import { z } from 'zod';
import type { DocumentRecord } from './case-activities';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';
import type { Fits, SameTypes } from './schema/drift-check';
import { issuesOf, optionalText, quantity, quantityOrZero, text } from './schema/primitives';
import type { TaskView } from './task';
import { acknowledgeEscalationSchema, type CommandParseResult } from './task-commands';

/** Workflow type names are part of running histories: never rename once shipped. */
export const CONSIGNMENT_WORKFLOW_TYPE = 'consignmentCase';

/**
 * What one run of a long case hands the next when it continues as new (per period): the domain
 * state, the counters that keep audit keys, task ids and snapshot versions increasing, the open
 * tasks with their clocks, the documents later events still change, and the last stamped time.
 */
export interface CarriedCase<S> {
  state: S;
  auditSeq: number;
  taskSeq: number;
  tasks: {
    view: TaskView;
    key: string;
    clock: {
      id: string;
      stage: string;
      ledger: SlaLedger;
      overdue: boolean;
      level: number;
      taskId: string | null;
    } | null;
  }[];
  overdueStages: string[];
  documents: DocumentRecord[];
  /** the last stamped "now" (epoch ms) */
  at: number;
  sanitising: boolean;
  /** how many runs came before this one */
  run: number;
}

/** A consignment (DX, DOMAIN.md §4, 002 ch.12) as sales opens it. */
export interface ConsignmentWorkflowInput {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  openedAt: string;
  openedBy: CaseActor;
  open: Omit<
    Extract<ConsignmentCommand, { type: 'OpenConsignment' }>,
    'type' | 'actor' | 'caseNumber'
  >;
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
  /** set when a run continued as new: the case goes on from here */
  carried?: CarriedCase<ConsignmentState>;
}

export interface ConsignmentOutcome {
  caseNumber: string;
  status: string;
  salesCount: number;
  proceedsFen: number;
  commissionFen: number;
  returned: { code: string; quantity: number }[];
}

export type ConsignmentCaseView = CaseView<ConsignmentState>;

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

const itemCode = z
  .string()
  .min(3)
  .max(40)
  .describe('the item code on its label (K02), e.g. pf012李');

export const consignmentTaskCommandSchemas = [
  command(
    'RecordSignature',
    { signatory: text(100) },
    'Sales records the customer’s signature of the quantities and the contract (002 ch.12 2)',
  ),
  command(
    'RecordSales',
    {
      sales: z
        .array(
          z.object({
            saleId: text(100).describe('the sale’s own id: recording it again changes nothing'),
            code: itemCode,
            quantity,
            soldAt: z.string().datetime({ offset: true }).optional(),
          }),
        )
        .min(1)
        .max(500)
        .describe('one sale, or a day’s sales as a batch'),
    },
    'Sales records sales item by item by code (002 ch.12 3); the task stays open',
  ),
  command(
    'RequestReturn',
    { reason: text(2000) },
    'The consignor asks for the unsold goods back: the term ends now',
  ),
  command(
    'MarkReportSent',
    { period: z.number().int().positive().max(1000), channel: text(100) },
    'Sales sent the period’s sales report to the consignor (002 ch.12 3 定期与客户汇报销售情况)',
  ),
  command(
    'SettlePeriod',
    { settlement: z.number().int().positive().max(1000), voucherRef: text(100) },
    'Finance settles the proceeds minus the commission',
  ),
  command(
    'RecordReturnReceipt',
    {
      lines: z.array(z.object({ code: itemCode, quantity: quantityOrZero })).max(500),
      note: optionalText(2000).describe('required when the goods differ from the list'),
    },
    'The warehouse receives the unsold goods, checked against the 委托代销清单',
  ),
] as const;

export type ConsignmentTaskCommand = z.infer<(typeof consignmentTaskCommandSchemas)[number]>;

export const consignmentCompletionSchema = z.discriminatedUnion('type', [
  ...consignmentTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type ConsignmentCompletion = z.infer<typeof consignmentCompletionSchema>;

export function parseConsignmentTaskCommand(
  raw: unknown,
): CommandParseResult<ConsignmentCompletion> {
  const parsed = consignmentCompletionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error, 'command') };
}

/** The commands that leave their task open (the standing sales task records many sales). */
export const CONSIGNMENT_OPEN_ENDED_COMMANDS: readonly string[] = ['RecordSales'];

// ── compile-time drift check against the domain's command union ─────────────────────────
type PersonConsignmentCommand = Exclude<
  ConsignmentCommand,
  { type: 'OpenConsignment' | 'ClosePeriod' | 'SendSignatureReminder' }
>;
export const consignmentContractMatchesDomain: [
  SameTypes<ConsignmentTaskCommand, PersonConsignmentCommand>,
  Fits<ConsignmentTaskCommand, ConsignmentCommand>,
] = [true, true];
