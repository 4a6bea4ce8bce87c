import type { ComplaintIntake, ComplaintState, HolidayTables, PolicyDocument } from '@aso/domain';
import { COMPLAINT_CHANNELS } from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';
import { noNul } from './schema/primitives';

/** Workflow type names are part of running histories: never rename once shipped. */
export const COMPLAINT_WORKFLOW_TYPE = 'complaint';

/** Trimmed, non-empty intake text (the intake trims; commands do not). */
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(noNul, 'must not contain NUL characters');

/** A real calendar date (2026-02-30 is refused, not rolled over). */
const isCalendarDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Intake by sales (001 §25.1): what the "open a complaint" endpoint accepts. */
export const openComplaintSchema = z
  .object({
    customer: z.object({
      name: text(100).describe('the customer (person or company)'),
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
        .optional()
        .describe('shown in full only to those who work the case; masked elsewhere'),
    }),
    orderNumber: text(64),
    batchNumber: text(64),
    shipDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine(isCalendarDate, 'must be a calendar date')
      .describe('YYYY-MM-DD'),
    /** the defect and the customer's reasons (001 §25.1 "要求及理由") */
    defectDescription: text(2000).describe('the defect and the customer’s reasons (要求及理由)'),
    quantity: z.number().int().positive().max(1_000_000).describe('defective units'),
    /** what the customer asks for */
    demand: text(2000).describe('what the customer asks for'),
    channel: z.enum(COMPLAINT_CHANNELS).default('phone'),
    attachments: z
      .array(z.string().max(200).refine(noNul, 'must not contain NUL characters'))
      .max(50)
      .default([])
      .describe('attachment references'),
    salesOpinion: z
      .string()
      .trim()
      .max(2000)
      .refine(noNul, 'must not contain NUL characters')
      .default(''),
    storeId: z.string().trim().max(64).refine(noNul, 'must not contain NUL characters').optional(),
    /** C02 (001 §24.1(1)): optional so earlier clients' requests still parse */
    productSpec: text(200)
      .optional()
      .describe('the product’s spec (规格), e.g. model and capacity'),
    occurredAt: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe(
        'when the problem occurred (发生时间), an ISO-8601 instant: not in the future, not before the ship date',
      ),
  })
  .describe('A customer complaint as sales records it (001 §25.1)');
export type OpenComplaint = z.infer<typeof openComplaintSchema>;

export interface ComplaintCustomer {
  name: string;
  phone: string | null;
}

export interface ComplaintWorkflowInput {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  /** ISO-8601: the instant sales recorded the report (the API's clock; workflows read none) */
  reportedAt: string;
  reportedBy: CaseActor;
  customer: ComplaintCustomer;
  intake: ComplaintIntake;
  /** the pinned policy (id = version + content): the case never reads a newer one */
  policy: PolicyDocument;
  /** holiday tables in force when the case started (the default tables when omitted) */
  holidayTables?: HolidayTables;
}

export type ComplaintCaseView = CaseView<ComplaintState>;

export interface ComplaintOutcome {
  caseNumber: string;
  status: string;
  closedAt: string | null;
  closedOnTime: boolean | null;
}
