import { routeApproval } from '../approval/route-approval';
import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import { assertReturnEligible, evaluateReturnEligibility } from '../eligibility/return-eligibility';
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
import { assertActorFits } from '../tasks/task-access';
import { reconcileReturnQuantities } from './reconciliation';
import type {
  ReturnCommand,
  ReturnEvent,
  ReturnState,
  ReturnStatus,
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
  if (cmd.type === 'RequestReturn' || cmd.type === 'IssueReturnSlip') {
    if (state !== null) throw illegal('return', state.status, cmd.type);
    assertActorIn(cmd.actor, ['sales'], [], { command: cmd.type });
    assertReturnNumber(cmd.caseNumber, policy);
    if (cmd.type === 'RequestReturn') {
      // 001 篇3 退货流程 1: order, SN, reason, request time, customer account.
      const r = cmd.request;
      nonEmpty(r.orderNumber, 'request.orderNumber');
      nonEmpty(r.serialNumber, 'request.serialNumber');
      nonEmpty(r.customerAccount, 'request.customerAccount');
      positiveInt(r.quantity, 'request.quantity');
      const eligibility = evaluateReturnEligibility(cmd.eligibility, policy, calendar);
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
          route,
        },
      ];
    }
    if (!parseCaseNumber(cmd.parentCaseNumber))
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${cmd.parentCaseNumber}" is not a case number`,
        { caseNumber: cmd.parentCaseNumber },
      );
    const route = routeApproval(policy, 'return_slip', 0, {
      caseNumber: cmd.caseNumber,
      parentCaseNumber: cmd.parentCaseNumber,
    });
    return [
      {
        type: 'ReturnSlipIssued',
        at,
        by,
        caseNumber: cmd.caseNumber,
        policyVersion: policy.version,
        parentCaseNumber: cmd.parentCaseNumber,
        slip: {
          reason: nonEmpty(cmd.reason, 'reason'),
          method: cmd.method,
          basis: nonEmpty(cmd.basis, 'basis'),
          approvedQuantity: positiveInt(cmd.approvedQuantity, 'approvedQuantity'),
          issuedBy: by,
          route,
          approvedBy: null,
          copies: [],
        },
      },
    ];
  }
  if (state === null)
    throw illegal('return', 'none', cmd.type, ['RequestReturn', 'IssueReturnSlip']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: ReturnStatus[]) => {
    if (!statuses.includes(state.status)) throw illegal('return', state.status, cmd.type, statuses);
  };

  switch (cmd.type) {
    case 'ApproveReturnRequest':
    case 'RejectReturnRequest': {
      // 001 篇3 退货流程 1: the salesperson confirms with the supervisor.
      need('requested');
      const step = state.eligibility && routeApproval(policy, 'return_request', 0, ctx).steps[0];
      if (step) assertActorFits(cmd.actor, step.department ?? null, [step.role], ctx);
      assertNotSelf(by, state.requestedBy, 'return request', ctx);
      if (cmd.type === 'RejectReturnRequest')
        return [{ type: 'ReturnRequestRejected', at, by, reason: nonEmpty(cmd.reason, 'reason') }];
      const discretion = cmd.discretionNote?.trim() ? cmd.discretionNote : null;
      // Outside the rules' "accept", a supervisor may still accept with a recorded reason
      // (may refuse ≠ must refuse; remedy attempted and failed). A plain refusal stays a refusal.
      if (state.eligibility) assertReturnEligible(state.eligibility, discretion !== null);
      return [{ type: 'ReturnRequestApproved', at, by, discretionNote: discretion }];
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
      return [
        { type: 'RefundRecorded', at, by, amountFen: cmd.amountFen },
        { type: 'ReturnCompleted', at, by, outcome: 'refunded' },
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
      ];
    }
  }
}
