import { feeNeedsFinance } from './repair.decide';
import type { RepairEvent, RepairState, WorkshopRecord } from './repair.types';

/**
 * Fold one event into the state. Total and pure: replaying a case's events always rebuilds the
 * same state, which is what the audit trail and Temporal replay rely on.
 */
export function evolveRepair(state: RepairState | null, event: RepairEvent): RepairState {
  if (event.type === 'RepairOpened') {
    return {
      caseNumber: event.caseNumber,
      policyVersion: event.policyVersion,
      status: 'awaiting_dispatch',
      parentCaseNumber: event.parentCaseNumber,
      entry: event.entry,
      registeredBy: event.by,
      registeredAt: event.at,
      carryOverAt: event.carryOverAt,
      priority: 'normal',
      carriedOverFrom: [],
      dispatch: null,
      outOfTown: null,
      visits: [],
      costs: [],
      workshop: null,
      voucher: {
        number: event.voucherNumber,
        signatureOrder: null,
        customerSignedAt: null,
        customerSignatureRecordedBy: null,
        countersignedBy: null,
        countersignedAt: null,
        filedBy: null,
        filedAt: null,
      },
      resolution: null,
      fee: null,
      closedAt: null,
    };
  }
  if (state === null) throw new Error(`evolveRepair: ${event.type} before RepairOpened`);
  const withWorkshop = (patch: Partial<WorkshopRecord>): WorkshopRecord | null =>
    state.workshop ? { ...state.workshop, ...patch } : null;
  const lastVisit = state.visits.length - 1;
  const signaturesDone = (v: RepairState['voucher']): boolean =>
    v.countersignedAt !== null &&
    (v.signatureOrder === 'manager_only' || v.customerSignedAt !== null);

  switch (event.type) {
    case 'DispatchCarriedOver':
      return {
        ...state,
        priority: 'first',
        carriedOverFrom: [...state.carriedOverFrom, event.fromDay],
        carryOverAt: event.nextCarryOverAt,
      };
    case 'TechnicianDispatched':
      return {
        ...state,
        status: 'dispatched',
        dispatch: event.dispatch,
        // a new dispatch (revisit, other technician) needs its own out-of-town application
        outOfTown: null,
      };
    case 'VisitRescheduled':
      return {
        ...state,
        dispatch: state.dispatch && { ...state.dispatch, slot: event.slot },
      };
    case 'OutOfTownApplied':
      return {
        ...state,
        outOfTown: event.application,
        dispatch: state.dispatch && { ...state.dispatch, outOfTown: true },
      };
    case 'OutOfTownDecided':
      return {
        ...state,
        outOfTown: state.outOfTown && {
          ...state.outOfTown,
          decision: event.approved ? 'approved' : 'rejected',
          decidedBy: event.by,
          decidedAt: event.at,
          remarks: event.remarks,
        },
      };
    case 'VisitStarted':
      return {
        ...state,
        status: 'on_site',
        visits: [
          ...state.visits,
          {
            technicianId: event.technicianId,
            startedAt: event.at,
            actualStart: null,
            actualEnd: null,
            content: null,
            resolvedOnSite: null,
          },
        ],
      };
    case 'VisitRecorded':
      return {
        ...state,
        status: event.resolvedOnSite ? state.status : 'unresolved',
        visits: state.visits.map((v, i) =>
          i === lastVisit
            ? {
                ...v,
                actualStart: event.actualStart,
                actualEnd: event.actualEnd,
                content: event.content,
                resolvedOnSite: event.resolvedOnSite,
              }
            : v,
        ),
      };
    case 'ServiceCostRecorded':
      return { ...state, costs: [...state.costs, event.cost] };
    case 'WorkshopItemAccepted':
      return {
        ...state,
        status: 'in_workshop',
        workshop: {
          receipt: event.receipt,
          inHouse: 'pending',
          external: null,
          sortedAt: null,
          customerCalledAt: null,
          shippedAt: null,
          shipment: null,
        },
      };
    case 'WorkshopRepairRecorded':
      return {
        ...state,
        status: event.repaired ? 'returned' : state.status,
        workshop: withWorkshop({ inHouse: event.repaired ? 'repaired' : 'failed' }),
      };
    case 'ExternalRepairSent':
      return {
        ...state,
        status: 'at_external_repairer',
        workshop: withWorkshop({ external: event.external }),
      };
    case 'ExternalRepairReturned': {
      const external = state.workshop?.external;
      return {
        ...state,
        status: 'returned',
        workshop: withWorkshop({
          external: external
            ? { ...external, returnedAt: event.at, repaired: event.repaired }
            : null,
        }),
      };
    }
    case 'ReturnedItemSorted':
      return { ...state, workshop: withWorkshop({ sortedAt: event.at }) };
    case 'CustomerCalled':
      return { ...state, workshop: withWorkshop({ customerCalledAt: event.at }) };
    case 'ItemShipped':
      return {
        ...state,
        status: 'awaiting_signatures',
        workshop: withWorkshop({ shippedAt: event.at, shipment: event.shipment }),
      };
    case 'ServiceResolved':
      return {
        ...state,
        // on site: straight to the voucher; workshop/external: the item goes back first
        status: event.resolution === 'on_site' ? 'awaiting_signatures' : state.status,
        resolution: event.resolution,
        voucher: { ...state.voucher, signatureOrder: event.signatureOrder },
      };
    case 'FeeAssessed':
      return {
        ...state,
        fee: {
          handling: event.fee,
          collectedOnSiteFen: null,
          cashHandedOverAt: null,
          invoiceNumber: null,
          invoiceAt: null,
          collectBy: null,
          collectedFen: null,
          collectedAt: null,
          settled: false,
        },
      };
    case 'FeeCollectedOnSite':
      return {
        ...state,
        fee: state.fee && { ...state.fee, collectedOnSiteFen: event.amountFen },
      };
    case 'VoucherCustomerSigned': {
      const voucher = {
        ...state.voucher,
        customerSignedAt: event.at,
        customerSignatureRecordedBy: event.by,
      };
      return {
        ...state,
        status: signaturesDone(voucher) ? 'awaiting_filing' : state.status,
        voucher,
      };
    }
    case 'VoucherCountersigned': {
      const voucher = { ...state.voucher, countersignedBy: event.by, countersignedAt: event.at };
      return {
        ...state,
        status: signaturesDone(voucher) ? 'awaiting_filing' : state.status,
        voucher,
      };
    }
    case 'VoucherFiled':
      return {
        ...state,
        status: feeNeedsFinance(state.fee?.handling) ? 'settling' : 'ready_to_close',
        voucher: { ...state.voucher, filedBy: event.by, filedAt: event.at },
      };
    case 'CashHandedOver':
      return { ...state, fee: state.fee && { ...state.fee, cashHandedOverAt: event.at } };
    case 'InvoiceMailed':
      return {
        ...state,
        fee: state.fee && { ...state.fee, invoiceNumber: event.invoiceNumber, invoiceAt: event.at },
      };
    case 'InvoiceIssued':
      return {
        ...state,
        fee: state.fee && {
          ...state.fee,
          invoiceNumber: event.invoiceNumber,
          invoiceAt: event.at,
          collectBy: event.collectBy,
        },
      };
    case 'FeeCollected':
      return {
        ...state,
        fee: state.fee && { ...state.fee, collectedFen: event.amountFen, collectedAt: event.at },
      };
    case 'FeeSettled':
      return {
        ...state,
        status: 'ready_to_close',
        fee: state.fee && { ...state.fee, settled: true },
      };
    case 'RepairClosed':
      return { ...state, status: 'closed', closedAt: event.at };
    case 'FollowUpRequested':
      return state;
  }
}

export const replayRepair = (events: readonly RepairEvent[]): RepairState | null =>
  events.reduce<RepairState | null>((s, e) => evolveRepair(s, e), null);
