import type { ApprovalRoute } from '../approval/route-approval';
import type { PriceDifferenceInput } from '../eligibility/price-difference';
import type {
  CustomerKind,
  ReturnEligibility,
  ReturnEligibilityInput,
} from '../eligibility/return-eligibility';
import type { ShippingClaimInput } from '../eligibility/shipping-claim';
import type { Duration } from '../calendar/duration';
import type { Fen } from '../money/money';
import type { Actor, Department } from '../shared/org';
import type { Reconciliation } from './reconciliation';

export type ReturnMethod = 'refund' | 'exchange' | 'rework';

export type ReturnStatus =
  /** a customer's own request: the supervisor first answers the problem (001 篇3 一般售后 1) */
  | 'requested'
  /** not resolved by the answer: the supervisor confirms the request (退货流程 1) */
  | 'pending_approval'
  /** on-site return (002 点货 ch.5 1B): the printed slip is checked with the customer and signed */
  | 'on_site_signatures'
  | 'on_site_countersign'
  /** from a complaint: sales fills in the return slip (R02 001 §29.1(2)) */
  | 'slip_entry'
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

/** How a customer's own request came in; `on_site` = returned at the counter (002 结算 ch.4 6). */
export const RETURN_CHANNELS = ['phone', 'online', 'store', 'on_site'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];

/**
 * What a customer asks for: goods back (return / exchange, 001 篇3 退换货), a price difference
 * (退差价) or the shipping back for a late delivery (退换货 3).
 */
export const RETURN_REQUEST_KINDS = [
  'return',
  'exchange',
  'price_difference',
  'shipping_claim',
] as const;
export type ReturnRequestKind = (typeof RETURN_REQUEST_KINDS)[number];

/** 001 篇3 一般售后 1 / 退货流程 2: SN, customer account (旺旺号), request time, reason. */
export interface ReturnRequestDetails {
  orderNumber: string;
  serialNumber: string;
  reason: string;
  customerAccount: string;
  quantity: number;
  method: ReturnMethod;
  kind: ReturnRequestKind;
  channel: ReturnChannel;
  customerKind: CustomerKind;
  /** ISO instant the customer asked (申请售后的时间) */
  requestedAt: string;
}

/** A money-only request (price difference, shipping claim): what is owed and which rule says so. */
export interface ReturnSettlement {
  kind: 'price_difference' | 'shipping_claim';
  refundFen: Fen;
  /** none: refund only; gift_or_coupon: R18/R20; explanation: R13 without a wrong carrier */
  offer: 'none' | 'gift_or_coupon' | 'explanation';
  rule: string;
  basis: string;
}

/** The supervisor's answer to the problem (001 篇3 一般售后 1–2: 服务状况, 处理结果). */
export interface SupervisorAnswer {
  answer: string;
  resolved: boolean;
  by: string;
  at: number;
}

/** R25: the printed on-site slip's signatures (经手人, 客户, 部门经理). */
export interface OnSiteSlipSignatures {
  handler: string | null;
  customer: string | null;
  departmentManager: string | null;
}

export type ReturnOutcomeKind =
  'refunded' | 'reshipped' | 'resolved_without_return' | 'gift_offered' | 'explained';

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
  settlement: ReturnSettlement | null;
  answer: SupervisorAnswer | null;
  onSite: OnSiteSlipSignatures | null;
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
  outcome: ReturnOutcomeKind | null;
}

type Cmd<T extends string, P = object> = { type: T; actor: Actor } & P;

export type ReturnCommand =
  | Cmd<
      'RequestReturn',
      {
        caseNumber: string;
        request: ReturnRequestDetails;
        /** goods back (return / exchange) */
        eligibility?: ReturnEligibilityInput;
        priceDifference?: PriceDifferenceInput;
        shippingClaim?: ShippingClaimInput;
      }
    >
  | Cmd<'RecordSupervisorAnswer', { answer: string; resolved: boolean }>
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
  /**
   * The workflow's own opening of a complaint-origin return (R02 001 §29.1(2)): the decision's
   * method and approved quantity; sales then fills in the slip (FillReturnSlip).
   */
  | {
      type: 'RequestReturnSlip';
      actor: { userId: 'system' };
      caseNumber: string;
      parentCaseNumber: string;
      method: ReturnMethod;
      approvedQuantity: number;
    }
  /** R02 001 §29.1(2): sales fills in the slip — return reason, handling method, basis. */
  | Cmd<'FillReturnSlip', { reason: string; method: ReturnMethod; basis: string }>
  | Cmd<'SignOnSiteSlip', { customerSignature: string }>
  | Cmd<'CountersignOnSiteSlip'>
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
        eligibility: ReturnEligibility | null;
        settlement: ReturnSettlement | null;
        route: ApprovalRoute;
      }
    >
  | Ev<'SupervisorAnswered', { answer: string; resolved: boolean }>
  | Ev<'ReturnRequestApproved', { discretionNote: string | null }>
  | Ev<'OnSiteSlipSigned', { customerSignature: string }>
  | Ev<'OnSiteSlipCountersigned'>
  | Ev<'ReturnRequestRejected', { reason: string }>
  | Ev<
      'ReturnSlipIssued',
      { caseNumber: string; policyVersion: number; parentCaseNumber: string; slip: ReturnSlip }
    >
  | Ev<
      'ReturnSlipRequested',
      {
        caseNumber: string;
        policyVersion: number;
        parentCaseNumber: string;
        method: ReturnMethod;
        approvedQuantity: number;
      }
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
  | Ev<'ReturnCompleted', { outcome: ReturnOutcomeKind }>
  /** a customer's own return closed: the follow-up call follows (DOMAIN.md §5) */
  | Ev<'FollowUpRequested', { parentCaseNumber: string; within: Duration }>;
