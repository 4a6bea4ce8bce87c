import type { WorkItem } from '../complaint/work-items';
import type { StageOf } from '../shared/case-types';
import { FOLLOW_UP_REVIEWER_ROLES } from './follow-up.decide';
import type { FollowUpState } from './follow-up.types';

export type FollowUpStage = StageOf<'followUp'>;

/**
 * A follow-up work item and the instant the domain expects it done (the call's 3 working days
 * from the close, the retry time, the review step). Each attempt and each record revision is a
 * new key, so a retry or a redo opens a new task with its own clock.
 */
export interface FollowUpWorkItem extends WorkItem<FollowUpStage> {
  dueAt: number;
}

const item = (
  type: string,
  key: string,
  stage: FollowUpStage,
  roles: string[],
  commands: string[],
  dueAt: number,
  priority = 2,
): FollowUpWorkItem => ({
  key,
  type,
  stage,
  department: 'cs',
  roles: roles as WorkItem['roles'],
  commands,
  priority,
  waitingFor: null,
  dueAt,
});

/** Which human work the follow-up's state needs (all of it CS's, DOMAIN.md §5). */
export function followUpWorkItems(s: FollowUpState): FollowUpWorkItem[] {
  const step = s.stepDue ?? s.callDue;
  switch (s.status) {
    case 'calling':
      // The call, then each retry (its own stage), due when the policy says to call again.
      return [
        item(
          'follow_up_call',
          `follow_up_call:${s.attempts.length + 1}:${s.call?.revision ?? 0}`,
          s.attempts.length === 0 ? 'call' : 'retry',
          [],
          ['RecordCall', 'RecordCallAttempt'],
          s.nextAttemptAt ?? s.callDue,
          s.source.kind === 'case_closed' ? 2 : 3,
        ),
      ];
    case 'under_review':
      return [
        item(
          'follow_up_review',
          `follow_up_review:${s.call?.revision ?? 0}`,
          'call',
          [...FOLLOW_UP_REVIEWER_ROLES],
          ['ReviewCallRecord'],
          step,
        ),
      ];
    case 'problems_open':
      // F05 004 三.(五): each problem is its department's, claimed by its owner, due by its deadline
      return (s.problems ?? [])
        .filter((p) => p.result === null)
        .map((p) => ({
          ...item(
            'follow_up_problem',
            `follow_up_problem:${p.ref}`,
            'call',
            [],
            ['RecordProblemResult'],
            p.deadline,
          ),
          department: p.department,
        }));
    case 'confirming_satisfaction':
      return [
        item(
          'customer_satisfaction_confirmation',
          'customer_satisfaction_confirmation',
          'call',
          [],
          ['ConfirmCustomerSatisfaction'],
          step,
        ),
      ];
    case 'awaiting_complaint_intake':
      return [
        item(
          'linked_complaint_intake',
          'linked_complaint_intake',
          'call',
          [],
          ['OpenLinkedComplaint'],
          step,
          1,
        ),
      ];
    case 'spot_check':
      return [
        item(
          'follow_up_spot_check',
          'follow_up_spot_check',
          'call',
          [...FOLLOW_UP_REVIEWER_ROLES],
          ['RecordSpotCheck'],
          step,
          3,
        ),
      ];
    case 'opening_complaint':
    case 'closed':
      return [];
  }
}
