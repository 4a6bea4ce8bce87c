import { BusinessCalendar } from '../calendar/business-calendar';
import { localToInstant } from '../calendar/civil-time';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { consignmentPeriodEnd, commissionOf, termOf } from './consignment-periods';
import { decideConsignment } from './consignment.decide';
import { evolveConsignment } from './consignment.evolve';
import type { ConsignmentCommand, ConsignmentEvent, ConsignmentState } from './consignment.types';
import { consignmentWorkItems } from './consignment.work-items';

const policy = defaultPolicy;
const calendar = new BusinessCalendar(policy.calendar, defaultHolidayTables);
const at = (local: string) => localToInstant(local).getTime();
const sales: Actor = { userId: 'sales-01', department: 'sales', roles: ['staff'] };
const finance: Actor = { userId: 'finance-01', department: 'finance', roles: ['staff'] };
const warehouse: Actor = { userId: 'wh-01', department: 'warehouse', roles: ['staff'] };

function run(state: ConsignmentState | null, cmd: ConsignmentCommand, now: number) {
  const d = decideConsignment(state, cmd, now, policy, calendar);
  if (!d.ok) throw d.error;
  let s = state;
  for (const e of d.events) s = evolveConsignment(s, e);
  return { state: s as ConsignmentState, events: d.events as ConsignmentEvent[] };
}

const openCmd = (customerPresent: boolean): ConsignmentCommand => ({
  type: 'OpenConsignment',
  actor: sales,
  caseNumber: 'DX202601-0001',
  consignor: { name: '李明', surname: '李', phone: '13800000000', customerId: null },
  customerKind: 'wholesale',
  goods: [
    { item: 'Espresso machine EM-3', quantity: 10, priceFen: 129_900 },
    { item: 'Grinder G-1', quantity: 5, priceFen: 39_900 },
  ],
  terms: {
    commissionBp: 1500,
    reportPeriod: 'monthly',
    settlementPeriod: 'monthly',
    durationMonths: 12,
  },
  customerPresent,
});

