import type { Fen } from '../money/money';
import type { Actor } from '../shared/org';
import type { ConsignorKind } from './item-code';

export type ConsignmentStatus = 'awaiting_signature' | 'active' | 'returning' | 'closed';
export type ConsignmentPeriod = 'monthly' | 'quarterly';

/** The consignor (委托人): a customer, whose surname labels every item (K02). */
export interface Consignor {
  name: string;
  /** one or two Han characters (李, 欧阳) */
  surname: string;
  phone: string | null;
  customerId: string | null;
}

/** The contract terms (代销合同): commission in basis points of the proceeds (1500 = 15 %). */
export interface ConsignmentTerms {
  commissionBp: number;
  reportPeriod: ConsignmentPeriod;
  settlementPeriod: ConsignmentPeriod;
  durationMonths: number;
}

export interface GoodsLine {
  item: string;
  quantity: number;
  /** the agreed price per unit, integer fen */
  priceFen: Fen;
}

/** One line of the 委托代销清单 with its code (K02) and what has been sold of it. */
export interface ConsignedItem extends GoodsLine {
  code: string;
  sold: number;
}

export interface SaleLine {
  /** the sale's own id: recording it again is a no-op */
  saleId: string;
  code: string;
  quantity: number;
  /** when the sale happened (epoch ms) */
  soldAt: number;
}

/** A sale as a person records it: `soldAt` an ISO instant (absent: when it is recorded). */
export interface SaleInput {
  saleId: string;
  code: string;
  quantity: number;
  soldAt?: string | undefined;
}

export interface ReportLine {
  code: string;
  item: string;
  soldInPeriod: number;
  soldTotal: number;
  stockLeft: number;
  proceedsFen: Fen;
}

/** A period's sales report to the consignor (K04): generated at the period's end, sent by sales. */
export interface PeriodReport {
  period: number;
  docNumber: string;
  from: number;
  to: number;
  lines: ReportLine[];
  proceedsFen: Fen;
  final: boolean;
  generatedAt: number;
  sentAt: number | null;
  sentBy: string | null;
}

/** A settlement with finance: proceeds of its periods minus the commission. */
export interface Settlement {
  number: number;
  docNumber: string;
  periods: number[];
  proceedsFen: Fen;
  commissionFen: Fen;
  netFen: Fen;
  dueAt: number;
  settledAt: number | null;
  settledBy: string | null;
  voucherRef: string | null;
}

export interface ReceiptLine {
  code: string;
  quantity: number;
}

export interface ReturnReceipt {
  lines: ReceiptLine[];
  expected: ReceiptLine[];
  discrepancies: { code: string; expected: number; received: number }[];
  note: string | null;
  receivedAt: number;
  receivedBy: string;
}

export interface ConsignmentState {
  caseNumber: string;
  status: ConsignmentStatus;
  policyVersion: number;
  consignor: Consignor;
  customerKind: ConsignorKind;
  items: ConsignedItem[];
  terms: ConsignmentTerms;
  listNumber: string;
  contractNumber: string;
  openedAt: number;
  openedBy: string;
  customerPresent: boolean;
  signature: {
    dueAt: number;
    reminders: number[];
    remindersSent: number;
    signedAt: number | null;
    signedBy: string | null;
    signatory: string | null;
  };
  /** the term runs from the signature; null while it is awaited */
  activatedAt: number | null;
  /** the current period (1-based) and its bounds; 0 before activation */
  period: number;
  periodFrom: number | null;
  periodTo: number | null;
  periodsTotal: number;
  /** the month ("YYYY-MM") the first period ends in */
  firstMonth: string | null;
  /** sold in the current period, by code */
  periodSales: Record<string, number>;
  /** every sale id recorded, for idempotency across the whole term */
  saleIds: string[];
  salesCount: number;
  reports: PeriodReport[];
  settlements: Settlement[];
  returnRequested: { at: number; by: string; reason: 'term_end' | 'consignor_request' } | null;
  receipt: ReturnReceipt | null;
  closedAt: number | null;
}

interface Base {
  actor: Actor | { userId: string };
}

export type ConsignmentCommand =
  | (Base & {
      type: 'OpenConsignment';
      caseNumber: string;
      consignor: Consignor;
      customerKind: ConsignorKind;
      goods: GoodsLine[];
      terms: ConsignmentTerms;
      /** K03: absent → the quantities and the contract go to the customer for signature */
      customerPresent: boolean;
    })
  | (Base & { type: 'RecordSignature'; signatory: string })
  | (Base & { type: 'SendSignatureReminder' })
  | (Base & { type: 'RecordSales'; sales: SaleInput[] })
  | (Base & { type: 'ClosePeriod' })
  | (Base & { type: 'MarkReportSent'; period: number; channel: string })
  | (Base & { type: 'SettlePeriod'; settlement: number; voucherRef: string })
  | (Base & { type: 'RequestReturn'; reason: string })
  | (Base & { type: 'RecordReturnReceipt'; lines: ReceiptLine[]; note?: string | undefined });

interface EventBase {
  by: string;
  at: number;
}

export type ConsignmentEvent =
  | (EventBase & {
      type: 'ConsignmentOpened';
      caseNumber: string;
      policyVersion: number;
      consignor: Consignor;
      customerKind: ConsignorKind;
      items: ConsignedItem[];
      terms: ConsignmentTerms;
      listNumber: string;
      contractNumber: string;
      customerPresent: boolean;
      signatureDueAt: number;
      signatureReminders: number[];
    })
  | (EventBase & { type: 'SignatureRequested'; contractNumber: string; dueAt: number })
  | (EventBase & { type: 'SignatureReminderSent'; reminder: number; dueAt: number })
  | (EventBase & {
      type: 'ConsignmentSigned';
      signatory: string;
      periodFrom: number;
      periodTo: number;
      periodsTotal: number;
      firstMonth: string;
    })
  | (EventBase & { type: 'SalesRecorded'; sales: SaleLine[]; duplicates: string[] })
  | (EventBase & {
      type: 'PeriodReported';
      report: PeriodReport;
      /** the next period's end, null when this report is the last */
      nextPeriodTo: number | null;
    })
  | (EventBase & { type: 'SettlementDue'; settlement: Settlement })
  | (EventBase & { type: 'ReportSent'; period: number; docNumber: string; channel: string })
  | (EventBase & {
      type: 'SettlementSettled';
      settlement: number;
      docNumber: string;
      voucherRef: string;
    })
  | (EventBase & {
      type: 'ReturnRequested';
      reason: 'term_end' | 'consignor_request';
      note: string;
    })
  | (EventBase & { type: 'ReturnReceived'; receipt: ReturnReceipt })
  | (EventBase & { type: 'ConsignmentClosed' });
