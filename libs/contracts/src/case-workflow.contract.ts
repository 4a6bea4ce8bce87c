import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { CaseActor } from './organisation';
import { isoInstantOrNull } from './schema/primitives';
import { taskViewSchema, type TaskView } from './task';

/**
 * Messages every case workflow (complaint, return, …) answers. Names are part of running
 * histories: never rename once shipped. Each update has a validator in the workflow that
 * refuses illegal input (coded non-retryable ApplicationFailure, `type` = the domain code)
 * before anything reaches history.
 */
export interface TaskActionInput {
  taskId: string;
  actor: CaseActor;
  /**
   * When the request reached the API (UTC ISO instant, stamped by the gateway). History records
   * it with the update, so the workflow takes the step's "now" from it instead of a stampTime
   * local activity (see CaseClock.requested). Absent: the workflow stamps its own time.
   */
  requestedAt?: string;
}

/**
 * The patch under which a case takes a person's step time from `requestedAt` (history readers
 * such as tools/chaos key on it; workflows/src/shared/clock.ts).
 */
export const TIME_FROM_REQUEST_PATCH = 'time-from-request';

/**
 * One marker for every patch of its time (workflows/src/shared/patches.ts): a history that holds
 * it took each of them without a marker of its own, `time-from-request` included.
 */
export const BASELINE_PATCH = 'baseline-2026-12';

export interface CompleteTaskInput<C = { type: string }> extends TaskActionInput {
  /** the domain command (its `actor` is filled in by the workflow from `actor`) */
  command: C;
  /** a comment for the audit trail (approve/reject with comment) */
  comment?: string;
}

export interface DelegateTaskInput extends TaskActionInput {
  to: {
    userId: string;
    department: CaseActor['department'];
    roles: CaseActor['roles'];
    /** F18: the delegate's qualifications (the user record's); the rule book checks them */
    qualifications?: readonly string[];
  };
}

export const completeTaskResultSchema = z.object({
  taskId: z.string(),
  events: z.array(z.string()).describe('the domain events the command produced, by type'),
  status: z.string().describe('the case status afterwards'),
});
export type CompleteTaskResult = z.infer<typeof completeTaskResultSchema>;

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>(
  'completeTask',
);
export const claimTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('claimTask');
export const unclaimTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('unclaimTask');
export const delegateTaskUpdate = defineUpdate<TaskView, [DelegateTaskInput]>('delegateTask');

/** The closing clock of a case (001 §26.1 for complaints): running, then on time or late. */
export const closingClockViewSchema = z.object({
  startedAt: isoInstantOrNull,
  dueAt: isoInstantOrNull,
  dueProvisional: z.boolean(),
  closedAt: isoInstantOrNull,
  onTime: z.boolean().nullable(),
});
export type ClosingClockView = z.infer<typeof closingClockViewSchema>;

/**
 * A write of the case that PostgreSQL refused for good (the activity failed non-retryable with
 * type WRITE_REJECTED). The workflow keeps running: it writes a sanitised version (`sanitised`)
 * or, when sanitising cannot help, leaves that write out (`dropped`; the next snapshot catches up).
 */
export const writeIncidentSchema = z.object({
  /** the SQLSTATE (e.g. 22P05) or the name of the error that refused it */
  code: z.string(),
  /** workflow time of the refusal */
  at: z.string(),
  message: z.string(),
  /** the audit keys of the refused write */
  auditKeys: z.array(z.string()),
  resolution: z.enum(['sanitised', 'dropped']),
});
export type WriteIncident = z.infer<typeof writeIncidentSchema>;

/** The live view of a case, as its workflow answers the caseView query. */
export const workflowCaseViewSchema = z.object({
  caseNumber: z.string(),
  caseType: z.string(),
  organisationId: z.string(),
  policyVersion: z.number().int(),
  status: z.string(),
  /** the domain state of the case (pure JSON, per case type) */
  state: z.unknown(),
  tasks: z.array(taskViewSchema),
  overdueStages: z.array(z.string()),
  closingClock: closingClockViewSchema,
  parentCaseNumber: z.string().nullable(),
  childCaseNumbers: z.array(z.string()),
  /** number of audit events the workflow has emitted (the next one is auditSeq + 1) */
  auditSeq: z.number().int(),
  /** writes the database refused for good (e.g. poison text) and what the workflow did instead */
  writeIncidents: z
    .array(writeIncidentSchema)
    .describe('writes the database refused for good, and what the workflow did instead'),
});
export type CaseView<S = unknown> = Omit<z.infer<typeof workflowCaseViewSchema>, 'state'> & {
  state: S;
};

export const caseViewQuery = defineQuery<CaseView>('caseView');
