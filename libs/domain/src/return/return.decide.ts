import { routeApproval } from '../approval/route-approval';
import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import { priceDifferenceRefund } from '../eligibility/price-difference';
import { assertReturnEligible, evaluateReturnEligibility } from '../eligibility/return-eligibility';
import { shippingRefundClaim } from '../eligibility/shipping-claim';
import { assertFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal } from '../shared/decision';
import {
  assertActorIn,
  assertNotSelf,
  assertPinnedPolicy,
  assertRole,
  nonEmpty,
  positiveInt,
} from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import type { Actor } from '../shared/org';
import { assertActorFits } from '../tasks/task-access';
import { reconcileReturnQuantities } from './reconciliation';
import type {
  ReturnCommand,
  ReturnEvent,
  ReturnMethod,
  ReturnState,
  ReturnStatus,
  ReturnSettlement,
  SlipCopy,
} from './return.types';

/** 001 §29.1(2)/§29.3: copy 1 stays with sales to follow up; 2 warehouse, 3 finance, 4 sales after receipt. */
export const RETURN_SLIP_COPIES: SlipCopy[] = [
  { copy: 1, holder: 'sales', purpose: '自存督促 kept by sales to follow up' },
  { copy: 2, holder: 'warehouse', purpose: '据以办理收料 receiving, kept by the warehouse' },
  { copy: 3, holder: 'finance', purpose: 'reconciliation and voucher (via the warehouse)' },
  { copy: 4, holder: 'sales', purpose: 'signed receipt back to sales (via the warehouse)' },
];

/**
 * Return/exchange (DOMAIN.md §2) as a pure decider. Two entries: a customer's own request
 * (eligibility rules, supervisor approval) or a complaint decision (return slip approved by the
 * sales VP). Both meet at the warehouse check and finance's quantity reconciliation.
 * The calendar is needed only to evaluate the return window of a standalone request.
 */
export function decideReturn(
  state: ReturnState | null,
  command: ReturnCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<ReturnEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy, calendar));
}

function assertReturnNumber(caseNumber: string, policy: PolicyDocument): void {
  const parsed = parseCaseNumber(caseNumber);
  if (!parsed || parsed.prefix !== policy.numbering.prefixes.return) {
    throw new DomainError(
      'CASE_NUMBER_INVALID',
      `"${caseNumber}" is not a return number (${policy.numbering.prefixes.return}yyyymm-seq)`,
      { caseNumber },
    );
  }
}

