import { routeApproval } from '../approval/route-approval';
import { assertMayApprove, nextApprovalStep } from '../approval/four-eyes';
import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import { type Fen, addFen, assertFen, formatFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import { assertActorIn, assertNotSelf, assertPinnedPolicy, nonEmpty } from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import { assertNoClash, assertSlot } from './appointment';
import { carryOverAt } from './carry-over';
import { assertMayTravel } from './dispatch';
import {
  type RepairCommand,
  type RepairEvent,
  type RepairResolution,
  type RepairState,
  type RepairStatus,
  type SignatureOrder,
} from './repair.types';
import { type FeeHandling, feeHandling } from './service-kind';
import { serviceRegisterEntry } from './service-register';
import { HANDOVER_SHEET_COPIES, acceptWorkshopItem, externalRepairWindow } from './workshop';

/**
 * The repair / service-dispatch process of DOMAIN.md §3 (001 §6–13, §16; 002 ch.10) as a pure
 * decider: given the state, a command, the instant, the pinned policy and the business
 * calendar, it returns the events to record or the coded refusal. The workflow wires tasks,
 * the daily carry-over timer and the parent complaint around it.
 */
export function decideRepair(
  state: RepairState | null,
  command: RepairCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<RepairEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy, calendar));
}

/** Which order the voucher is signed in (001 §8 on the spot; §10 otherwise; D has no customer). */
export function signatureOrderFor(state: RepairState, onSite: boolean): SignatureOrder {
  if (state.entry.serviceKind === 'D') return 'manager_only';
  return onSite ? 'customer_then_manager' : 'manager_then_customer';
}

/**
 * 001 §9 speaks of the service person collecting on the spot; an item repaired in the workshop
 * or externally has no visit, so its fee is invoiced from the voucher (default).
 */
export function repairFee(
  state: RepairState,
  feeFen: Fen,
  onSite: boolean,
  policy: PolicyDocument,
): FeeHandling {
  const fee = feeHandling(state.entry.serviceKind, feeFen, policy);
  if (!onSite && fee.mode === 'collect_on_site')
    return {
      ...fee,
      mode: 'invoice_later',
      invoice: 'finance_issues_from_voucher',
      basis: '001 §9 以服务凭证为据,由财务部开具发票 (no visit to collect on: default)',
    };
  return fee;
}

/** The finance work a fee leaves once the voucher is filed (nothing for B, C, D or a zero fee). */
export const feeNeedsFinance = (fee: FeeHandling | null | undefined): boolean =>
  !!fee && fee.feeFen > 0 && (fee.mode === 'collect_on_site' || fee.mode === 'invoice_later');

