import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Fen } from '../money/money';
import type { RepairEvent } from './repair.types';

/** One repair's contribution to the repair KPIs (issue 10 §9), from its events alone. */
export interface RepairMeasures {
  /** request → technician first assigned, in working time (ms); null while undispatched */
  dispatchWorkingMs: number | null;
  dispatchProvisional: boolean;
  /** true/false once a first visit was recorded; null without a visit */
  resolvedOnFirstVisit: boolean | null;
  resolvedOnSite: boolean;
  /** handed to the external repairer → back (calendar ms); null if never out or not back */
  externalTurnaroundMs: number | null;
  invoicedFen: Fen;
  collectedFen: Fen;
}

export function repairMeasures(
  events: readonly RepairEvent[],
  calendar: BusinessCalendar,
): RepairMeasures {
  const opened = events.find((e) => e.type === 'RepairOpened');
  const dispatched = events.find((e) => e.type === 'TechnicianDispatched');
  const firstVisit = events.find((e) => e.type === 'VisitRecorded');
  const resolved = events.find((e) => e.type === 'ServiceResolved');
  const sent = events.find((e) => e.type === 'ExternalRepairSent');
  const back = events.find((e) => e.type === 'ExternalRepairReturned');
  const measured =
    opened && dispatched ? calendar.workingTimeBetween(opened.at, dispatched.at) : null;
  let invoicedFen = 0;
  let collectedFen = 0;
  let fee = 0;
  for (const e of events) {
    if (e.type === 'FeeAssessed') fee = e.fee.feeFen;
    if (e.type === 'InvoiceIssued' || e.type === 'InvoiceMailed') invoicedFen += fee;
    if (e.type === 'FeeCollectedOnSite' || e.type === 'FeeCollected') collectedFen += e.amountFen;
  }
  return {
    dispatchWorkingMs: measured?.ms ?? null,
    dispatchProvisional: measured?.provisional ?? false,
    resolvedOnFirstVisit:
      firstVisit && firstVisit.type === 'VisitRecorded' ? firstVisit.resolvedOnSite : null,
    resolvedOnSite: resolved?.type === 'ServiceResolved' && resolved.resolution === 'on_site',
    externalTurnaroundMs: sent && back ? back.at - sent.at : null,
    invoicedFen,
    collectedFen,
  };
}