function decide(
  state: ReturnState | null,
  cmd: ReturnCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ReturnEvent[] {
  const by = cmd.actor.userId;
  if (cmd.type === 'RequestReturnSlip') {
    // R02 001 §29.1(2): a complaint decided as return / exchange / rework opens its TH case with
    // the decision's method and approved quantity; sales fills in the slip as a task.
    if (state !== null) throw illegal('return', state.status, cmd.type);
    assertReturnNumber(cmd.caseNumber, policy);
    assertParentNumber(cmd.parentCaseNumber);
    return [
      {
        type: 'ReturnSlipRequested',
        at,
        by,
        caseNumber: cmd.caseNumber,
        policyVersion: policy.version,
        parentCaseNumber: cmd.parentCaseNumber,
        method: cmd.method,
        approvedQuantity: positiveInt(cmd.approvedQuantity, 'approvedQuantity'),
      },
    ];
  }
  if (cmd.type === 'RequestReturn' || cmd.type === 'IssueReturnSlip') {
    if (state !== null) throw illegal('return', state.status, cmd.type);
    if (cmd.type === 'RequestReturn') {
      // 001 篇3 退货流程 1: the salesperson (or the online customer service, 售前客服, who
      // takes the after-sales request) records it and confirms with the supervisor.
      assertActorIn(cmd.actor, ['sales', 'cs'], [], { command: cmd.type });
      assertReturnNumber(cmd.caseNumber, policy);
      return requestReturn(cmd, at, by, policy, calendar);
    }
    assertActorIn(cmd.actor, ['sales'], [], { command: cmd.type });
    assertReturnNumber(cmd.caseNumber, policy);
    assertParentNumber(cmd.parentCaseNumber);
    return [
      slipIssued(
        cmd.caseNumber,
        cmd.parentCaseNumber,
        { reason: cmd.reason, method: cmd.method, basis: cmd.basis },
        cmd.approvedQuantity,
        at,
        by,
        policy,
      ),
    ];
  }
  if (state === null)
    throw illegal('return', 'none', cmd.type, [
      'RequestReturn',
      'IssueReturnSlip',
      'RequestReturnSlip',
    ]);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: ReturnStatus[]) => {
    if (!statuses.includes(state.status)) throw illegal('return', state.status, cmd.type, statuses);
  };

  switch (cmd.type) {
    case 'RecordSupervisorAnswer': {
      // R10 001 篇3 一般售后 1–2: the supervisor first answers the problem (避免没必要的退货)
      // and records the status and the result; answered, the case closes without a return.
      need('requested');
      assertSupervisor(cmd.actor, policy, ctx);
      const answer = nonEmpty(cmd.answer, 'answer');
      const answered: ReturnEvent = {
        type: 'SupervisorAnswered',
        at,
        by,
        answer,
        resolved: cmd.resolved,
      };
      if (!cmd.resolved) return [answered];
      return [
        answered,
        { type: 'ReturnCompleted', at, by, outcome: 'resolved_without_return' },
        followUp(state, at, by, policy),
      ];
    }
    case 'ApproveReturnRequest':
    case 'RejectReturnRequest': {
      // 001 篇3 退货流程 1: the salesperson confirms with the supervisor.
      need('pending_approval');
      assertSupervisor(cmd.actor, policy, ctx);
      assertNotSelf(by, state.requestedBy, 'return request', ctx);
      if (cmd.type === 'RejectReturnRequest')
        return [
          { type: 'ReturnRequestRejected', at, by, reason: nonEmpty(cmd.reason, 'reason') },
          followUp(state, at, by, policy),
        ];
      const discretion = cmd.discretionNote?.trim() ? cmd.discretionNote : null;
      // Outside the rules' "accept", a supervisor may still accept with a recorded reason
      // (may refuse ≠ must refuse). R12: a dissatisfied customer whose remedy the supervisor
      // tried and could not make work (the answer did not resolve it) is given the return.
      const e = state.eligibility;
      const remedyFailed = e?.decision === 'remedy_first' && state.answer?.resolved === false;
      if (e && !remedyFailed) assertReturnEligible(e, discretion !== null);
      const approved: ReturnEvent = {
        type: 'ReturnRequestApproved',
        at,
        by,
        discretionNote: discretion,
      };
      const money = state.settlement;
      if (money && money.refundFen === 0)
        return [
          approved,
          {
            type: 'ReturnCompleted',
            at,
            by,
            outcome: money.offer === 'gift_or_coupon' ? 'gift_offered' : 'explained',
          },
          followUp(state, at, by, policy),
        ];
      return [approved];
    }
    case 'FillReturnSlip': {
      // R02 001 §29.1(2): 由业务部填具产品退货单 — sales writes the return reason, the handling
      // method and the basis; the method is the complaint decision's.
      need('slip_entry');
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      if (cmd.method !== state.method)
        throw new DomainError(
          'COMMAND_INVALID',
          `The complaint ${state.parentCaseNumber ?? ''} decided ${state.method}, not ${cmd.method}`,
          { field: 'method', method: cmd.method, decided: state.method },
        );
      return [
        slipIssued(
          state.caseNumber,
          state.parentCaseNumber ?? '',
          cmd,
          state.approvedQuantity,
          at,
          by,
          policy,
        ),
      ];
    }
    case 'SignOnSiteSlip': {
      // R25 002 点货 ch.5 1B: the printed slip is checked with the customer; the handler and
      // the customer sign it.
      need('on_site_signatures');
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      return [
        {
          type: 'OnSiteSlipSigned',
          at,
          by,
          customerSignature: nonEmpty(cmd.customerSignature, 'customerSignature'),
        },
      ];
    }
    case 'CountersignOnSiteSlip': {
      // R25 002 点货 ch.5 1B: 退单也需要有经手人,客户和部门经理的签字.
      need('on_site_countersign');
      assertActorFits(cmd.actor, 'sales', ['manager'], ctx);
      assertNotSelf(by, state.onSite?.handler ?? null, 'on-site return slip', ctx);
      return [{ type: 'OnSiteSlipCountersigned', at, by }];
    }
    case 'ApproveReturnSlip': {
      // 001 §29.1(2): the return slip is approved by the sales VP.
      need('slip_pending_approval');
      assertRole(cmd.actor, ['sales_vp'], ctx);
      assertNotSelf(by, state.slip?.issuedBy ?? null, 'return slip', ctx);
      return [{ type: 'ReturnSlipApproved', at, by, copies: RETURN_SLIP_COPIES }];
    }
    case 'ReceiveGoods': {
      // 001 §29.3 / 001 篇3 退货流程 3: the warehouse checks the goods against the slip (complete,
      // undamaged) and signs only when they match.
      need('awaiting_goods');
      assertActorIn(cmd.actor, ['warehouse'], [], ctx);
      const mode = cmd.mode ?? (state.returnedQuantity === 0 ? 'initial' : 'additional');
      if (!Number.isSafeInteger(cmd.quantity) || cmd.quantity < 0)
        positiveInt(cmd.quantity, 'quantity');
      const note = cmd.note ?? '';
      if (!cmd.complete || !cmd.undamaged)
        return [
          {
            type: 'GoodsCheckFailed',
            at,
            by,
            quantity: cmd.quantity,
            complete: cmd.complete,
            undamaged: cmd.undamaged,
            note,
          },
        ];
      const totalReturned =
        mode === 'additional' ? state.returnedQuantity + cmd.quantity : cmd.quantity;
      return [{ type: 'GoodsReceived', at, by, quantity: cmd.quantity, totalReturned, mode, note }];
    }
    case 'Reconcile': {
      // 001 §29.2: approved quantity vs actually returned quantity before any booking.
      need('reconciling');
      assertActorIn(cmd.actor, ['finance'], [], ctx);
      const reconciliation = reconcileReturnQuantities(
        state.approvedQuantity,
        state.returnedQuantity,
      );
      return reconciliation.matched
        ? [
            {
              type: 'ReconciliationMatched',
              at,
              by,
              reconciliation,
              voucherNumber: nonEmpty(cmd.voucherNumber, 'voucherNumber'),
            },
          ]
        : [{ type: 'ReconciliationMismatched', at, by, reconciliation }];
    }
    case 'ResolveMismatch': {
      need('back_to_sales');
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      return [
        {
          type: 'MismatchResolved',
          at,
          by,
          resolution: cmd.resolution,
          note: nonEmpty(cmd.note, 'note'),
        },
      ];
    }
    case 'RecordRefund': {
      need('refunding');
      assertActorIn(cmd.actor, ['finance'], [], ctx);
      assertFen(cmd.amountFen, 'amountFen');
      if (cmd.amountFen < 0)
        throw new DomainError('MONEY_INVALID', 'A refund cannot be negative', {
          amountFen: cmd.amountFen,
        });
      // R19 / R13: a price difference or postage difference is refunded at the figure the rule gave.
      if (state.settlement && cmd.amountFen !== state.settlement.refundFen)
        throw new DomainError(
          'MONEY_INVALID',
          `The refund is ${state.settlement.refundFen} fen (${state.settlement.rule} ${state.settlement.basis})`,
          { field: 'amountFen', amountFen: cmd.amountFen, expectedFen: state.settlement.refundFen },
        );
      return [
        { type: 'RefundRecorded', at, by, amountFen: cmd.amountFen },
        { type: 'ReturnCompleted', at, by, outcome: 'refunded' },
        ...followUps(state, at, by, policy),
      ];
    }
    case 'RecordReshipment': {
      // DOMAIN §2 step 6 / 001 篇3 退货流程 4: exchange → reship.
      need('reshipping');
      assertActorIn(cmd.actor, ['warehouse'], [], ctx);
      return [
        {
          type: 'ReshipmentRecorded',
          at,
          by,
          shipmentNumber: nonEmpty(cmd.shipmentNumber, 'shipmentNumber'),
        },
        { type: 'ReturnCompleted', at, by, outcome: 'reshipped' },
        ...followUps(state, at, by, policy),
      ];
    }
  }
}