function decide(
  state: RepairState | null,
  cmd: RepairCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): RepairEvent[] {
  const by = cmd.actor.userId;
  if (cmd.type === 'OpenRepair') {
    if (state !== null) throw illegal('repair', state.status, cmd.type);
    return [openRepair(cmd, at, policy, calendar)];
  }
  if (state === null) throw illegal('repair', 'none', cmd.type, ['OpenRepair']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: RepairStatus[]) => {
    if (!statuses.includes(state.status)) throw illegal('repair', state.status, cmd.type, statuses);
  };
  const actor = 'department' in cmd.actor ? cmd.actor : null;
  const person = () => {
    if (!actor) throw invalid(`${cmd.type} needs a person`, ctx);
    return actor;
  };
  const assignedTechnician = () => {
    const d = state.dispatch;
    if (!d) throw illegal('repair', state.status, cmd.type);
    assertActorIn(person(), ['tech'], [], ctx);
    if (by !== d.technicianId)
      throw new DomainError(
        'WRONG_ROLE',
        `Only the dispatched technician ${d.technicianId} may do this`,
        { ...ctx, userId: by, technicianId: d.technicianId },
      );
    return d;
  };
  const visit = state.visits[state.visits.length - 1];
  const ws = state.workshop;

  switch (cmd.type) {
    case 'CarryOverDispatch': {
      // 001 §11: the daily check — still undispatched at the cut-off → first priority next day.
      need('awaiting_dispatch');
      if (at < state.carryOverAt)
        throw invalid(`Nothing carries over before ${new Date(state.carryOverAt).toISOString()}`, {
          ...ctx,
          carryOverAt: state.carryOverAt,
        });
      const current = carryOverAt(state.carryOverAt - 1, calendar, policy);
      const next = carryOverAt(current.priorityFrom, calendar, policy);
      return [
        {
          type: 'DispatchCarriedOver',
          at,
          by,
          fromDay: current.day,
          priorityDay: current.priorityDay,
          priorityFrom: current.priorityFrom.getTime(),
          nextCarryOverAt: next.at.getTime(),
        },
      ];
    }
    case 'DispatchTechnician': {
      // 001 §7: the department manager dispatches; a revisit or a change of technician before
      // the visit starts is a new dispatch.
      need('awaiting_dispatch', 'dispatched', 'unresolved');
      assertActorIn(person(), ['tech'], ['manager'], ctx);
      const technicianId = nonEmpty(cmd.technicianId, 'technicianId');
      const slot = assertSlot(cmd.slot);
      if (typeof cmd.outOfTown !== 'boolean')
        throw invalid('outOfTown must be true or false', { ...ctx, field: 'outOfTown' });
      assertNoClash(
        state.caseNumber,
        technicianId,
        slot,
        cmd.technicianBookings ?? [],
        policy.calendar.utcOffsetMinutes,
      );
      return [
        {
          type: 'TechnicianDispatched',
          at,
          by,
          dispatch: {
            technicianId,
            dispatchedBy: by,
            dispatchedAt: at,
            slot: { start: slot.start, end: slot.end },
            outOfTown: cmd.outOfTown,
            carriedOver: state.priority === 'first',
          },
        },
      ];
    }
    case 'RescheduleVisit': {
      need('dispatched');
      const d = state.dispatch;
      if (!d) throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['tech', 'cs'], [], ctx);
      if (actor?.department === 'tech' && by !== d.technicianId)
        assertActorIn(person(), ['tech'], ['manager'], ctx);
      const slot = assertSlot(cmd.slot);
      assertNoClash(
        state.caseNumber,
        d.technicianId,
        slot,
        cmd.technicianBookings ?? [],
        policy.calendar.utcOffsetMinutes,
      );
      return [{ type: 'VisitRescheduled', at, by, slot: { start: slot.start, end: slot.end } }];
    }
    case 'ApplyOutOfTown': {
      // 001 §12: the technician fills in the 异地服务申请单.
      need('dispatched');
      assignedTechnician();
      if (state.outOfTown && state.outOfTown.decision !== 'rejected')
        throw illegal('repair', state.status, cmd.type);
      assertFen(cmd.estimatedCostFen, 'estimatedCostFen');
      if (cmd.estimatedCostFen < 0)
        throw new DomainError('MONEY_INVALID', 'estimatedCostFen cannot be negative', ctx);
      const route = routeApproval(policy, 'out_of_town_service', 0, {
        caseNumber: state.caseNumber,
        requesterDepartment: person().department,
      });
      return [
        {
          type: 'OutOfTownApplied',
          at,
          by,
          application: {
            destination: nonEmpty(cmd.destination, 'destination'),
            reason: nonEmpty(cmd.reason, 'reason'),
            estimatedCostFen: cmd.estimatedCostFen,
            appliedBy: by,
            appliedAt: at,
            route,
            decision: 'pending',
            decidedBy: null,
            decidedAt: null,
            remarks: '',
          },
        },
      ];
    }
    case 'DecideOutOfTown': {
      const app = state.outOfTown;
      if (state.status !== 'dispatched' || !app || app.decision !== 'pending')
        throw illegal('repair', state.status, cmd.type);
      const step = nextApprovalStep(app.route, []);
      if (!step) throw illegal('repair', state.status, cmd.type);
      assertMayApprove({
        policy,
        route: app.route,
        step,
        approver: person(),
        proposerId: app.appliedBy,
        approvals: [],
      });
      const remarks = cmd.remarks ?? '';
      if (!cmd.approve) nonEmpty(remarks, 'remarks');
      return [{ type: 'OutOfTownDecided', at, by, approved: cmd.approve, remarks }];
    }
    case 'StartVisit': {
      need('dispatched');
      const d = assignedTechnician();
      // 001 §12: no out-of-town visit before the manager approved the application.
      if (d.outOfTown && policy.repair.outOfTown.requiresApproval) {
        const app = state.outOfTown;
        assertMayTravel(state.caseNumber, {
          outOfTown: true,
          approvedBy: app && app.decision === 'approved' ? app.decidedBy : null,
        });
      }
      return [{ type: 'VisitStarted', at, by, technicianId: d.technicianId }];
    }
    case 'RecordVisit': {
      // 001 §8, §10: actual time and content; resolved on the spot or not.
      need('on_site');
      assignedTechnician();
      if (
        !Number.isSafeInteger(cmd.actualStart) ||
        !Number.isSafeInteger(cmd.actualEnd) ||
        cmd.actualEnd <= cmd.actualStart
      )
        throw invalid('actualEnd must be after actualStart (epoch ms)', {
          ...ctx,
          field: 'actualEnd',
        });
      if (cmd.actualEnd > at)
        throw invalid('The actual service time cannot end in the future', {
          ...ctx,
          field: 'actualEnd',
        });
      const content = nonEmpty(cmd.content, 'content');
      const events: RepairEvent[] = [
        {
          type: 'VisitRecorded',
          at,
          by,
          actualStart: cmd.actualStart,
          actualEnd: cmd.actualEnd,
          content,
          resolvedOnSite: cmd.resolvedOnSite === true,
        },
      ];
      if (!cmd.resolvedOnSite) {
        if ((cmd.feeFen ?? 0) !== 0 || (cmd.collectedOnSiteFen ?? 0) !== 0)
          throw invalid('A visit that did not resolve the problem charges no fee yet', {
            ...ctx,
            field: 'feeFen',
          });
        return events;
      }
      const fee = repairFee(state, cmd.feeFen ?? 0, true, policy);
      events.push(...resolved(state, 'on_site', fee, at, by));
      if (fee.mode === 'collect_on_site' && fee.feeFen > 0) {
        // 001 §9: a low fee is collected on the spot by the service person.
        if (cmd.collectedOnSiteFen !== fee.feeFen)
          throw invalid(
            `A fee of ${formatFen(fee.feeFen)} is collected on the spot (up to ${formatFen(policy.repair.collectOnSiteUpToFen)}, 001 §9): collectedOnSiteFen must equal it`,
            { ...ctx, field: 'collectedOnSiteFen', feeFen: fee.feeFen },
          );
        events.push({ type: 'FeeCollectedOnSite', at, by, amountFen: fee.feeFen });
      } else if ((cmd.collectedOnSiteFen ?? 0) !== 0) {
        throw invalid(
          `${fee.mode === 'invoice_later' ? `A fee above ${formatFen(policy.repair.collectOnSiteUpToFen)} is invoiced by finance from the voucher` : 'No fee is charged'} (001 §9): nothing is collected on the spot`,
          { ...ctx, field: 'collectedOnSiteFen', mode: fee.mode },
        );
      }
      return events;
    }
    case 'RecordServiceCost': {
      // 001 §12: travel and allowances of an out-of-town service are booked as service cost.
      if (state.status === 'closed') throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['tech'], [], ctx);
      const kind = nonEmpty(cmd.kind, 'kind');
      const kinds = policy.repair.outOfTown.serviceCostKinds;
      if (!kinds.includes(kind))
        throw invalid(`kind must be one of ${kinds.join(', ')}`, { ...ctx, field: 'kind' });
      if (state.outOfTown?.decision !== 'approved')
        throw new DomainError(
          'OUT_OF_TOWN_NOT_APPROVED',
          'Travel and allowances are booked only on an approved out-of-town service (001 §12)',
          { ...ctx, kind },
        );
      assertFen(cmd.amountFen, 'amountFen');
      if (cmd.amountFen <= 0)
        throw new DomainError('MONEY_INVALID', 'A service cost must be positive', {
          ...ctx,
          amountFen: cmd.amountFen,
        });
      return [
        {
          type: 'ServiceCostRecorded',
          at,
          by,
          cost: { kind, amountFen: cmd.amountFen, note: cmd.note ?? '', by, at },
        },
      ];
    }
    case 'AcceptWorkshopItem': {
      // 002 ch.10 3, 4: excluded classes are refused; the customer gets a receipt.
      need('awaiting_dispatch', 'unresolved');
      assertActorIn(person(), ['cs', 'tech'], [], ctx);
      const intake = acceptWorkshopItem(
        {
          receivedAt: at,
          itemCode: cmd.itemCode ?? '',
          itemClass: cmd.itemClass ?? '',
          partToRepair: cmd.partToRepair ?? '',
          customerName: cmd.customerName ?? '',
          photo: cmd.photo ?? '',
        },
        policy,
      );
      nonEmpty(cmd.itemClass, 'itemClass');
      return [
        {
          type: 'WorkshopItemAccepted',
          at,
          by,
          receipt: {
            receiptNumber: nonEmpty(cmd.receiptNumber, 'receiptNumber'),
            receivedAt: at,
            itemCode: intake.receipt.itemCode,
            itemClass: intake.receipt.itemClass,
            partToRepair: intake.receipt.partToRepair,
            customerName: intake.receipt.customerName,
            photo: intake.receipt.photo,
          },
          basis: '002 ch.10 4 收条: 日期、商品编码、需维修部位',
        },
      ];
    }
    case 'RecordWorkshopRepair': {
      // 002 ch.10 1: repair in-house where possible.
      need('in_workshop');
      if (!ws || ws.inHouse !== 'pending') throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['tech'], [], ctx);
      const note = nonEmpty(cmd.note, 'note');
      if (!cmd.repaired) {
        if ((cmd.feeFen ?? 0) !== 0)
          throw invalid('An item not repaired in-house charges no fee', {
            ...ctx,
            field: 'feeFen',
          });
        return [{ type: 'WorkshopRepairRecorded', at, by, repaired: false, note }];
      }
      return [
        { type: 'WorkshopRepairRecorded', at, by, repaired: true, note },
        ...resolved(state, 'workshop', repairFee(state, cmd.feeFen ?? 0, false, policy), at, by),
      ];
    }
    case 'SendToExternalRepair': {
      // 002 ch.10 2, 4: the customer is told 1–6 months and that the result may differ; the
      // handover sheet carries customer name and photo; copy 3 goes with the item.
      need('in_workshop');
      if (!ws || ws.inHouse === 'repaired' || ws.external)
        throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['cs'], [], ctx);
      if (cmd.customerInformed !== true)
        throw invalid(
          `The customer must first be told the repair takes ${policy.repair.workshopReturnMonths.min}–${policy.repair.workshopReturnMonths.max} months and may not match the original (002 ch.10 2)`,
          { ...ctx, field: 'customerInformed' },
        );
      const window = externalRepairWindow(at, policy, calendar);
      return [
        {
          type: 'ExternalRepairSent',
          at,
          by,
          external: {
            sheet: {
              sheetNumber: nonEmpty(cmd.handoverSheetNumber, 'handoverSheetNumber'),
              repairer: nonEmpty(cmd.repairer, 'repairer'),
              customerName: ws.receipt.customerName,
              photo: ws.receipt.photo,
              itemCode: ws.receipt.itemCode,
              partToRepair: ws.receipt.partToRepair,
              copies: HANDOVER_SHEET_COPIES.map((c) => ({ ...c })),
            },
            sentAt: at,
            customerTold: {
              minMonths: policy.repair.workshopReturnMonths.min,
              maxMonths: policy.repair.workshopReturnMonths.max,
              resultMayDiffer: true,
            },
            expectedBetween: { earliest: window.earliest, latest: window.latest },
            expectedReturnBy: window.latest,
            reminders: window.reminders,
            returnedAt: null,
            repaired: null,
          },
        },
      ];
    }
    case 'RecordExternalReturn': {
      need('at_external_repairer');
      assertActorIn(person(), ['cs'], [], ctx);
      const note = nonEmpty(cmd.note, 'note');
      const events: RepairEvent[] = [
        { type: 'ExternalRepairReturned', at, by, repaired: cmd.repaired, note },
      ];
      if (!cmd.repaired && (cmd.feeFen ?? 0) !== 0)
        throw invalid('An item returned unrepaired charges no fee', { ...ctx, field: 'feeFen' });
      events.push(
        ...resolved(
          state,
          cmd.repaired ? 'external' : 'not_repaired',
          repairFee(state, cmd.feeFen ?? 0, false, policy),
          at,
          by,
        ),
      );
      return events;
    }
    case 'SortReturnedItem': {
      // 002 ch.10 5: what comes back from the external repairer is sorted first.
      need('returned');
      if (!ws?.external || ws.sortedAt !== null) throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['cs'], [], ctx);
      return [{ type: 'ReturnedItemSorted', at, by }];
    }
    case 'RecordCustomerCalled': {
      need('returned');
      if (!ws || ws.customerCalledAt !== null || (ws.external && ws.sortedAt === null))
        throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['cs'], [], ctx);
      return [{ type: 'CustomerCalled', at, by, note: cmd.note ?? '' }];
    }
    case 'RecordItemShipped': {
      need('returned');
      if (!ws || ws.customerCalledAt === null) throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['cs', 'warehouse'], [], ctx);
      return [{ type: 'ItemShipped', at, by, shipment: nonEmpty(cmd.shipment, 'shipment') }];
    }
    case 'RecordCustomerSignature': {
      need('awaiting_signatures');
      const v = state.voucher;
      if (v.signatureOrder === 'manager_only' || v.customerSignedAt !== null)
        throw illegal('repair', state.status, cmd.type);
      if (v.signatureOrder === 'manager_then_customer' && v.countersignedAt === null)
        throw signatureOrderError(
          state,
          cmd.type,
          'countersign',
          '001 §10 由部门经理核签后,送请客户签章',
        );
      assertActorIn(person(), ['tech', 'cs'], [], ctx);
      return [
        {
          type: 'VoucherCustomerSigned',
          at,
          by,
          voucherNumber: v.number,
          signedBy: nonEmpty(cmd.signedBy, 'signedBy'),
        },
      ];
    }
    case 'CountersignVoucher': {
      need('awaiting_signatures');
      const v = state.voucher;
      if (v.countersignedAt !== null) throw illegal('repair', state.status, cmd.type);
      if (v.signatureOrder === 'customer_then_manager' && v.customerSignedAt === null)
        throw signatureOrderError(
          state,
          cmd.type,
          'customer_signature',
          '001 §8 可当场处理完妥者即请客户于服务凭证上签字',
        );
      assertActorIn(person(), ['tech'], ['manager'], ctx);
      assertNotSelf(by, visit?.technicianId ?? null, 'service voucher', ctx);
      return [
        {
          type: 'VoucherCountersigned',
          at,
          by,
          voucherNumber: v.number,
          remarks: cmd.remarks ?? '',
        },
      ];
    }
    case 'FileVoucher': {
      // 001 §8, §11: CS records the content in the register and files the voucher.
      need('awaiting_filing');
      assertActorIn(person(), ['cs'], [], ctx);
      const content =
        [visit?.content, ws?.external ? `external: ${ws.external.sheet.repairer}` : null]
          .filter((s): s is string => !!s)
          .join('; ') ||
        (state.resolution ?? '');
      const events: RepairEvent[] = [
        {
          type: 'VoucherFiled',
          at,
          by,
          voucherNumber: state.voucher.number,
          register: { content, serviceCostFen: addFen(0, ...state.costs.map((c) => c.amountFen)) },
        },
      ];
      if (!feeNeedsFinance(state.fee?.handling))
        events.push({ type: 'FeeSettled', at, by, feeFen: state.fee?.handling.feeFen ?? 0 });
      return events;
    }
    case 'ConfirmCashAndMailInvoice': {
      // 001 §9: the cash collected on the spot reaches finance, which mails the invoice.
      need('settling');
      const fee = state.fee;
      if (!fee || fee.handling.mode !== 'collect_on_site' || fee.settled)
        throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['finance'], [], ctx);
      assertFen(cmd.receivedFen, 'receivedFen');
      if (cmd.receivedFen !== fee.collectedOnSiteFen)
        throw invalid(
          `Finance received ${formatFen(cmd.receivedFen)}, the technician collected ${formatFen(fee.collectedOnSiteFen ?? 0)}`,
          { ...ctx, field: 'receivedFen', collectedFen: fee.collectedOnSiteFen },
        );
      const invoiceNumber = nonEmpty(cmd.invoiceNumber, 'invoiceNumber');
      return [
        { type: 'CashHandedOver', at, by, amountFen: cmd.receivedFen },
        { type: 'InvoiceMailed', at, by, invoiceNumber },
        { type: 'FeeSettled', at, by, feeFen: fee.handling.feeFen },
      ];
    }
    case 'IssueInvoice': {
      // 001 §9: otherwise finance invoices from the voucher, then collects.
      need('settling');
      const fee = state.fee;
      if (!fee || fee.handling.mode !== 'invoice_later' || fee.invoiceNumber !== null)
        throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['finance'], [], ctx);
      return [
        {
          type: 'InvoiceIssued',
          at,
          by,
          invoiceNumber: nonEmpty(cmd.invoiceNumber, 'invoiceNumber'),
          collectBy: calendar.add(at, policy.repair.fees.collectWithin).ms,
        },
      ];
    }
    case 'RecordFeeCollected': {
      need('settling');
      const fee = state.fee;
      if (!fee || fee.handling.mode !== 'invoice_later' || fee.invoiceNumber === null)
        throw illegal('repair', state.status, cmd.type);
      assertActorIn(person(), ['finance'], [], ctx);
      assertFen(cmd.amountFen, 'amountFen');
      if (cmd.amountFen !== fee.handling.feeFen)
        throw invalid(
          `Collected ${formatFen(cmd.amountFen)} against the invoiced ${formatFen(fee.handling.feeFen)}`,
          { ...ctx, field: 'amountFen', invoicedFen: fee.handling.feeFen },
        );
      return [
        { type: 'FeeCollected', at, by, amountFen: cmd.amountFen },
        { type: 'FeeSettled', at, by, feeFen: fee.handling.feeFen },
      ];
    }
    case 'CloseRepair': {
      need('ready_to_close');
      assertActorIn(person(), ['cs'], [], ctx);
      return [
        {
          type: 'RepairClosed',
          at,
          by,
          resolution: state.resolution,
          parentCaseNumber: state.parentCaseNumber,
          outcome: outcomeOf(state.resolution),
        },
        // 001 §16: every service request is logged so the survey (follow-up call) can follow.
        {
          type: 'FollowUpRequested',
          at,
          by,
          parentCaseNumber: state.caseNumber,
          within: policy.followUp.afterClose,
        },
      ];
    }
  }
}

