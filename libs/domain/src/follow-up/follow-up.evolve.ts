import type { FollowUpEvent, FollowUpState } from './follow-up.types';

/** The follow-up's state from its events (pure; the only way the state changes). */
export function evolveFollowUp(state: FollowUpState | null, e: FollowUpEvent): FollowUpState {
  if (e.type === 'FollowUpOpened') {
    return {
      caseNumber: e.caseNumber,
      policyVersion: e.policyVersion,
      status: 'calling',
      source: e.source,
      customer: e.customer,
      openedAt: e.at,
      openedBy: e.by,
      callDue: e.callDue,
      callDueProvisional: e.callDueProvisional,
      script: e.script,
      callScript: e.callScript ?? null,
      attempts: [],
      nextAttemptAt: null,
      call: null,
      reviews: [],
      stepDue: null,
      spotCheck: {
        sampled: e.sampledForSpotCheck,
        ...(e.spotCheckDraw === undefined ? {} : { draw: e.spotCheckDraw }),
        result: null,
      },
      outcome: null,
      linkedComplaint: null,
      closedAt: null,
    };
  }
  if (state === null) throw new Error(`${e.type} before FollowUpOpened`);
  switch (e.type) {
    case 'CallAttemptFailed':
      return { ...state, attempts: [...state.attempts, e.attempt], nextAttemptAt: e.nextAttemptAt };
    case 'CustomerUnreachable':
      return { ...state, outcome: 'unreachable', nextAttemptAt: null };
    case 'CallRecorded':
      return {
        ...state,
        status: 'under_review',
        call: e.record,
        nextAttemptAt: null,
        stepDue: e.reviewDue,
      };
    case 'CallRecordReviewed': {
      const reviews = [...state.reviews, e.review];
      if (!e.review.approved) return { ...state, status: 'calling', reviews, stepDue: null };
      const dissatisfied = state.call?.survey?.dissatisfied ?? false;
      return {
        ...state,
        status: dissatisfied ? 'awaiting_complaint_intake' : 'spot_check',
        reviews,
        stepDue: e.nextDue,
      };
    }
    case 'ProblemsDispatched':
      return { ...state, status: 'problems_open', problems: e.problems, stepDue: null };
    case 'ProblemResultRecorded': {
      const problems = (state.problems ?? []).map((p) =>
        p.ref === e.ref ? { ...p, result: e.result, resolvedBy: e.by, resolvedAt: e.at } : p,
      );
      const open = problems.some((p) => p.result === null);
      return open
        ? { ...state, problems }
        : { ...state, problems, status: 'confirming_satisfaction', stepDue: e.nextDue };
    }
    case 'CustomerSatisfactionConfirmed':
      return {
        ...state,
        satisfaction: { by: e.by, at: e.at, satisfied: e.satisfied, note: e.note },
        // satisfied: the spot check (if sampled) or the close follows; not: Decision 11
        status: e.satisfied ? 'spot_check' : 'awaiting_complaint_intake',
        stepDue: e.nextDue,
      };
    case 'LinkedComplaintRequested':
      return {
        ...state,
        status: 'opening_complaint',
        linkedComplaint: { intake: e.intake, requester: e.requester, caseNumber: null },
        stepDue: null,
      };
    case 'LinkedComplaintOpened':
      return {
        ...state,
        status: 'spot_check',
        linkedComplaint: state.linkedComplaint && {
          ...state.linkedComplaint,
          caseNumber: e.complaintNumber,
        },
        stepDue: e.spotCheckDue,
      };
    case 'SpotCheckRecorded':
      return {
        ...state,
        spotCheck: {
          ...state.spotCheck,
          result: { by: e.by, at: e.at, consistent: e.consistent, note: e.note },
        },
      };
    case 'FollowUpClosed':
      return { ...state, status: 'closed', outcome: e.outcome, closedAt: e.at, stepDue: null };
  }
}
