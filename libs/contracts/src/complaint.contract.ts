import type {
  ComplaintCommand,
  ComplaintIntake,
  ComplaintState,
  HolidayTables,
  PolicyDocument,
} from '@aso/domain';
import { COMPLAINT_CHANNELS } from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';

/** Workflow type names are part of running histories: never rename once shipped. */
export const COMPLAINT_WORKFLOW_TYPE = 'complaint';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Intake by sales (001 §25.1): what the "open a complaint" endpoint accepts. */
export const openComplaintSchema = z.object({
  customer: z.object({
    name: text(100),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
      .optional(),
  }),
  orderNumber: text(64),
  batchNumber: text(64),
  shipDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  /** the defect and the customer's reasons (001 §25.1 "要求及理由") */
  defectDescription: text(2000),
  quantity: z.number().int().positive().max(1_000_000),
  /** what the customer asks for */
  demand: text(2000),
  channel: z.enum(COMPLAINT_CHANNELS).default('phone'),
  attachments: z.array(z.string().max(200)).max(50).default([]),
  salesOpinion: z.string().trim().max(2000).default(''),
  storeId: z.string().trim().max(64).optional(),
});
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

/** Commands a person may send through completeTask (system commands are the workflow's own). */
export type ComplaintTaskCommand = DistributiveOmit<
  Exclude<
    ComplaintCommand,
    { type: 'ReportComplaint' | 'RecordChildCaseStarted' | 'RecordChildCaseCompleted' }
  >,
  'actor'
>;

export type ComplaintCaseView = CaseView<ComplaintState>;

export interface ComplaintOutcome {
  caseNumber: string;
  status: string;
  closedAt: string | null;
  closedOnTime: boolean | null;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
