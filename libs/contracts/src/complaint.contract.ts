import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { actorSchema, type Actor } from './organisation';
import type { TaskView } from './task';

/** Message and type names are part of running histories: never rename once shipped. */
export const COMPLAINT_WORKFLOW_TYPE = 'complaint';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Intake by sales (001 §25.1): the skeleton's subset of the complaint form. */
export const openComplaintSchema = z.object({
  customer: z.object({
    name: text(100),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
      .optional(),
  }),
  orderNumber: text(64),
  defectDescription: text(2000),
  quantity: z.number().int().positive().max(1_000_000),
});
export type OpenComplaint = z.infer<typeof openComplaintSchema>;

export interface ComplaintInput extends OpenComplaint {
  organisationId: string;
  caseNumber: string;
  /** ISO-8601 instant the case was opened (the API's clock, so the workflow stays deterministic). */
  openedAt: string;
  openedBy: string;
}

/** CS registration (001 §23, §18, §26.1). */
export const csRegistrationPayloadSchema = z.object({
  classification: z.enum(['quality', 'non_quality']),
  severity: z.enum(['general', 'severe']),
  note: z.string().max(2000).optional(),
});
export type CsRegistrationPayload = z.infer<typeof csRegistrationPayloadSchema>;

export type ComplaintStage = 'registration' | 'investigation' | 'closed';

export interface ComplaintCaseState {
  caseNumber: string;
  stage: ComplaintStage;
  classification: CsRegistrationPayload['classification'] | null;
  severity: CsRegistrationPayload['severity'] | null;
  /** Closing clock (001 §26.1): starts at CS acceptance. */
  acceptedAt: string | null;
  tasks: TaskView[];
}

export interface CompleteTaskInput {
  taskId: string;
  actor: Actor;
  payload: unknown;
}
export const completeTaskInputSchema = z.object({
  taskId: z.string().min(1),
  actor: actorSchema,
  payload: z.unknown(),
});

export interface CompleteTaskResult {
  taskId: string;
  status: 'completed';
  stage: ComplaintStage;
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>(
  'completeTask',
);
export const caseStateQuery = defineQuery<ComplaintCaseState>('caseState');
