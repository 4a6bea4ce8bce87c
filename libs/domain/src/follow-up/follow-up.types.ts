import type { Duration } from '../calendar/duration';
import type { ComplaintIntake } from '../complaint/complaint.types';
import type { Actor, Department } from '../shared/org';
import type { SurveyScore } from '../survey/survey';

/** The cases whose close is followed by a call (DOMAIN.md §5: complaint, repair, return). */
export const FOLLOWED_CASE_TYPES = ['complaint', 'repair', 'return'] as const;
export type FollowedCaseType = (typeof FOLLOWED_CASE_TYPES)[number];

/**
 * CS follow-up plans (004 五.(一)–(二)): new customers after purchase, old quarterly, key
 * monthly; and the ad hoc customer opinion survey a CS manager starts (F13 001 §14).
 */
export const FOLLOW_UP_PLANS = [
  'new_customer',
  'old_customer',
  'key_customer',
  'opinion_survey',
  'inactive_customer',
] as const;
export type FollowUpPlan = (typeof FOLLOW_UP_PLANS)[number];

/** Why the call is made: a case closed (003 §四.4, 004 五.(三)3) or a CS plan (004 三.(一)). */
export type FollowUpSource =
  | {
      kind: 'case_closed';
      parentCaseNumber: string;
      parentCaseType: FollowedCaseType;
      /** epoch ms: when the followed case closed (the 3 working days run from here) */
      closedAt: number;
    }
  | {
      kind: 'plan';
      plan: FollowUpPlan;
      planRef: string;
      /** the plan period of a scheduled call (follow-up-plan.ts): one case per customer and period */
      period?: string;
      /** the scheduled call's clock (absent for a call CS opened by hand: the policy's) */
      window?: { start: number; within: Duration };
    };

export interface FollowUpCustomer {
  name: string;
  phone: string | null;
}

export type FollowUpStatus =
  /** CS calls (retries after an unreachable attempt, 004 五.(三)3, DOMAIN.md §5) */
  | 'calling'
  /** the store head / CS supervisor reviews the record (004 三.(四)) */
  | 'under_review'
  /** dissatisfied: CS writes the linked complaint's intake (Decision 11) */
  | 'awaiting_complaint_intake'
  /** the intake is written: the workflow opens the linked complaint */
  | 'opening_complaint'
  /** a sampled record: CS supervision re-checks it (004 七.(二), 八.(二)) */
  | 'spot_check'
  /** F05 004 三.(五): the problems found are with their departments' owners */
  | 'problems_open'
  /** F05: the results went back to the customer; CS confirms the customer is satisfied */
  | 'confirming_satisfaction'
  | 'closed';

export type FollowUpOutcome = 'satisfied' | 'dissatisfied' | 'unreachable';

export interface CallAttempt {
  n: number;
  by: string;
  at: number;
  note: string;
}

/** The call record of 004 三.(四): who, when, the script's questions and answers, the survey. */
export interface CallRecord {
  revision: number;
  by: string;
  at: number;
  identityConfirmed: true;
  purposeStated: true;
  answers: Array<{ question: string; text: string; answer: string }>;
  /** 001 §17 (absent for plan calls, where the service survey does not apply) */
  survey: SurveyScore | null;
  remarks: string;
  /** F14 004 六.(五): the closing was said (recorded on calls that carry the call script) */
  closingSaid?: true;
}

/** F14 004 六 回访话术: what the caller says first and last (the questions are `script`). */
export interface FollowUpCallScript {
  opening: string;
  closing: string;
}

export interface RecordReview {
  by: string;
  at: number;
  approved: boolean;
  comment: string;
}

export interface SpotCheck {
  /** the record was drawn for a supervision re-check (at random, or one in `spotCheckEvery`) */
  sampled: boolean;
  /** F16: the random draw that decided it (absent on records drawn by case number) */
  draw?: number;
  result: { by: string; at: number; consistent: boolean; note: string } | null;
}

/** F05 004 三.(五): a problem the reviewer classified and sent to a department's owner. */
export interface ProblemDispatch {
  category: string;
  description: string;
  department: Department;
  ownerId: string;
  /** ISO instant the owner's result is due */
  deadline: string;
}

