import type {
  AnnualAppraisalSources,
  HolidayTables,
  PolicyDocument,
  ReviewCommand,
  ReviewState,
  ReviewedComplaint,
} from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';
import type { Fits, SameTypes } from './schema/drift-check';
import { issuesOf, optionalText, text } from './schema/primitives';
import { acknowledgeEscalationSchema, type CommandParseResult } from './task-commands';

/** Workflow type names are part of running histories: never rename once shipped. */
export const MONTHLY_REVIEW_WORKFLOW_TYPE = 'monthlyReview';
/** The schedule's (and the API's) starter: reserves the month's number, starts the review once. */
export const MONTHLY_REVIEW_START_WORKFLOW_TYPE = 'monthlyReviewStart';

/** The monthly complaint review of 001 §28 (M01–M03) for one organisation and month. */
export interface MonthlyReviewWorkflowInput {
  organisationId: string;
  caseNumber: string;
  /** the reviewed month, "YYYY-MM" */
  month: string;
  openedAt: string;
  openedBy: CaseActor | { userId: 'system' };
  /** last month's closed complaints as the read models held them when the review opened */
  complaints: ReviewedComplaint[];
  /** M05 000 §六.2: December's review (opened in January) also opens the annual appraisal */
  annual?: AnnualAppraisalSources;
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
}

export interface MonthlyReviewResult {
  caseNumber: string;
  month: string;
  announcementNumber: string | null;
  noticeNumber: string | null;
  /** M05: the annual appraisal's number (December's review only) */
  annualAppraisalNumber?: string | null;
}

/**
 * What a schedule fire (or POST /monthly-reviews) asks: the organisation's review of `month`
 * (absent: the month before the fire, local time). Any number of starts of one month open one
 * review: its case number is drawn once per (organisation, month) and is its workflow id.
 */
export interface MonthlyReviewStartInput {
  organisationId: string;
  month?: string;
  openedBy?: CaseActor;
  holidayTables?: HolidayTables;
}

export interface MonthlyReviewStartResult {
  caseNumber: string;
  month: string;
  /** false: this month's review was already started (a double fire, a retry) */
  started: boolean;
}

export type MonthlyReviewCaseView = CaseView<ReviewState>;

/** The activities of the review's starter (apps/worker review.activities.ts). */
export interface ReviewActivities {
  /** the review's case number, drawn at most once per (organisation, month) */
  reserveMonthlyReview(input: {
    organisationId: string;
    month: string;
    at: string;
  }): Promise<{ caseNumber: string }>;
  /** the organisation's complaints closed in `month` (local time), from the read models */
  monthlyReviewComplaints(input: {
    organisationId: string;
    month: string;
    utcOffsetMinutes: number;
  }): Promise<ReviewedComplaint[]>;
  /**
   * M05 000 §六.2: what the annual appraisal reads when December's review opens — the year's
   * monthly reviews (read models) and the service staff ratings of the year (001 §15)
   * aggregated, the same reads as the monthly appraisal data (M04) over twelve months.
   */
  annualAppraisalSources(input: {
    organisationId: string;
    year: string;
    utcOffsetMinutes: number;
  }): Promise<AnnualAppraisalSources>;
  /**
   * The document in each source complaint's own audit trail (`review.document_linked`, keyed by
   * the document: a retry or a replay links it once).
   */
  linkReviewDocument(input: {
    organisationId: string;
    reviewCaseNumber: string;
    docType: string;
    docNumber: string;
    complaints: string[];
    actor: string;
    at: string;
    policyVersion: number;
  }): Promise<void>;
}

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

const ref = z
  .string()
  .regex(/^[A-Z]{2}\d{6}-\d{4,}#\d{1,3}$/, 'must look like KS202609-0001#0')
  .describe('a penalty of a reviewed complaint: <complaint number>#<index of its penalties>');

// ── monthly review (001 §28) ────────────────────────────────────────────────────────────
export const reviewTaskCommandSchemas = [
  command(
    'ConfirmReview',
    {
      administrative: z
        .array(z.object({ ref, confirm: z.boolean(), reason: optionalText(2000) }))
        .max(500)
        .describe(
          'each administrative penalty confirmed for the 人事公布单, or dropped with a reason',
        ),
      deductions: z
        .array(z.object({ ref, responsibleUnit: text(200) }))
        .max(500)
        .describe('each bonus deduction with its responsible unit, assigned by cause (001 §28.2)'),
    },
    'The GM office reviews last month’s closed complaints (001 §28)',
  ),
  command(
    'PublishAnnouncement',
    { note: optionalText(2000) },
    'HR publishes the personnel announcement 人事公布单 (001 §28.1)',
  ),
  command(
    'ApproveNotice',
    { approve: z.boolean(), reason: optionalText(2000) },
    'The GM approves the reward/penalty notice 奖罚通知单, or sends it back (001 §28.2)',
  ),
  command(
    'ApplyDeductions',
    { payrollRef: text(100) },
    'HR applies the approved deductions (001 §28.2 执行罚扣)',
  ),
  command(
    'IssueAnnualAppraisal',
    { summary: text(4000) },
    'The GM office issues the annual appraisal 年度考核 with its conclusion (000 §六.2)',
  ),
] as const;

export type ReviewTaskCommand = z.infer<(typeof reviewTaskCommandSchemas)[number]>;

export const reviewCompletionSchema = z.discriminatedUnion('type', [
  ...reviewTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type ReviewCompletion = z.infer<typeof reviewCompletionSchema>;

export function parseReviewTaskCommand(raw: unknown): CommandParseResult<ReviewCompletion> {
  const parsed = reviewCompletionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error, 'command') };
}

// ── compile-time drift check against the domain's command union ─────────────────────────
type PersonReviewCommand = Exclude<ReviewCommand, { type: 'OpenReview' }>;
export const reviewContractMatchesDomain: [
  SameTypes<ReviewTaskCommand, PersonReviewCommand>,
  Fits<ReviewTaskCommand, ReviewCommand>,
] = [true, true];
