import type { ReturnEvent, ReturnState } from './return.types';

const blank = {
  eligibility: null,
  settlement: null,
  answer: null,
  onSite: null,
  requestApprovedBy: null,
  slip: null,
  returnedQuantity: 0,
  receivedBy: null,
  reconciliation: null,
  mismatches: 0,
  voucherNumber: null,
  refundFen: null,
  reshipment: null,
  completedAt: null,
  outcome: null,
} as const;

/** Fold one return event into the state (pure, total; replays rebuild the same state). */
export function evolveReturn(state: ReturnState | null, event: ReturnEvent): ReturnState {
  if (event.type === 'ReturnRequested') {
    return {
      ...blank,
      caseNumber: event.caseNumber,
      policyVersion: event.policyVersion,
      origin: 'standalone',
      parentCaseNumber: null,
      status: 'requested',
      method: event.request.method,
      approvedQuantity: event.request.quantity,
      requestedBy: event.by,
      request: event.request,
      eligibility: event.eligibility,
      settlement: event.settlement,
    };
  }
  if (event.type === 'ReturnSlipIssued') {
    return {
      ...blank,
      caseNumber: event.caseNumber,
      policyVersion: event.policyVersion,
      origin: 'complaint',
      parentCaseNumber: event.parentCaseNumber,
      status: 'slip_pending_approval',
      method: event.slip.method,
      approvedQuantity: event.slip.approvedQuantity,
      requestedBy: event.by,
      request: null,
      slip: event.slip,
    };
  }
  if (event.type === 'ReturnSlipRequested') {
    return {
      ...blank,
      caseNumber: event.caseNumber,
      policyVersion: event.policyVersion,
      origin: 'complaint',
      parentCaseNumber: event.parentCaseNumber,
      status: 'slip_entry',
      method: event.method,
      approvedQuantity: event.approvedQuantity,
      requestedBy: event.by,
      request: null,
    };
  }
  if (state === null) throw new Error(`evolveReturn: ${event.type} before the case exists`);
  switch (event.type) {
    case 'SupervisorAnswered':
      return {
        ...state,
        status: 'pending_approval',
        answer: { answer: event.answer, resolved: event.resolved, by: event.by, at: event.at },
      };
    case 'ReturnRequestApproved': {
      const onSite = state.request?.channel === 'on_site' && state.settlement === null;
      return {
        ...state,
        // Decision 9: wholesale and franchise quality returns are exchanged first.
        method: state.eligibility?.decision === 'exchange_only' ? 'exchange' : state.method,
        status: state.settlement ? 'refunding' : onSite ? 'on_site_signatures' : 'awaiting_goods',
        requestApprovedBy: event.by,
        onSite: onSite ? { handler: null, customer: null, departmentManager: null } : null,
      };
    }
    case 'OnSiteSlipSigned':
      return {
        ...state,
        status: 'on_site_countersign',
        onSite: {
          handler: event.by,
          customer: event.customerSignature,
          departmentManager: null,
        },
      };
    case 'OnSiteSlipCountersigned':
      return {
        ...state,
        status: 'awaiting_goods',
        onSite: state.onSite && { ...state.onSite, departmentManager: event.by },
      };
    case 'FollowUpRequested':
      return state;
    case 'ReturnRequestRejected':
      return { ...state, status: 'rejected', completedAt: event.at };
    case 'ReturnSlipApproved':
      return {
        ...state,
        status: 'awaiting_goods',
        slip: state.slip && { ...state.slip, approvedBy: event.by, copies: event.copies },
      };
    case 'GoodsCheckFailed':
      return { ...state, status: 'back_to_sales' };
    case 'GoodsReceived':
      return {
        ...state,
        status: 'reconciling',
        returnedQuantity: event.totalReturned,
        receivedBy: event.by,
      };
    case 'ReconciliationMismatched':
      return {
        ...state,
        status: 'back_to_sales',
        reconciliation: event.reconciliation,
        mismatches: state.mismatches + 1,
      };
    case 'ReconciliationMatched':
      return {
        ...state,
        status: state.method === 'refund' ? 'refunding' : 'reshipping',
        reconciliation: event.reconciliation,
        voucherNumber: event.voucherNumber,
      };
    case 'MismatchResolved':
      return { ...state, status: 'awaiting_goods' };
    case 'RefundRecorded':
      return { ...state, refundFen: event.amountFen };
    case 'ReshipmentRecorded':
      return { ...state, reshipment: event.shipmentNumber };
    case 'ReturnCompleted':
      return { ...state, status: 'completed', completedAt: event.at, outcome: event.outcome };
  }
}

export const replayReturn = (events: readonly ReturnEvent[]): ReturnState | null =>
  events.reduce<ReturnState | null>((s, e) => evolveReturn(s, e), null);