describe('consignment (002 ch.12)', () => {
  it('K01 K02 002 ch.12 1: the counted goods are listed, every item coded pf001李, pf002李', () => {
    const { state } = run(null, openCmd(true), at('2026-01-05T10:00'));
    expect(state.items.map((i) => i.code)).toEqual(['pf001李', 'pf002李']);
    expect(state.listNumber).toBe('DX202601-0001-L');
    expect(state.status).toBe('active');
  });

  it('K03 002 ch.12 2: customer absent → signature awaited 7 days, reminded each working day', () => {
    const { state, events } = run(null, openCmd(false), at('2026-01-05T10:00'));
    expect(state.status).toBe('awaiting_signature');
    expect(events.map((e) => e.type)).toEqual(['ConsignmentOpened', 'SignatureRequested']);
    expect(new Date(state.signature.dueAt).toISOString()).toBe('2026-01-12T02:00:00.000Z');
    expect(state.signature.reminders.length).toBe(4); // Jan 6, 7, 8, 9 at 10:00
    expect(consignmentWorkItems(state).map((w) => w.type)).toEqual([
      'consignment_contract_signature',
    ]);
    expect(() =>
      run(state, { type: 'RecordSales', actor: sales, sales: [] }, at('2026-01-06T10:00')),
    ).toThrow(/does not accept RecordSales/);
    const signed = run(
      state,
      { type: 'RecordSignature', actor: sales, signatory: '李明' },
      at('2026-01-07T15:00'),
    );
    expect(signed.state.status).toBe('active');
    expect(new Date(signed.state.periodTo ?? 0).toISOString()).toBe('2026-01-30T10:00:00.000Z');
  });

  it('K04 002 ch.12 3: monthly periods end 18:00 on the last working day (Sat 2026-02-28 is 调休)', () => {
    const term = termOf(at('2026-01-05T10:00'), 'monthly', 12, policy, calendar);
    expect(term.periodsTotal).toBe(12);
    expect(new Date(term.firstPeriodTo).toISOString()).toBe('2026-01-30T10:00:00.000Z');
    expect(
      new Date(consignmentPeriodEnd('2026-01', 2, 'monthly', policy, calendar)).toISOString(),
    ).toBe('2026-02-28T10:00:00.000Z');
    expect(
      new Date(consignmentPeriodEnd('2026-01', 10, 'monthly', policy, calendar)).toISOString(),
    ).toBe('2026-10-30T10:00:00.000Z');
    expect(commissionOf(100_000, 1500)).toBe(15_000);
  });

  it('sales by code: idempotent by sale id; unknown codes and overselling refused with codes', () => {
    let { state } = run(null, openCmd(true), at('2026-01-05T10:00'));
    const sale = (saleId: string, code: string, quantity: number) => ({
      saleId,
      code,
      quantity,
      soldAt: '2026-01-06T03:00:00.000Z',
    });
    ({ state } = run(
      state,
      { type: 'RecordSales', actor: sales, sales: [sale('s1', 'pf001李', 3)] },
      at('2026-01-06T11:00'),
    ));
    const again = decideConsignment(
      state,
      { type: 'RecordSales', actor: sales, sales: [sale('s1', 'pf001李', 3)] },
      at('2026-01-06T12:00'),
      policy,
      calendar,
    );
    expect(again.ok && again.events).toEqual([]);
    const unknown = decideConsignment(
      state,
      { type: 'RecordSales', actor: sales, sales: [sale('s2', 'pf009李', 1)] },
      at('2026-01-06T12:00'),
      policy,
      calendar,
    );
    expect(!unknown.ok && unknown.error.code).toBe('CONSIGNMENT_ITEM_UNKNOWN');
    const over = decideConsignment(
      state,
      { type: 'RecordSales', actor: sales, sales: [sale('s3', 'pf001李', 8)] },
      at('2026-01-06T12:00'),
      policy,
      calendar,
    );
    expect(!over.ok && over.error.code).toBe('CONSIGNMENT_OVERSOLD');
    // the period's report, the settlement: proceeds 3 × ¥1,299.00 = ¥3,897.00, commission 15 %
    ({ state } = run(
      state,
      { type: 'ClosePeriod', actor: { userId: 'system' } },
      at('2026-01-30T18:00'),
    ));
    expect(state.reports[0]?.proceedsFen).toBe(389_700);
    expect(state.settlements[0]).toMatchObject({
      proceedsFen: 389_700,
      commissionFen: 58_455,
      netFen: 331_245,
    });
    expect(state.period).toBe(2);
    ({ state } = run(
      state,
      { type: 'MarkReportSent', actor: sales, period: 1, channel: 'wechat' },
      at('2026-02-02T10:00'),
    ));
    ({ state } = run(
      state,
      { type: 'SettlePeriod', actor: finance, settlement: 1, voucherRef: 'V-1' },
      at('2026-02-03T10:00'),
    ));
    // the consignor asks for the goods back: a final report, a settlement, the warehouse receipt
    ({ state } = run(
      state,
      { type: 'RequestReturn', actor: sales, reason: '客户要求退回' },
      at('2026-02-10T10:00'),
    ));
    expect(state.status).toBe('returning');
    const short = decideConsignment(
      state,
      { type: 'RecordReturnReceipt', actor: warehouse, lines: [{ code: 'pf001李', quantity: 7 }] },
      at('2026-02-11T10:00'),
      policy,
      calendar,
    );
    expect(!short.ok && short.error.code).toBe('QUANTITY_MISMATCH');
    ({ state } = run(
      state,
      {
        type: 'RecordReturnReceipt',
        actor: warehouse,
        lines: [
          { code: 'pf001李', quantity: 7 },
          { code: 'pf002李', quantity: 5 },
        ],
      },
      at('2026-02-11T10:00'),
    ));
    expect(state.status).toBe('returning');
    ({ state } = run(
      state,
      { type: 'MarkReportSent', actor: sales, period: 2, channel: 'letter' },
      at('2026-02-11T11:00'),
    ));
    const last = run(
      state,
      { type: 'SettlePeriod', actor: finance, settlement: 2, voucherRef: 'V-2' },
      at('2026-02-12T10:00'),
    );
    expect(last.events.map((e) => e.type)).toEqual(['SettlementSettled', 'ConsignmentClosed']);
    expect(consignmentWorkItems(last.state)).toEqual([]);
  });
});
