import type { WorkItem } from '../complaint/work-items';
import { nextApprovalStep } from '../approval/four-eyes';
import type { StageOf } from '../shared/case-types';
import type { ReviewState } from './review.types';

export type ReviewStage = StageOf<'review'>;
export type ReviewWorkItem = WorkItem<ReviewStage>;

/**
 * Which human work the review's state needs: the GM office's review (001 §28), HR's
 * announcement (M02), the GM's approval of the notice and HR applying it (M03). The announcement
 * and the notice run side by side.
 */
export function reviewWorkItems(s: ReviewState): ReviewWorkItem[] {
  if (s.status === 'closed') return [];
  const items: ReviewWorkItem[] = [];
  if (s.status === 'reviewing')
    items.push({
      key: `monthly_review:${s.round}`,
      type: 'monthly_review',
      stage: 'review',
      department: 'gm_office',
      roles: [],
      commands: ['ConfirmReview'],
      priority: 2,
      waitingFor: null,
    });
  const a = s.announcement;
  if (a && a.publishedAt === null)
    items.push({
      key: 'personnel_announcement',
      type: 'personnel_announcement',
      stage: 'announcement',
      department: 'hr',
      roles: [],
      commands: ['PublishAnnouncement'],
      priority: 2,
      waitingFor: null,
    });
  const n = s.notice;
  const step = n && n.approvedAt === null ? nextApprovalStep(n.route, n.approvals) : undefined;
  if (n && step)
    items.push({
      key: `reward_penalty_notice_approval:${n.round}:${step.index}`,
      type: 'reward_penalty_notice_approval',
      stage: 'noticeApproval',
      department: step.department ?? null,
      roles: [step.role],
      commands: ['ApproveNotice'],
      priority: 2,
      waitingFor: null,
    });
  if (n && n.approvedAt !== null && n.appliedAt === null)
    items.push({
      key: `bonus_deduction_apply:${n.round}`,
      type: 'bonus_deduction_apply',
      stage: 'deduction',
      department: 'hr',
      roles: [],
      commands: ['ApplyDeductions'],
      priority: 2,
      waitingFor: null,
    });
  // M05 000 §六.2: December's review holds the annual appraisal, the GM office's as well
  if (s.annual && s.annual.issuedAt === null)
    items.push({
      key: 'annual_appraisal',
      type: 'annual_appraisal',
      stage: 'review',
      department: 'gm_office',
      roles: [],
      commands: ['IssueAnnualAppraisal'],
      priority: 2,
      waitingFor: null,
    });
  return items;
}