export interface FollowUpProblem {
  /** `P1`, `P2`, … in dispatch order */
  ref: string;
  category: string;
  description: string;
  department: Department;
  ownerId: string;
  dispatchedAt: number;
  deadline: number;
  result: string | null;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export interface FollowUpState {
  caseNumber: string;
  policyVersion: number;
  status: FollowUpStatus;
  source: FollowUpSource;
  customer: FollowUpCustomer;
  openedAt: number;
  openedBy: string;
  /** epoch ms: the call is due (3 working days after the followed case closed, DOMAIN.md §5) */
  callDue: number;
  callDueProvisional: boolean;
  /** the script questions of this call (policy data per source, 004 四.(五)) */
  script: Array<{ code: string; text: string }>;
  /** F14 004 六: the opening and closing said around the questions; null on older cases */
  callScript: FollowUpCallScript | null;
  attempts: CallAttempt[];
  /** after an unreachable attempt: when to call again */
  nextAttemptAt: number | null;
  call: CallRecord | null;
  reviews: RecordReview[];
  /** due instant of the review / spot check / intake step in progress */
  stepDue: number | null;
  spotCheck: SpotCheck;
  outcome: FollowUpOutcome | null;
  /** the new complaint a dissatisfied call opened (Decision 11) */
  linkedComplaint: {
    intake: ComplaintIntake;
    /** who wrote the intake: the new complaint's reporter */
    requester: Actor;
    caseNumber: string | null;
  } | null;
  /** F05: the problems dispatched at the record's review (absent on older cases) */
  problems?: FollowUpProblem[];
  /** F05: CS confirmed with the customer after the results went back */
  satisfaction?: { by: string; at: number; satisfied: boolean; note: string } | null;
  closedAt: number | null;
}

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type FollowUpEvent =
  | Ev<
      'FollowUpOpened',
      {
        caseNumber: string;
        policyVersion: number;
        source: FollowUpSource;
        customer: FollowUpCustomer;
        callDue: number;
        callDueProvisional: boolean;
        script: Array<{ code: string; text: string }>;
        /** F14: absent from histories recorded before the call script */
        callScript?: FollowUpCallScript;
        sampledForSpotCheck: boolean;
        /** F16: the random draw in [0, 1) that decided the spot check (absent: by case number) */
        spotCheckDraw?: number;
      }
    >
  | Ev<'CallAttemptFailed', { attempt: CallAttempt; nextAttemptAt: number | null }>
  | Ev<'CustomerUnreachable', { attempts: number }>
  | Ev<'CallRecorded', { record: CallRecord; dissatisfied: boolean; reviewDue: number }>
  | Ev<'CallRecordReviewed', { review: RecordReview; nextDue: number | null }>
  | Ev<
      'LinkedComplaintRequested',
      { intake: ComplaintIntake; parentCaseNumber: string | null; requester: Actor }
    >
  | Ev<'LinkedComplaintOpened', { complaintNumber: string; spotCheckDue: number | null }>
  | Ev<'SpotCheckRecorded', { consistent: boolean; note: string }>
  | Ev<'ProblemsDispatched', { problems: FollowUpProblem[] }>
  | Ev<'ProblemResultRecorded', { ref: string; result: string; nextDue: number | null }>
  | Ev<
      'CustomerSatisfactionConfirmed',
      { satisfied: boolean; note: string; nextDue: number | null }
    >
  | Ev<'FollowUpClosed', { outcome: FollowUpOutcome }>;

type Cmd<T extends string, P = object> = { type: T; actor: Actor | { userId: 'system' } } & P;

export type FollowUpCommand =
  | Cmd<
      'OpenFollowUp',
      {
        caseNumber: string;
        source: FollowUpSource;
        customer: FollowUpCustomer;
        /** F14: the call carries the 004 六 script (false: a history recorded before it) */
        withCallScript?: boolean;
        /** F16 004 七.(二): the workflow's random draw in [0, 1); absent: every N-th by number */
        spotCheckDraw?: number;
      }
    >
  /** the customer could not be reached (004 五.(三)3; DOMAIN.md §5: retry, then unreachable) */
  | Cmd<'RecordCallAttempt', { note: string }>
  /** 004 三.(二)–(四): identity confirmed, purpose stated, the script's answers, the survey */
  | Cmd<
      'RecordCall',
      {
        identityConfirmed: boolean;
        purposeStated: boolean;
        answers: Record<string, string>;
        survey?: Record<string, string> | undefined;
        remarks?: string | undefined;
        /** F14 004 六.(五): the closing was said — required on a call with the call script */
        closingSaid?: boolean | undefined;
      }
    >
  /** 004 三.(四): the store head / CS supervisor reviews the record (approve, or back to redo) */
  | Cmd<
      'ReviewCallRecord',
      {
        approve: boolean;
        comment?: string | undefined;
        /** F05 004 三.(五): problems found, each sent to a department's owner with a deadline */
        problems?: ProblemDispatch[] | undefined;
      }
    >
  /** F05: the owner's result of a dispatched problem */
  | Cmd<'RecordProblemResult', { ref: string; result: string }>
  /** F05: CS tells the customer the results and confirms their satisfaction */
  | Cmd<'ConfirmCustomerSatisfaction', { satisfied: boolean; note?: string | undefined }>
  /** Decision 11: the linked complaint's intake (001 §25.1 fields, whoever opens it) */
  | Cmd<'OpenLinkedComplaint', { intake: ComplaintIntake }>
  /** the workflow opened it (system) */
  | Cmd<'RecordLinkedComplaint', { complaintNumber: string }>
  /** 004 七.(二): the supervision re-check of a sampled record */
  | Cmd<'RecordSpotCheck', { consistent: boolean; note?: string | undefined }>;