function assertParentNumber(parentCaseNumber: string): void {
  if (!parseCaseNumber(parentCaseNumber))
    throw new DomainError('CASE_NUMBER_INVALID', `"${parentCaseNumber}" is not a case number`, {
      caseNumber: parentCaseNumber,
    });
}

/** The return slip 产品退货单 as sales fills it in (001 §29.1(2)), for the sales VP's approval. */
function slipIssued(
  caseNumber: string,
  parentCaseNumber: string,
  slip: { reason: string; method: ReturnMethod; basis: string },
  approvedQuantity: number,
  at: number,
  by: string,
  policy: PolicyDocument,
): ReturnEvent {
  const route = routeApproval(policy, 'return_slip', 0, { caseNumber, parentCaseNumber });
  return {
    type: 'ReturnSlipIssued',
    at,
    by,
    caseNumber,
    policyVersion: policy.version,
    parentCaseNumber,
    slip: {
      reason: nonEmpty(slip.reason, 'reason'),
      method: slip.method,
      basis: nonEmpty(slip.basis, 'basis'),
      approvedQuantity: positiveInt(approvedQuantity, 'approvedQuantity'),
      issuedBy: by,
      route,
      approvedBy: null,
      copies: [],
    },
  };
}

/** The sales supervisor of the request's approval route (001 篇3 退货流程 1). */
function assertSupervisor(
  actor: Actor,
  policy: PolicyDocument,
  ctx: Record<string, unknown>,
): void {
  const step = routeApproval(policy, 'return_request', 0, ctx).steps[0];
  if (step) assertActorFits(actor, step.department ?? null, [step.role], ctx);
}