export const outcomeOf = (resolution: RepairResolution | null): string => {
  switch (resolution) {
    case 'on_site':
      return 'repaired on site';
    case 'workshop':
      return 'repaired in the workshop';
    case 'external':
      return 'repaired externally';
    case 'not_repaired':
      return 'returned unrepaired';
    case null:
      return 'closed';
  }
};

function resolved(
  state: RepairState,
  resolution: RepairResolution,
  fee: FeeHandling,
  at: number,
  by: string,
): RepairEvent[] {
  return [
    {
      type: 'ServiceResolved',
      at,
      by,
      resolution,
      signatureOrder: signatureOrderFor(state, resolution === 'on_site'),
    },
    { type: 'FeeAssessed', at, by, fee },
  ];
}

function signatureOrderError(
  state: RepairState,
  command: string,
  waitingFor: 'countersign' | 'customer_signature',
  basis: string,
): DomainError {
  return new DomainError(
    'ILLEGAL_TRANSITION',
    `The service voucher ${state.voucher.number} needs the ${waitingFor === 'countersign' ? "manager's countersignature" : "customer's signature"} first (${basis})`,
    {
      caseNumber: state.caseNumber,
      status: state.status,
      command,
      waitingFor,
      signatureOrder: state.voucher.signatureOrder,
    },
  );
}

