import type { ApprovalRoute } from '../approval/route-approval';
import type { Duration } from '../calendar/duration';
import type { Fen } from '../money/money';
import type { Actor } from '../shared/org';
import type { Booking, Slot } from './appointment';
import type { FeeHandling, ServiceKind } from './service-kind';

/** How the service request reached CS (001 §7: 电话或文件), or a complaint decided as repair. */
export const REPAIR_CHANNELS = ['phone', 'document', 'store', 'online', 'complaint'] as const;
export type RepairChannel = (typeof REPAIR_CHANNELS)[number];

/** One line of the service register 服务登记簿 (001 §7). */
export interface ServiceRegisterEntry {
  customerName: string;
  address: string;
  phone: string;
  productModel: string;
  spec: string;
  /** YYYY-MM-DD */
  purchaseDate: string;
  purchasePlace: string;
  serviceKind: ServiceKind;
  problem: string;
  channel: RepairChannel;
}

export type RepairStatus =
  /** registered by CS; the tech department manager dispatches (001 §7, §11) */
  | 'awaiting_dispatch'
  /** a technician and a slot are assigned; out-of-town needs the approval first (001 §12) */
  | 'dispatched'
  /** the technician started the visit */
  | 'on_site'
  /** the visit did not resolve it: another visit, or the item goes to the workshop */
  | 'unresolved'
  /** the item is with us: in-house repair where possible (002 ch.10 1) */
  | 'in_workshop'
  /** handed over to the external repairer (002 ch.10 2, 4) */
  | 'at_external_repairer'
  /** the item is back: sort, call the customer, ship (002 ch.10 5) */
  | 'returned'
  /** the service voucher collects its signatures (001 §8, §10) */
  | 'awaiting_signatures'
  | 'awaiting_filing'
  /** finance invoices / collects (001 §9) */
  | 'settling'
  | 'ready_to_close'
  | 'closed';

export interface RepairDispatch {
  technicianId: string;
  dispatchedBy: string;
  dispatchedAt: number;
  slot: Slot;
  outOfTown: boolean;
  /** the dispatch came after the request had been carried over (001 §11) */
  carriedOver: boolean;
}

/** 异地服务申请单 (001 §12). */
export interface OutOfTownApplication {
  destination: string;
  reason: string;
  estimatedCostFen: Fen;
  appliedBy: string;
  appliedAt: number;
  route: ApprovalRoute;
  decision: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: number | null;
  remarks: string;
}

export interface VisitRecord {
  technicianId: string;
  startedAt: number;
  /** the actual service time written on the voucher and in the register (001 §10) */
  actualStart: number | null;
  actualEnd: number | null;
  content: string | null;
  resolvedOnSite: boolean | null;
}

export interface ServiceCost {
  kind: string;
  amountFen: Fen;
  note: string;
  by: string;
  at: number;
}

/** The receipt 收条 given to the customer (002 ch.10 4). */
export interface RepairReceipt {
  receiptNumber: string;
  receivedAt: number;
  itemCode: string;
  itemClass: string;
  partToRepair: string;
  customerName: string;
  photo: string;
}

export interface HandoverCopy {
  copy: number;
  holder: 'cs' | 'external_repairer';
  purpose: string;
}

/** The handover sheet 交接单 to the external repairer (002 ch.10 4). */
export interface HandoverSheet {
  sheetNumber: string;
  repairer: string;
  customerName: string;
  photo: string;
  itemCode: string;
  partToRepair: string;
  copies: HandoverCopy[];
}

export interface ExternalRepair {
  sheet: HandoverSheet;
  sentAt: number;
  /** what the customer was told (002 ch.10 2): months, and that the result may differ */
  customerTold: { minMonths: number; maxMonths: number; resultMayDiffer: true };
  expectedBetween: { earliest: number; latest: number };
  /** the expected-return deadline; reminders run before it, escalation after it */
  expectedReturnBy: number;
  reminders: number[];
  returnedAt: number | null;
  repaired: boolean | null;
}