/** A customer's own return, closed, asks for its follow-up call (DOMAIN.md §5, 001 §16). */
function followUp(state: ReturnState, at: number, by: string, policy: PolicyDocument): ReturnEvent {
  return {
    type: 'FollowUpRequested',
    at,
    by,
    parentCaseNumber: state.caseNumber,
    within: policy.followUp.afterClose,
  };
}

/** Only a standalone return starts its own follow-up; a complaint's return is the complaint's. */
const followUps = (
  state: ReturnState,
  at: number,
  by: string,
  policy: PolicyDocument,
): ReturnEvent[] => (state.origin === 'standalone' ? [followUp(state, at, by, policy)] : []);

/**
 * R08/R09 001 篇3 退货流程 1–2, 一般售后 1: the request with its SN, account, request time and
 * reason; the rules are evaluated at once so the supervisor sees the answer and its rule.
 */
function requestReturn(
  cmd: Extract<ReturnCommand, { type: 'RequestReturn' }>,
  at: number,
  by: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ReturnEvent[] {
  const r = cmd.request;
  nonEmpty(r.orderNumber, 'request.orderNumber');
  nonEmpty(r.customerAccount, 'request.customerAccount');
  nonEmpty(r.reason, 'request.reason');
  positiveInt(r.quantity, 'request.quantity');
  if (Number.isNaN(Date.parse(r.requestedAt)))
    throw new DomainError('COMMAND_INVALID', 'request.requestedAt must be an instant', {
      field: 'request.requestedAt',
    });
  let settlement: ReturnSettlement | null = null;
  let eligibility = null;
  if (r.kind === 'price_difference') {
    if (!cmd.priceDifference)
      throw new DomainError('COMMAND_INVALID', 'A price-difference request needs its prices', {
        field: 'priceDifference',
      });
    const p = priceDifferenceRefund(cmd.priceDifference, policy);
    settlement = {
      kind: 'price_difference',
      refundFen: p.refundFen,
      offer: p.offer,
      rule: p.rule,
      basis: p.basis,
    };
  } else if (r.kind === 'shipping_claim') {
    if (!cmd.shippingClaim)
      throw new DomainError('COMMAND_INVALID', 'A shipping claim needs its facts', {
        field: 'shippingClaim',
      });
    const c = shippingRefundClaim(cmd.shippingClaim);
    settlement = {
      kind: 'shipping_claim',
      refundFen: c.refundFen,
      offer: c.action === 'explain' ? 'explanation' : 'none',
      rule: c.rule,
      basis: c.basis,
    };
  } else {
    // goods back: the SN identifies the unit (001 篇3 一般售后 1 询问顾客机器的sn码并记录好)
    nonEmpty(r.serialNumber, 'request.serialNumber');
    if (!cmd.eligibility)
      throw new DomainError('COMMAND_INVALID', 'A return needs its eligibility facts', {
        field: 'eligibility',
      });
    eligibility = evaluateReturnEligibility(cmd.eligibility, policy, calendar);
  }
  const route = routeApproval(policy, 'return_request', 0, { caseNumber: cmd.caseNumber });
  return [
    {
      type: 'ReturnRequested',
      at,
      by,
      caseNumber: cmd.caseNumber,
      policyVersion: policy.version,
      request: r,
      eligibility,
      settlement,
      route,
    },
  ];
}