function openRepair(
  cmd: Extract<RepairCommand, { type: 'OpenRepair' }>,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): RepairEvent {
  // 001 §7: CS takes the request by phone or document and writes the register entry.
  const actor = 'department' in cmd.actor ? cmd.actor : null;
  if (!actor) throw invalid('OpenRepair needs a person', { command: cmd.type });
  assertActorIn(actor, ['cs'], [], { command: cmd.type });
  const parsed = parseCaseNumber(cmd.caseNumber);
  if (!parsed || parsed.prefix !== policy.numbering.prefixes.repair) {
    throw new DomainError(
      'CASE_NUMBER_INVALID',
      `"${cmd.caseNumber}" is not a repair number (${policy.numbering.prefixes.repair}yyyymm-seq)`,
      { caseNumber: cmd.caseNumber },
    );
  }
  const entry = serviceRegisterEntry(cmd.entry);
  if (cmd.parentCaseNumber !== undefined) {
    const parent = parseCaseNumber(cmd.parentCaseNumber);
    if (!parent || parent.prefix !== policy.numbering.prefixes.complaint)
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${cmd.parentCaseNumber}" is not a complaint number`,
        { field: 'parentCaseNumber', caseNumber: cmd.parentCaseNumber },
      );
  }
  return {
    type: 'RepairOpened',
    at,
    by: actor.userId,
    caseNumber: cmd.caseNumber,
    policyVersion: policy.version,
    entry,
    voucherNumber: nonEmpty(cmd.voucherNumber, 'voucherNumber'),
    parentCaseNumber: cmd.parentCaseNumber ?? null,
    carryOverAt: carryOverAt(at, calendar, policy).at.getTime(),
  };
}
