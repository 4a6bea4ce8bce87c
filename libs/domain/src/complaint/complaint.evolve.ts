import type {
  ComplaintEvent,
  ComplaintFormRevision,
  ComplaintState,
  ExecutionObligation,
} from './complaint.types';

/**
 * Fold one event into the state. Total and pure: replaying a case's events always rebuilds the
 * same state, which is what the audit trail and Temporal replay rely on.
 */
export function evolveComplaint(
  state: ComplaintState | null,
  event: ComplaintEvent,
): ComplaintState {
  if (event.type === 'ComplaintReported') {
    return {
      caseNumber: event.caseNumber,
      policyVersion: event.policyVersion,
      status: 'awaiting_registration',
      intake: event.intake,
      reportedBy: event.by,
      reportedAt: event.at,
      firstResponder: event.firstResponder ?? 'sales',
      firstResponseAt: null,
      acceptedAt: null,
      classification: null,
      formDeadlines: {},
      severeReview: 'not_required',
      investigation: null,
      reportApprovedBy: null,
      reportReturns: 0,
      revisions: [],
      execution: null,
      improvement: { required: false, confirmedBy: null, confirmedAt: null },
      closedAt: null,
      approvalRoutes: {},
      owner: null,
      storeResultAt: null,
      supplierCoordination: null,
      formConcludedAt: null,
      closeSummary: null,
    };
  }
  if (state === null) throw new Error(`evolveComplaint: ${event.type} before ComplaintReported`);
  const withRevision = (patch: Partial<ComplaintFormRevision>): ComplaintFormRevision[] =>
    state.revisions.map((r, i) => (i === state.revisions.length - 1 ? { ...r, ...patch } : r));
  const withExecution = <K extends ExecutionObligation['kind']>(
    kind: K,
    patch: Partial<Extract<ExecutionObligation, { kind: K }>>,
  ): ExecutionObligation | null =>
    state.execution && state.execution.kind === kind
      ? ({ ...state.execution, ...patch } as ExecutionObligation)
      : state.execution;

  switch (event.type) {
    case 'FirstResponseRecorded':
      return { ...state, firstResponseAt: event.at };
    case 'ComplaintRegistered':
      return {
        ...state,
        status: 'investigating',
        acceptedAt: event.at,
        classification: { cause: event.cause, category: event.category, severity: event.severity },
        formDeadlines: event.formDeadlines,
      };
    case 'SevereReviewRequested':
      return { ...state, severeReview: 'pending' };
    case 'SevereReviewCompleted':
      return { ...state, severeReview: 'done' };
    case 'InvestigationReportSubmitted':
      return {
        ...state,
        status: 'report_review',
        investigation: { ...event.report, submittedBy: event.by, submittedAt: event.at },
        approvalRoutes: { ...state.approvalRoutes, investigation_report: event.route },
      };
    case 'InvestigationReportApproved':
      return { ...state, status: 'proposing', reportApprovedBy: event.by };
    case 'InvestigationReportReturned':
      return { ...state, status: 'investigating', reportReturns: state.reportReturns + 1 };
    case 'ResolutionProposed':
      return {
        ...state,
        status: 'awaiting_approval',
        revisions: [...state.revisions, event.revision],
      };
    case 'ResolutionApprovalSigned': {
      const rev = state.revisions[state.revisions.length - 1];
      return {
        ...state,
        revisions: withRevision({
          approvals: [
            ...(rev?.approvals ?? []),
            { stepIndex: event.stepIndex, userId: event.by, at: event.at },
          ],
        }),
      };
    }
    case 'ResolutionApproved':
      return {
        ...state,
        status: 'awaiting_customer',
        revisions: withRevision({ outcome: 'approved' }),
      };
    case 'ResolutionSentBack':
      return { ...state, status: 'proposing', revisions: withRevision({ outcome: 'sent_back' }) };
    case 'CustomerAccepted':
      return {
        ...state,
        revisions: withRevision({ outcome: 'accepted_by_customer' }),
        ...(state.storeResultAt === null ? { storeResultAt: event.at } : {}),
        ...(state.formConcludedAt === null ? { formConcludedAt: event.at } : {}),
      };
    case 'CustomerRejected':
      return {
        ...state,
        ...(state.storeResultAt === null ? { storeResultAt: event.at } : {}),
        status: 'proposing',
        revisions: withRevision({ outcome: 'rejected_by_customer' }),
      };
    case 'ExecutionStarted':
      return { ...state, status: 'executing', execution: event.obligation };
    case 'ChildCaseRequested':
      return state;
    case 'RepairRegistrationRequested':
      return {
        ...state,
        execution: withExecution('child_case', {
          repair: { known: event.known, entry: null, registeredBy: null, registeredAt: null },
        }),
      };
    case 'RepairRegistered': {
      const ob = state.execution;
      return ob?.kind === 'child_case' && ob.repair
        ? {
            ...state,
            execution: {
              ...ob,
              repair: {
                ...ob.repair,
                entry: event.entry,
                registeredBy: event.registeredBy,
                registeredAt: event.at,
              },
            },
          }
        : state;
    }
    case 'ChildCaseStarted':
      return {
        ...state,
        execution: withExecution('child_case', { childCaseNumber: event.childCaseNumber }),
      };
    case 'ChildCaseCompleted':
      return {
        ...state,
        execution: withExecution('child_case', { completed: true, outcome: event.outcome }),
      };
    case 'DiscountCertificateIssued':
      return {
        ...state,
        execution: withExecution('discount_certificate', {
          certificateNumber: event.certificateNumber,
          amountFen: event.amountFen,
          issuedBy: event.by,
        }),
        approvalRoutes: { ...state.approvalRoutes, discount_certificate: event.route },
      };
    case 'DiscountCertificateSigned':
      return {
        ...state,
        execution: withExecution('discount_certificate', { salesVpSignedBy: event.by }),
      };
    case 'DiscountCertificateCustomerSigned':
      return {
        ...state,
        execution: withExecution('discount_certificate', { customerSigned: true }),
      };
    case 'DiscountCertificateBooked':
      return {
        ...state,
        execution: withExecution('discount_certificate', { bookedByFinance: true }),
      };
    case 'ReceivableCollected':
      return { ...state, execution: withExecution('receivable', { collected: true }) };
    case 'PetitionFiled':
      return {
        ...state,
        execution: withExecution('receivable', {
          petition: { filedBy: event.by, decidedBy: null, decision: null },
        }),
        approvalRoutes: { ...state.approvalRoutes, petition: event.route },
      };
    case 'PetitionDecided': {
      const petition = state.execution?.kind === 'receivable' ? state.execution.petition : null;
      return {
        ...state,
        execution: withExecution('receivable', {
          petition: petition && { ...petition, decidedBy: event.by, decision: event.decision },
        }),
      };
    }
    case 'ResupplyShipped':
      return { ...state, execution: withExecution('resupply', { done: true }) };
    case 'ExecutionCompleted':
      return {
        ...state,
        status: event.improvementRequired ? 'improvement_tracking' : 'ready_to_close',
        improvement: { ...state.improvement, required: event.improvementRequired },
      };
    case 'ImprovementConfirmed':
      return {
        ...state,
        status: 'ready_to_close',
        improvement: { ...state.improvement, confirmedBy: event.by, confirmedAt: event.at },
      };
    case 'ComplaintClosed':
      return {
        ...state,
        status: 'closed',
        closedAt: event.at,
        ...(event.summary !== undefined
          ? {
              closeSummary: {
                summary: event.summary,
                preventiveMeasure: event.preventiveMeasure ?? '',
              },
            }
          : {}),
      };
    case 'ComplaintOwnerAssigned':
      return {
        ...state,
        owner: {
          userId: event.ownerId,
          assignedBy: event.by,
          at: event.at,
          personally: event.personally,
        },
      };
    case 'StoreResultRecorded':
      return { ...state, storeResultAt: event.at };
    case 'SupplierCoordinationOpened':
      return {
        ...state,
        supplierCoordination: {
          party: event.party,
          openedAt: event.at,
          concludedAt: null,
          outcome: null,
        },
      };
    case 'SupplierCoordinationConcluded':
      return {
        ...state,
        supplierCoordination: state.supplierCoordination
          ? { ...state.supplierCoordination, concludedAt: event.at, outcome: event.outcome }
          : null,
      };
    case 'FollowUpRequested':
      return state;
  }
}

export const replayComplaint = (events: readonly ComplaintEvent[]): ComplaintState | null =>
  events.reduce<ComplaintState | null>((s, e) => evolveComplaint(s, e), null);
