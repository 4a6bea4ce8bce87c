import type { Actor, Department } from '../shared/org';

/**
 * F17 003 §四.4 改进措施制定与实施: an improvement measure drawn from the follow-up analysis
 * report — its goal (改进目标), its owner (责任人, a person of a department) and its due date
 * (完成时间) — tracked to completion: the owner records the result, CS (which runs the follow-up
 * work, 004 三.(六)) checks its effect (跟踪评估) and closes it, or sends it back with a new date.
 */
export type ImprovementStatus =
  /** with its owner, due at `due` */
  | 'in_progress'
  /** the owner's result is in: the CS manager checks the effect */
  | 'verifying'
  | 'closed';

/** What the measure answers: the analysis report's period and the finding it acts on. */
export interface ImprovementSource {
  /** the analysed month, "YYYY-MM" (GET /reports/follow-up-analysis?month=) */
  analysisMonth: string;
  /** the shortfall found, e.g. "attitude: 2 of 5 below satisfied" */
  finding: string;
  /** the follow-up calls the finding rests on (may be empty) */
  followUps: string[];
}

export interface ImprovementRound {
  /** 1, 2, … (a measure sent back after its check starts a new round) */
  n: number;
  /** epoch ms the round started (its task's clock runs from here) */
  startedAt: number;
  /** epoch ms: 18:00 on the last working day on or before the due date */
  due: number;
  dueDate: string;
  dueProvisional: boolean;
  result: { by: string; at: number; text: string } | null;
  check: { by: string; at: number; effective: boolean; note: string } | null;
}

export interface ImprovementState {
  caseNumber: string;
  policyVersion: number;
  status: ImprovementStatus;
  source: ImprovementSource;
  measure: string;
  goal: string;
  department: Department;
  ownerId: string;
  openedAt: number;
  openedBy: string;
  rounds: ImprovementRound[];
  outcome: 'effective' | null;
  closedAt: number | null;
}

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type ImprovementEvent =
  | Ev<
      'ImprovementOpened',
      {
        caseNumber: string;
        policyVersion: number;
        source: ImprovementSource;
        measure: string;
        goal: string;
        department: Department;
        ownerId: string;
        round: ImprovementRound;
      }
    >
  | Ev<'ImprovementResultRecorded', { round: number; text: string }>
  | Ev<'ImprovementChecked', { round: number; effective: boolean; note: string }>
  | Ev<'ImprovementReopened', { round: ImprovementRound }>
  | Ev<'ImprovementClosed', { outcome: 'effective' }>;

type Cmd<T extends string, P = object> = { type: T; actor: Actor | { userId: 'system' } } & P;

export type ImprovementCommand =
  /** a CS manager sets the measure from the analysis (003 §四.4 明确改进目标、责任人及完成时间) */
  | Cmd<
      'OpenImprovement',
      {
        caseNumber: string;
        source: ImprovementSource;
        measure: string;
        goal: string;
        department: Department;
        ownerId: string;
        /** the completion date "YYYY-MM-DD" (due 18:00 on the last working day on or before it) */
        dueDate: string;
      }
    >
  /** the owner: what was done and what it achieved */
  | Cmd<'RecordImprovementResult', { result: string }>
  /**
   * CS checks the effect (跟踪评估): effective → closed; not → back to the owner with a new
   * completion date
   */
  | Cmd<
      'CheckImprovement',
      { effective: boolean; note?: string | undefined; newDueDate?: string | undefined }
    >;
