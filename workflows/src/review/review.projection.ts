import type { CaseSnapshot, MonthlyReviewResult, MonthlyReviewWorkflowInput } from '@aso/contracts';
import type { ReviewState } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The stage the review is in (its open tasks'), `closed` at the end. */
export const reviewStageOf = (s: ReviewState): string => {
  if (s.status === 'closed') return 'closed';
  if (s.status === 'reviewing') return 'review';
  if (s.notice && s.notice.approvedAt === null) return 'noticeApproval';
  if (s.announcement && s.announcement.publishedAt === null) return 'announcement';
  if (s.notice && s.notice.appliedAt === null) return 'deduction';
  // M05: only December's annual appraisal is left
  if (s.annual && s.annual.issuedAt === null) return 'review';
  return 'deduction';
};

const sources = (s: ReviewState): string[] => s.complaints.map((c) => c.caseNumber);

/** The review's clock: due 18:00 on the last working day before the 10th (Decision 6). */
export function reviewView(s: ReviewState): CaseViewExtras {
  return {
    closingClock: {
      startedAt: iso(s.openedAt),
      dueAt: iso(s.due),
      dueProvisional: s.dueProvisional,
      closedAt: iso(s.reviewedAt),
      onTime: s.reviewedAt === null ? null : s.reviewedAt <= s.due,
    },
    parentCaseNumber: null,
    childCaseNumbers: sources(s),
  };
}

/** The read-model row: the month as its customer line, the reviewed complaints as its children. */
export function reviewSnapshot(
  input: MonthlyReviewWorkflowInput,
  s: ReviewState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  const total = s.notice?.totalFen ?? null;
  return {
    organisationId: input.organisationId,
    storeId: null,
    caseNumber: input.caseNumber,
    caseType: 'review',
    status: s.status,
    stage: reviewStageOf(s),
    customerName: `月度投诉审视 ${s.month}`,
    customerPhone: null,
    orderNumber: '',
    // cases_quantity_check refuses 0: a month without closed complaints records no quantity.
    quantity: s.complaints.length > 0 ? s.complaints.length : null,
    lossAmountFen: total,
    approvedAmountFen: s.notice?.approvedAt ? total : null,
    classification: s.month,
    severity: null,
    method: null,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: null,
    childCaseNumbers: sources(s),
    openedBy: input.openedBy.userId,
    openedAt: input.openedAt,
    acceptedAt: null,
    closingDueAt: iso(s.due),
    closedAt: iso(s.closedAt),
    closedOnTime: s.reviewedAt === null ? null : s.reviewedAt <= s.due,
    version,
  };
}

export const reviewResult = (s: ReviewState): MonthlyReviewResult => ({
  caseNumber: s.caseNumber,
  month: s.month,
  announcementNumber: s.announcement?.docNumber ?? null,
  noticeNumber: s.notice?.docNumber ?? null,
  ...(s.annual ? { annualAppraisalNumber: s.annual.issuedAt ? s.annual.docNumber : null } : {}),
});
