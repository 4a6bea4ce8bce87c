import { BusinessCalendar, defaultPolicy, repairMeasures, type RepairEvent } from '@aso/domain';
import { repairKpiFigures } from './repair-kpis';

/**
 * The repair KPIs (issue 10 §9) from events alone, pinned to literal instants: the dispatch
 * time counts working hours only (09:00–18:00 Shanghai, no weekend), the rates and the fees
 * come with what they are made of.
 */
const calendar = new BusinessCalendar(defaultPolicy.calendar);
const at = (iso: string) => Date.parse(iso);
const ev = (type: string, when: string, extra: Record<string, unknown> = {}) =>
  ({ type, at: at(when), by: 'u', ...extra }) as unknown as RepairEvent;
const fee = (feeFen: number, mode: string) => ({
  fee: { kind: 'A', mode, invoice: null, feeFen, basis: '' },
});

/** Registered Friday 2026-12-04 17:00, dispatched Monday 2026-12-07 10:00 (Shanghai). */
const onSite = [
  ev('RepairOpened', '2026-12-04T17:00:00+08:00'),
  ev('TechnicianDispatched', '2026-12-07T10:00:00+08:00'),
  ev('VisitRecorded', '2026-12-07T15:00:00+08:00', { resolvedOnSite: true }),
  ev('ServiceResolved', '2026-12-07T15:00:00+08:00', { resolution: 'on_site' }),
  ev('FeeAssessed', '2026-12-07T15:00:00+08:00', fee(30_000, 'collect_on_site')),
  ev('FeeCollectedOnSite', '2026-12-07T15:00:00+08:00', { amountFen: 30_000 }),
  ev('InvoiceMailed', '2026-12-08T10:00:00+08:00', { invoiceNumber: 'FP-1' }),
];
/** Visited without a fix, then out 2026-12-10 → back 2027-01-24 (45 days), ¥800 invoiced, not yet paid. */
const external = [
  ev('RepairOpened', '2026-12-07T09:00:00+08:00'),
  ev('TechnicianDispatched', '2026-12-07T09:30:00+08:00'),
  ev('VisitRecorded', '2026-12-08T11:00:00+08:00', { resolvedOnSite: false }),
  ev('WorkshopItemAccepted', '2026-12-09T10:00:00+08:00'),
  ev('ExternalRepairSent', '2026-12-10T10:00:00+08:00'),
  ev('ExternalRepairReturned', '2027-01-24T10:00:00+08:00', { repaired: true }),
  ev('ServiceResolved', '2027-01-24T10:00:00+08:00', { resolution: 'external' }),
  ev('FeeAssessed', '2027-01-24T10:00:00+08:00', fee(80_000, 'invoice_later')),
  ev('InvoiceIssued', '2027-01-25T10:00:00+08:00', { invoiceNumber: 'FP-2', collectBy: 0 }),
];
const undispatched = [ev('RepairOpened', '2026-12-07T09:00:00+08:00')];

const member = (events: RepairEvent[]) => ({
  measures: repairMeasures(events, calendar),
  resolved: events.some((e) => e.type === 'ServiceResolved'),
});

describe('repair KPIs (issue 10 §9)', () => {
  test('issue 10 §9 dispatch time in working hours: Friday 17:00 → Monday 10:00 is 2 working hours (not 65 h); 09:00 → 09:30 is 0.5 h', () => {
    const figures = repairKpiFigures([member(onSite), member(external), member(undispatched)]);
    expect(figures.repairs).toEqual({ opened: 3 });
    expect(figures.dispatch).toEqual({
      dispatched: 2,
      undispatched: 1,
      totalWorkingHours: 2.5,
      meanWorkingHours: 1.25,
      provisional: 0,
    });
  });

  test('on-site resolution 1 of 2 resolved, first-visit 1 of 2 visited; external turnaround 45 days; ¥300 collected of ¥1,100 invoiced', () => {
    const figures = repairKpiFigures([member(onSite), member(external), member(undispatched)]);
    expect(figures.onSiteResolution).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(figures.firstVisitResolution).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(figures.externalRepair).toEqual({ returned: 1, totalDays: 45, meanDays: 45 });
    expect(figures.fees).toEqual({
      invoicedFen: 110_000,
      collectedFen: 30_000,
      collectedOfInvoiced: { numerator: 30_000, denominator: 110_000, rate: 30_000 / 110_000 },
    });
  });

  test('no repairs: every rate is null (no data), not 0', () => {
    const figures = repairKpiFigures([]);
    expect(figures.dispatch.meanWorkingHours).toBeNull();
    expect(figures.onSiteResolution.rate).toBeNull();
    expect(figures.externalRepair.meanDays).toBeNull();
    expect(figures.fees.collectedOfInvoiced.rate).toBeNull();
  });
});