export interface WorkshopRecord {
  receipt: RepairReceipt;
  inHouse: 'pending' | 'repaired' | 'failed';
  external: ExternalRepair | null;
  /** 002 ch.10 5: on return — sorted (external batches only), customer called, shipped */
  sortedAt: number | null;
  customerCalledAt: number | null;
  shippedAt: number | null;
  shipment: string | null;
}

/** 服务凭证: who signs in which order (001 §8 on site: customer first; §10: manager first). */
export type SignatureOrder = 'customer_then_manager' | 'manager_then_customer' | 'manager_only';

export interface ServiceVoucher {
  number: string;
  signatureOrder: SignatureOrder | null;
  customerSignedAt: number | null;
  customerSignatureRecordedBy: string | null;
  countersignedBy: string | null;
  countersignedAt: number | null;
  filedBy: string | null;
  filedAt: number | null;
}

export type RepairResolution = 'on_site' | 'workshop' | 'external' | 'not_repaired';

export interface RepairFee {
  handling: FeeHandling;
  collectedOnSiteFen: Fen | null;
  cashHandedOverAt: number | null;
  invoiceNumber: string | null;
  invoiceAt: number | null;
  /** invoice_later: finance collects by then (policy repair.fees.collectWithin) */
  collectBy: number | null;
  collectedFen: Fen | null;
  collectedAt: number | null;
  settled: boolean;
}

export interface RepairState {
  caseNumber: string;
  policyVersion: number;
  status: RepairStatus;
  parentCaseNumber: string | null;
  entry: ServiceRegisterEntry;
  registeredBy: string;
  registeredAt: number;
  /** 001 §11: when the undispatched request next carries over (end of its working day) */
  carryOverAt: number;
  /** priority 'first' once carried over, for the next working day (001 §11) */
  priority: 'normal' | 'first';
  carriedOverFrom: string[];
  dispatch: RepairDispatch | null;
  outOfTown: OutOfTownApplication | null;
  visits: VisitRecord[];
  costs: ServiceCost[];
  workshop: WorkshopRecord | null;
  voucher: ServiceVoucher;
  resolution: RepairResolution | null;
  fee: RepairFee | null;
  closedAt: number | null;
}

type Cmd<T extends string, P = object> = { type: T; actor: Actor } & P;
/** Commands raised by the workflow itself (the daily check), not by a person. */
type SysCmd<T extends string, P = object> = { type: T; actor: { userId: 'system' } } & P;

