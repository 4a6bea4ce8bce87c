import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseActor } from './organisation';
import type { TaskView } from './task';

/**
 * Messages every case workflow (complaint, return, …) answers. Names are part of running
 * histories: never rename once shipped. Each update has a validator in the workflow that
 * refuses illegal input (coded non-retryable ApplicationFailure, `type` = the domain code)
 * before anything reaches history.
 */
export interface TaskActionInput {
  taskId: string;
  actor: CaseActor;
}

export interface CompleteTaskInput<C = { type: string }> extends TaskActionInput {
  /** the domain command (its `actor` is filled in by the workflow from `actor`) */
  command: C;
  /** a comment for the audit trail (approve/reject with comment) */
  comment?: string;
}

export interface DelegateTaskInput extends TaskActionInput {
  to: { userId: string; department: CaseActor['department']; roles: CaseActor['roles'] };
}

export interface CompleteTaskResult {
  taskId: string;
  /** the domain events the command produced, by type */
  events: string[];
  status: string;
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>(
  'completeTask',
);
export const claimTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('claimTask');
export const unclaimTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('unclaimTask');
export const delegateTaskUpdate = defineUpdate<TaskView, [DelegateTaskInput]>('delegateTask');

/** The closing clock of a case (001 §26.1 for complaints): running, then on time or late. */
export interface ClosingClockView {
  startedAt: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  closedAt: string | null;
  onTime: boolean | null;
}

export interface CaseView<S = unknown> {
  caseNumber: string;
  caseType: string;
  organisationId: string;
  policyVersion: number;
  status: string;
  /** the domain state of the case (pure JSON) */
  state: S;
  tasks: TaskView[];
  overdueStages: string[];
  closingClock: ClosingClockView;
  parentCaseNumber: string | null;
  childCaseNumbers: string[];
  /** number of audit events the workflow has emitted (the next one is auditSeq + 1) */
  auditSeq: number;
  /** writes the database refused for good (e.g. poison text) and what the workflow did instead */
  writeIncidents: WriteIncident[];
}

/**
 * A write of the case that PostgreSQL refused for good (the activity failed non-retryable with
 * type WRITE_REJECTED). The workflow keeps running: it writes a sanitised version (`sanitised`)
 * or, when sanitising cannot help, leaves that write out (`dropped`; the next snapshot catches up).
 */
export interface WriteIncident {
  /** the SQLSTATE (e.g. 22P05) or the name of the error that refused it */
  code: string;
  /** workflow time of the refusal */
  at: string;
  message: string;
  /** the audit keys of the refused write */
  auditKeys: string[];
  resolution: 'sanitised' | 'dropped';
}

export const caseViewQuery = defineQuery<CaseView>('caseView');
