import { feeNeedsFinance, type RepairEvent, type RepairState } from '@aso/domain';
import {
  auditRecord,
  type CaseRecord,
  createDocument,
  type DocumentChange,
  updateDocument,
} from '../shared/case-records';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * What each repair event means for the case's documents (DOMAIN.md §3): the service voucher
 * 服务凭证 drawn with its number when CS registers the request (001 §7), its signatures in the
 * order 001 §8 (customer, then the manager's countersignature) or §10 (manager first) asks, its
 * filing and copies; the out-of-town application's decision (001 §12) as an approval; the
 * receipt 收条 and the handover sheet 交接单 of the workshop path (002 ch.10 4). Pure: the
 * runtime audits the event itself, then applies these in order.
 */
export function repairRecords(e: RepairEvent, s: RepairState): CaseRecord[] {
  const voucher = (
    status: string,
    content?: Record<string, unknown>,
    extra: Pick<DocumentChange, 'sign' | 'distribution'> = {},
  ): CaseRecord => {
    const change: DocumentChange = {
      docType: 'service_voucher',
      docNumber: s.voucher.number,
      revision: 1,
      status,
    };
    if (content) change.content = content;
    if (extra.sign) change.sign = extra.sign;
    if (extra.distribution) change.distribution = extra.distribution;
    return updateDocument(e, change);
  };
  switch (e.type) {
    case 'RepairOpened':
      // 001 §7: the register entry and the voucher CS draws for it.
      return [
        createDocument(e, {
          docType: 'service_voucher',
          docNumber: e.voucherNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'registered',
          content: {
            caseNumber: e.caseNumber,
            parentCaseNumber: e.parentCaseNumber,
            ...e.entry,
            technicianId: null,
            slot: null,
            actualStart: null,
            actualEnd: null,
            serviceContent: null,
            resolution: null,
            fee: null,
          },
          signatures: [{ by: e.by, role: 'registrar', at: iso(e.at) }],
        }),
      ];
    case 'TechnicianDispatched':
      return [
        voucher('dispatched', {
          technicianId: e.dispatch.technicianId,
          slot: { start: iso(e.dispatch.slot.start), end: iso(e.dispatch.slot.end) },
          outOfTown: e.dispatch.outOfTown,
          carriedOver: e.dispatch.carriedOver,
        }),
      ];
    case 'VisitRescheduled':
      return [voucher('dispatched', { slot: { start: iso(e.slot.start), end: iso(e.slot.end) } })];
    case 'OutOfTownApplied':
      return [
        auditRecord('approval.requested', e, {
          action: 'out_of_town_service',
          destination: e.application.destination,
          estimatedCostFen: e.application.estimatedCostFen,
          explanation: e.application.route.explanation,
        }),
      ];
    case 'OutOfTownDecided':
      return [
        auditRecord(e.approved ? 'approval.signed' : 'approval.rejected', e, {
          action: 'out_of_town_service',
          remarks: e.remarks,
          explanation: s.outOfTown?.route.explanation ?? null,
        }),
      ];
    case 'VisitRecorded':
      // 001 §10: actual time and content are written on the voucher.
      return [
        voucher('visited', {
          actualStart: iso(e.actualStart),
          actualEnd: iso(e.actualEnd),
          serviceContent: e.content,
        }),
      ];
    case 'ServiceResolved':
      return [
        voucher('awaiting_signatures', {
          resolution: e.resolution,
          signatureOrder: e.signatureOrder,
        }),
      ];
    case 'FeeAssessed':
      return [voucher('awaiting_signatures', { fee: { ...e.fee } })];
    case 'VoucherCustomerSigned':
      // 001 §8: the customer signs (the technician or CS records it).
      return [
        voucher(
          s.status === 'awaiting_filing' ? 'signed' : 'customer_signed',
          { customerSignatureRecordedBy: e.by },
          { sign: { by: e.signedBy, role: 'customer' } },
        ),
      ];
    case 'VoucherCountersigned':
      return [
        auditRecord('approval.signed', e, { action: 'service_voucher', remarks: e.remarks }),
        voucher(s.status === 'awaiting_filing' ? 'signed' : 'countersigned', undefined, {
          sign: { by: e.by, role: 'tech_manager' },
        }),
      ];
    case 'VoucherFiled':
      // 001 §8, §11: CS keeps it with the register; finance invoices from it (001 §9).
      return [
        voucher(
          'filed',
          { register: { ...e.register } },
          {
            distribution: feeNeedsFinance(s.fee?.handling)
              ? [
                  { department: 'cs', copy: 1 },
                  { department: 'finance', copy: 2 },
                ]
              : [{ department: 'cs', copy: 1 }],
          },
        ),
      ];
    case 'FeeCollectedOnSite':
      return [voucher('awaiting_signatures', { collectedOnSiteFen: e.amountFen })];
    case 'InvoiceMailed':
      return [voucher('invoiced', { invoiceNumber: e.invoiceNumber, invoiceMailed: true })];
    case 'InvoiceIssued':
      return [voucher('invoiced', { invoiceNumber: e.invoiceNumber, collectBy: iso(e.collectBy) })];
    case 'FeeSettled':
      // a voucher with no fee to collect stays `filed`; finance's settlement moves it on
      return feeNeedsFinance(s.fee?.handling)
        ? [voucher('settled', { feeSettledFen: e.feeFen })]
        : [];
    case 'RepairClosed':
      return [voucher('closed', { outcome: e.outcome })];
    case 'WorkshopItemAccepted':
      // 002 ch.10 4: the customer's receipt — date, item code, part to repair (and the photo).
      return [
        createDocument(e, {
          docType: 'repair_receipt',
          docNumber: e.receipt.receiptNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            caseNumber: s.caseNumber,
            receivedAt: iso(e.receipt.receivedAt),
            itemCode: e.receipt.itemCode,
            itemClass: e.receipt.itemClass,
            partToRepair: e.receipt.partToRepair,
            customerName: e.receipt.customerName,
            photo: e.receipt.photo,
            basis: e.basis,
          },
          signatures: [{ by: e.by, role: 'receiver', at: iso(e.at) }],
        }),
      ];
    case 'ExternalRepairSent': {
      // 002 ch.10 4: customer name and photo on the handover sheet; copy 3 goes with the item.
      const sheet = e.external.sheet;
      return [
        createDocument(e, {
          docType: 'handover_sheet',
          docNumber: sheet.sheetNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'sent',
          content: {
            caseNumber: s.caseNumber,
            repairer: sheet.repairer,
            customerName: sheet.customerName,
            photo: sheet.photo,
            itemCode: sheet.itemCode,
            partToRepair: sheet.partToRepair,
            expectedReturnBy: iso(e.external.expectedReturnBy),
            customerTold: { ...e.external.customerTold },
          },
          distribution: sheet.copies.map((c) => ({ department: c.holder, copy: c.copy })),
          signatures: [{ by: e.by, role: 'cs', at: iso(e.at) }],
        }),
      ];
    }
    case 'ExternalRepairReturned': {
      const sheet = s.workshop?.external?.sheet;
      return sheet
        ? [
            updateDocument(e, {
              docType: 'handover_sheet',
              docNumber: sheet.sheetNumber,
              revision: 1,
              status: 'returned',
              content: { returnedAt: iso(e.at), repaired: e.repaired, note: e.note },
            }),
          ]
        : [];
    }
    case 'DispatchCarriedOver':
    case 'ServiceCostRecorded':
    case 'VisitStarted':
    case 'WorkshopRepairRecorded':
    case 'ReturnedItemSorted':
    case 'CustomerCalled':
    case 'ItemShipped':
    case 'CashHandedOver':
    case 'FeeCollected':
    case 'FollowUpRequested':
      return [];
  }
}
