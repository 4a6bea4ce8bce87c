import type { ReviewEvent, ReviewState } from './review.types';

/** The review's state from its events (pure; the only way the state changes). */
export function evolveReview(state: ReviewState | null, e: ReviewEvent): ReviewState {
  if (e.type === 'ReviewOpened')
    return {
      caseNumber: e.caseNumber,
      policyVersion: e.policyVersion,
      month: e.month,
      status: 'reviewing',
      openedAt: e.at,
      openedBy: e.by,
      due: e.due,
      dueProvisional: e.dueProvisional,
      complaints: e.complaints,
      round: 1,
      reviewedBy: null,
      reviewedAt: null,
      announcement: null,
      notice: null,
      sentBack: [],
      annual: e.annual ?? null,
      closedAt: null,
    };
  if (state === null) throw new Error(`${e.type} before ReviewOpened`);
  switch (e.type) {
    case 'ReviewConfirmed':
      return { ...state, status: 'documents', reviewedBy: e.by, reviewedAt: e.at };
    case 'AnnouncementIssued':
      return { ...state, announcement: e.announcement };
    case 'AnnouncementPublished':
      return state.announcement
        ? {
            ...state,
            announcement: { ...state.announcement, publishedBy: e.by, publishedAt: e.at },
          }
        : state;
    case 'NoticeIssued':
      return { ...state, notice: e.notice };
    case 'NoticeApprovalSigned':
      return state.notice
        ? {
            ...state,
            notice: {
              ...state.notice,
              approvals: [
                ...state.notice.approvals,
                { stepIndex: e.stepIndex, userId: e.by, role: e.role, at: e.at },
              ],
            },
          }
        : state;
    case 'NoticeApproved':
      return state.notice ? { ...state, notice: { ...state.notice, approvedAt: e.at } } : state;
    case 'NoticeSentBack':
      // The GM sends the notice back: the GM office reviews the deductions again (a new round,
      // a new notice number); an announcement already issued stays as it is.
      return {
        ...state,
        status: 'reviewing',
        round: state.round + 1,
        notice: null,
        sentBack: [...state.sentBack, { by: e.by, at: e.at, reason: e.reason }],
      };
    case 'DeductionsApplied':
      return state.notice
        ? { ...state, notice: { ...state.notice, appliedBy: e.by, appliedAt: e.at } }
        : state;
    case 'AnnualAppraisalIssued':
      return state.annual
        ? {
            ...state,
            annual: { ...state.annual, summary: e.summary, issuedBy: e.by, issuedAt: e.at },
          }
        : state;
    case 'ReviewClosed':
      return { ...state, status: 'closed', closedAt: e.at };
  }
}
