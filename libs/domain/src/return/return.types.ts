import type { ApprovalRoute } from '../approval/route-approval';
import type { ReturnEligibility, ReturnEligibilityInput } from '../eligibility/return-eligibility';
import type { Fen } from '../money/money';
import type { Actor, Department } from '../shared/org';
import type { Reconciliation } from './reconciliation';

export type ReturnMethod = 'refund' | 'exchange' | 'rework';

export type ReturnStatus =
  | 'requested'
  | 'slip_pending_approval'
  | 'awaiting_goods'
  | 'reconciling'
  | 'back_to_sales'
  | 'refunding'
  | 'reshipping'
  | 'completed'
  | 'rejected';

/** Who holds which copy of the return slip 产品退货单 (001 §29.1(2), §29.3). */
export interface SlipCopy {
  copy: number;
  holder: Department;
  purpose: string;
}

export interface ReturnRequestDetails {
  orderNumber: string;
  serialNumber: string;
  reason: string;
  customerAccount: string;
  quantity: number;
  method: ReturnMethod;
}

export interface ReturnSlip {
  reason: string;
  method: ReturnMethod;
  basis: string;
  approvedQuantity: number;
  issuedBy: string;
  route: ApprovalRoute;
  approvedBy: string | null;
  copies: SlipCopy[];
}

export interface ReturnState {
  caseNumber: string;
  policyVersion: number;
  origin: 'standalone' | 'complaint';
  parentCaseNumber: string | null;
  status: ReturnStatus;
  method: ReturnMethod;
  /** the quantity finance books against: the complaint decision's, or the approved request's */
  approvedQuantity: number;
  requestedBy: string;
  request: ReturnRequestDetails | null;
  eligibility: ReturnEligibility | null;
  requestApprovedBy: string | null;
  slip: ReturnSlip | null;
  returnedQuantity: number;
  receivedBy: string | null;
  reconciliation: Reconciliation | null;
  mismatches: number;
  voucherNumber: string | null;
  refundFen: Fen | null;
  reshipment: string | null;
  completedAt: number | null;
  /** how a completed return ended (the ReturnCompleted event's) */
  outcome: 'refunded' | 'reshipped' | null;
}

type Cmd<T extends string, P = object> = { type: T; actor: Actor } & P;

export type ReturnCommand =
  | Cmd<
      'RequestReturn',
      { caseNumber: string; request: ReturnRequestDetails; eligibility: ReturnEligibilityInput }
    >
  | Cmd<'ApproveReturnRequest', { discretionNote?: string }>
  | Cmd<'RejectReturnRequest', { reason: string }>
  | Cmd<
      'IssueReturnSlip',
      {
        caseNumber: string;
        parentCaseNumber: string;
        reason: string;
        method: ReturnMethod;
        basis: string;
        approvedQuantity: number;
      }
    >
  | Cmd<'ApproveReturnSlip'>
  | Cmd<
      'ReceiveGoods',
      {
        quantity: number;
        complete: boolean;
        undamaged: boolean;
        mode?: 'initial' | 'additional' | 'recount';
        note?: string;
      }
    >
  | Cmd<'Reconcile', { voucherNumber: string }>
  | Cmd<'ResolveMismatch', { resolution: 'await_remaining_goods' | 'recount'; note: string }>
  | Cmd<'RecordRefund', { amountFen: Fen }>
  | Cmd<'RecordReshipment', { shipmentNumber: string }>;

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type ReturnEvent =
  | Ev<
      'ReturnRequested',
      {
        caseNumber: string;
        policyVersion: number;
        request: ReturnRequestDetails;
        eligibility: ReturnEligibility;
        route: ApprovalRoute;
      }
    >
  | Ev<'ReturnRequestApproved', { discretionNote: string | null }>
  | Ev<'ReturnRequestRejected', { reason: string }>
  | Ev<
      'ReturnSlipIssued',
      { caseNumber: string; policyVersion: number; parentCaseNumber: string; slip: ReturnSlip }
    >
  | Ev<'ReturnSlipApproved', { copies: SlipCopy[] }>
  | Ev<
      'GoodsCheckFailed',
      { quantity: number; complete: boolean; undamaged: boolean; note: string }
    >
  | Ev<
      'GoodsReceived',
      {
        quantity: number;
        totalReturned: number;
        mode: 'initial' | 'additional' | 'recount';
        note: string;
      }
    >
  | Ev<'ReconciliationMismatched', { reconciliation: Reconciliation }>
  | Ev<'ReconciliationMatched', { reconciliation: Reconciliation; voucherNumber: string }>
  | Ev<'MismatchResolved', { resolution: 'await_remaining_goods' | 'recount'; note: string }>
  | Ev<'RefundRecorded', { amountFen: Fen }>
  | Ev<'ReshipmentRecorded', { shipmentNumber: string }>
  | Ev<'ReturnCompleted', { outcome: 'refunded' | 'reshipped' }>;
