import type { ConsignmentEvent, ConsignmentState } from './consignment.types';

/** The fold of a consignment's events (pure; the decider's events only). */
export function evolveConsignment(
  s: ConsignmentState | null,
  e: ConsignmentEvent,
): ConsignmentState {
  if (e.type === 'ConsignmentOpened')
    return {
      caseNumber: e.caseNumber,
      status: 'awaiting_signature',
      policyVersion: e.policyVersion,
      consignor: { ...e.consignor },
      customerKind: e.customerKind,
      items: e.items.map((i) => ({ ...i })),
      terms: { ...e.terms },
      listNumber: e.listNumber,
      contractNumber: e.contractNumber,
      openedAt: e.at,
      openedBy: e.by,
      customerPresent: e.customerPresent,
      signature: {
        dueAt: e.signatureDueAt,
        reminders: [...e.signatureReminders],
        remindersSent: 0,
        signedAt: null,
        signedBy: null,
        signatory: null,
      },
      activatedAt: null,
      period: 0,
      periodFrom: null,
      periodTo: null,
      periodsTotal: 0,
      firstMonth: null,
      periodSales: {},
      saleIds: [],
      salesCount: 0,
      reports: [],
      settlements: [],
      returnRequested: null,
      receipt: null,
      closedAt: null,
    };
  if (s === null) throw new Error(`consignment event ${e.type} before ConsignmentOpened`);
  switch (e.type) {
    case 'SignatureRequested':
      return s;
    case 'SignatureReminderSent':
      return { ...s, signature: { ...s.signature, remindersSent: e.reminder } };
    case 'ConsignmentSigned':
      return {
        ...s,
        status: 'active',
        signature: { ...s.signature, signedAt: e.at, signedBy: e.by, signatory: e.signatory },
        activatedAt: e.at,
        period: 1,
        periodFrom: e.periodFrom,
        periodTo: e.periodTo,
        periodsTotal: e.periodsTotal,
        firstMonth: e.firstMonth,
      };
    case 'SalesRecorded': {
      const bySold = new Map<string, number>();
      for (const sale of e.sales)
        bySold.set(sale.code, (bySold.get(sale.code) ?? 0) + sale.quantity);
      const periodSales = { ...s.periodSales };
      for (const [code, q] of bySold) periodSales[code] = (periodSales[code] ?? 0) + q;
      return {
        ...s,
        items: s.items.map((i) => ({ ...i, sold: i.sold + (bySold.get(i.code) ?? 0) })),
        periodSales,
        saleIds: [...s.saleIds, ...e.sales.map((x) => x.saleId)],
        salesCount: s.salesCount + e.sales.length,
      };
    }
    case 'PeriodReported':
      return {
        ...s,
        reports: [...s.reports, e.report],
        periodSales: {},
        ...(e.nextPeriodTo === null
          ? { periodTo: null }
          : { period: s.period + 1, periodFrom: e.report.to, periodTo: e.nextPeriodTo }),
      };
    case 'SettlementDue':
      return { ...s, settlements: [...s.settlements, e.settlement] };
    case 'ReportSent':
      return {
        ...s,
        reports: s.reports.map((r) =>
          r.period === e.period ? { ...r, sentAt: e.at, sentBy: e.by } : r,
        ),
      };
    case 'SettlementSettled':
      return {
        ...s,
        settlements: s.settlements.map((x) =>
          x.number === e.settlement
            ? { ...x, settledAt: e.at, settledBy: e.by, voucherRef: e.voucherRef }
            : x,
        ),
      };
    case 'ReturnRequested':
      return {
        ...s,
        status: 'returning',
        returnRequested: { at: e.at, by: e.by, reason: e.reason },
      };
    case 'ReturnReceived':
      return {
        ...s,
        receipt: e.receipt,
        items: s.items.map((i) => ({ ...i })),
      };
    case 'ConsignmentClosed':
      return { ...s, status: 'closed', closedAt: e.at };
  }
}