export type RepairCommand =
  | Cmd<
      'OpenRepair',
      {
        caseNumber: string;
        entry: ServiceRegisterEntry;
        voucherNumber: string;
        parentCaseNumber?: string;
      }
    >
  | SysCmd<'CarryOverDispatch'>
  | Cmd<
      'DispatchTechnician',
      {
        technicianId: string;
        slot: Slot;
        outOfTown: boolean;
        /** the technician's other bookings (read model): a slot never overlaps one (001 篇3 二.(二)4) */
        technicianBookings: Booking[];
      }
    >
  | Cmd<'RescheduleVisit', { slot: Slot; technicianBookings: Booking[] }>
  | Cmd<'ApplyOutOfTown', { destination: string; reason: string; estimatedCostFen: Fen }>
  | Cmd<'DecideOutOfTown', { approve: boolean; remarks?: string }>
  | Cmd<'StartVisit'>
  | Cmd<
      'RecordVisit',
      {
        actualStart: number;
        actualEnd: number;
        content: string;
        resolvedOnSite: boolean;
        feeFen?: Fen;
        /** a low paid fee collected on the spot (001 §9) */
        collectedOnSiteFen?: Fen;
      }
    >
  | Cmd<'RecordServiceCost', { kind: string; amountFen: Fen; note?: string }>
  | Cmd<
      'AcceptWorkshopItem',
      {
        receiptNumber: string;
        itemCode: string;
        itemClass: string;
        partToRepair: string;
        customerName: string;
        photo: string;
      }
    >
  | Cmd<'RecordWorkshopRepair', { repaired: boolean; note: string; feeFen?: Fen }>
  | Cmd<
      'SendToExternalRepair',
      {
        repairer: string;
        handoverSheetNumber: string;
        /** the customer was told 1–6 months and that the result may differ (002 ch.10 2) */
        customerInformed: boolean;
      }
    >
  | Cmd<'RecordExternalReturn', { repaired: boolean; note: string; feeFen?: Fen }>
  | Cmd<'SortReturnedItem'>
  | Cmd<'RecordCustomerCalled', { note?: string }>
  | Cmd<'RecordItemShipped', { shipment: string }>
  | Cmd<'RecordCustomerSignature', { signedBy: string }>
  | Cmd<'CountersignVoucher', { remarks?: string }>
  | Cmd<'FileVoucher'>
  | Cmd<'ConfirmCashAndMailInvoice', { receivedFen: Fen; invoiceNumber: string }>
  | Cmd<'IssueInvoice', { invoiceNumber: string }>
  | Cmd<'RecordFeeCollected', { amountFen: Fen }>
  | Cmd<'CloseRepair'>;

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type RepairEvent =
  | Ev<
      'RepairOpened',
      {
        caseNumber: string;
        policyVersion: number;
        entry: ServiceRegisterEntry;
        voucherNumber: string;
        parentCaseNumber: string | null;
        carryOverAt: number;
      }
    >
  | Ev<
      'DispatchCarriedOver',
      { fromDay: string; priorityDay: string; priorityFrom: number; nextCarryOverAt: number }
    >
  | Ev<'TechnicianDispatched', { dispatch: RepairDispatch }>
  | Ev<'VisitRescheduled', { slot: Slot }>
  | Ev<'OutOfTownApplied', { application: OutOfTownApplication }>
  | Ev<'OutOfTownDecided', { approved: boolean; remarks: string }>
  | Ev<'VisitStarted', { technicianId: string }>
  | Ev<
      'VisitRecorded',
      {
        actualStart: number;
        actualEnd: number;
        content: string;
        resolvedOnSite: boolean;
      }
    >
  | Ev<'ServiceCostRecorded', { cost: ServiceCost }>
  | Ev<'WorkshopItemAccepted', { receipt: RepairReceipt; basis: string }>
  | Ev<'WorkshopRepairRecorded', { repaired: boolean; note: string }>
  | Ev<'ExternalRepairSent', { external: ExternalRepair }>
  | Ev<'ExternalRepairReturned', { repaired: boolean; note: string }>
  | Ev<'ReturnedItemSorted'>
  | Ev<'CustomerCalled', { note: string }>
  | Ev<'ItemShipped', { shipment: string }>
  | Ev<'ServiceResolved', { resolution: RepairResolution; signatureOrder: SignatureOrder }>
  | Ev<'FeeAssessed', { fee: FeeHandling }>
  | Ev<'FeeCollectedOnSite', { amountFen: Fen }>
  | Ev<'VoucherCustomerSigned', { voucherNumber: string; signedBy: string }>
  | Ev<'VoucherCountersigned', { voucherNumber: string; remarks: string }>
  | Ev<
      'VoucherFiled',
      { voucherNumber: string; register: { content: string; serviceCostFen: Fen } }
    >
  | Ev<'CashHandedOver', { amountFen: Fen }>
  | Ev<'InvoiceMailed', { invoiceNumber: string }>
  | Ev<'InvoiceIssued', { invoiceNumber: string; collectBy: number }>
  | Ev<'FeeCollected', { amountFen: Fen }>
  | Ev<'FeeSettled', { feeFen: Fen }>
  | Ev<
      'RepairClosed',
      { resolution: RepairResolution | null; parentCaseNumber: string | null; outcome: string }
    >
  | Ev<'FollowUpRequested', { parentCaseNumber: string; within: Duration }>;
