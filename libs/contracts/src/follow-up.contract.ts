import {
  COMPLAINT_CHANNELS,
  type FollowUpCommand,
  type FollowUpSource,
  type FollowUpState,
  type HolidayTables,
  type PolicyDocument,
} from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import { type CaseActor, departmentSchema } from './organisation';
import type { Fits, SameTypes } from './schema/drift-check';
import { issuesOf, optionalText, text } from './schema/primitives';
import { acknowledgeEscalationSchema, type CommandParseResult } from './task-commands';

/** Workflow type names are part of running histories: never rename once shipped. */
export const FOLLOW_UP_WORKFLOW_TYPE = 'followUpCase';

/**
 * A follow-up call (DOMAIN.md §5): started when a complaint, repair or return closes (the
 * closing case starts it, `source.kind = case_closed`) or from a CS plan (004 三.(一)).
 */
export interface FollowUpWorkflowInput {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  openedAt: string;
  source: FollowUpSource;
  customer: { name: string; phone: string | null };
  /** who started it: `system` for a closing case */
  openedBy: CaseActor | { userId: 'system' };
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
}

export type FollowUpCaseView = CaseView<FollowUpState>;

export interface FollowUpResult {
  caseNumber: string;
  outcome: string | null;
  linkedComplaintNumber: string | null;
}

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

const answers = z
  .record(z.string().max(64), z.string().max(2000))
  .refine((r) => Object.keys(r).length <= 50, 'at most 50 answers')
  .describe('script question code → the customer’s answer');

/** 001 §25.1 intake fields of the linked complaint (Decision 1: required whoever opens it). */
const linkedIntake = z.object({
  customerName: text(100),
  orderNumber: text(64),
  batchNumber: text(64),
  shipDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  defectiveQuantity: z.number().int().positive().max(1_000_000),
  demand: text(2000),
  reasons: text(2000),
  channel: z.enum(COMPLAINT_CHANNELS),
  attachments: z.array(text(200)).max(50),
  salesOpinion: z.string().max(2000),
  /** C02 (001 §24.1(1)): as the complaint's own intake, optional for earlier clients */
  productSpec: text(200).optional(),
  occurredAt: z
    .string()
    .datetime({ offset: true })
    .optional()
    .describe('when the problem occurred (发生时间), an ISO-8601 instant'),
});

// ── follow-up (DOMAIN.md §5) ────────────────────────────────────────────────────────────
export const followUpTaskCommandSchemas = [
  command(
    'RecordCallAttempt',
    { note: z.string().max(2000) },
    'The customer could not be reached (retry per policy, then unreachable)',
  ),
  command(
    'RecordCall',
    {
      identityConfirmed: z.boolean(),
      purposeStated: z.boolean(),
      answers,
      survey: z
        .record(z.string().max(64), z.string().max(64))
        .optional()
        .describe('001 §17 item code → grade code'),
      remarks: optionalText(2000),
      closingSaid: z
        .boolean()
        .optional()
        .describe('004 六.(五): the script’s closing was said; required when the case has one'),
    },
    'The call record (004 三.(二)–(四)) and the survey (001 §17)',
  ),
  command(
    'ReviewCallRecord',
    {
      approve: z.boolean(),
      comment: optionalText(2000),
      problems: z
        .array(
          z.object({
            category: text(100),
            description: text(2000),
            department: departmentSchema,
            ownerId: text(64),
            deadline: z.string().datetime().describe('ISO instant the owner’s result is due'),
          }),
        )
        .max(20)
        .optional()
        .describe('F05 004 三.(五): problems found, each sent to a department’s owner'),
    },
    'The store head / CS supervisor reviews the record (004 三.(四)); problems go to their owners (三.(五))',
  ),
  command(
    'RecordProblemResult',
    { ref: z.string().regex(/^P\d{1,2}$/, 'must look like P1'), result: text(2000) },
    'The owner records a dispatched problem’s result (004 三.(五))',
  ),
  command(
    'ConfirmCustomerSatisfaction',
    { satisfied: z.boolean(), note: optionalText(2000) },
    'CS tells the customer the results and confirms their satisfaction (004 三.(五))',
  ),
  command(
    'OpenLinkedComplaint',
    { intake: linkedIntake },
    'A dissatisfied customer: the intake of the new complaint linked to the old case',
  ),
  command(
    'RecordSpotCheck',
    { consistent: z.boolean(), note: optionalText(2000) },
    'CS supervision re-checks a sampled record (004 七.(二))',
  ),
] as const;

export type FollowUpTaskCommand = z.infer<(typeof followUpTaskCommandSchemas)[number]>;

export const followUpCompletionSchema = z.discriminatedUnion('type', [
  ...followUpTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type FollowUpCompletion = z.infer<typeof followUpCompletionSchema>;

/** The command of a follow-up's completeTask, parsed (see parseComplaintTaskCommand). */
export function parseFollowUpTaskCommand(raw: unknown): CommandParseResult<FollowUpCompletion> {
  const parsed = followUpCompletionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error, 'command') };
}

// ── compile-time drift check against the domain's command union ─────────────────────────
type PersonFollowUpCommand = Exclude<
  FollowUpCommand,
  { type: 'OpenFollowUp' | 'RecordLinkedComplaint' }
>;
export const followUpContractMatchesDomain: [
  SameTypes<FollowUpTaskCommand, PersonFollowUpCommand>,
  Fits<FollowUpTaskCommand, FollowUpCommand>,
] = [true, true];
