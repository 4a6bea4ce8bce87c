import type { ComplaintMonth } from '@aso/persistence';
import { indicatorReports } from './indicators';

const month = (m: string, over: Partial<ComplaintMonth>): ComplaintMonth => ({
  month: m,
  opened: 0,
  closedOfOpened: 0,
  resolvedWithin: 0,
  firstResponseWithin: 0,
  closed: 0,
  closedOnTime: 0,
  ...over,
});
const volume = (m: string, units: number) => ({
  month: m,
  units,
  orders: null,
  recordedBy: 'sales-01',
  recordedAt: '2026-12-01T00:00:00.000Z',
});

describe('indicator reports (X12 003 §五.1)', () => {
  const reports = indicatorReports(
    ['2026-10', '2026-11', '2026-12'],
    [
      month('2026-10', { opened: 4, resolvedWithin: 3, closedOfOpened: 4, firstResponseWithin: 4 }),
      month('2026-11', {
        opened: 10,
        resolvedWithin: 4,
        closedOfOpened: 9,
        closed: 8,
        closedOnTime: 8,
      }),
    ],
    [volume('2026-10', 400), volume('2026-11', 500)],
  );
  const of = (id: string) => reports.find((r) => r.id === id)!;

  it('X12 003 §五.1: each indicator comes with its definition, formula, target and one point per month (an empty month included)', () => {
    for (const r of reports) {
      expect(r.byMonth.map((p) => p.month)).toEqual(['2026-10', '2026-11', '2026-12']);
      expect(r).toHaveProperty('definition');
      expect(r).toHaveProperty('formula');
      expect(r).toHaveProperty('target.value');
    }
    expect(of('complaint_resolution').byMonth[2]).toEqual({
      month: '2026-12',
      numerator: 0,
      denominator: 0,
      rate: null,
      meetsTarget: null,
    });
  });

  it('C32 002 客户服务制度 一.3: share resolved within 24 h by month against "more than half": October 3/4 meets it, November 4/10 does not', () => {
    expect(of('resolved_within_24h').byMonth.slice(0, 2)).toEqual([
      { month: '2026-10', numerator: 3, denominator: 4, rate: 0.75, meetsTarget: true },
      { month: '2026-11', numerator: 4, denominator: 10, rate: 0.4, meetsTarget: false },
    ]);
    expect(of('resolved_within_24h').total).toMatchObject({ numerator: 7, denominator: 14 });
    expect(of('resolved_within_24h').total.meetsTarget).toBe(false); // exactly half is not "most"
  });

  it('X10 000 §六.1: complaint count and rate per month over the recorded sales volume; a month without a volume has no rate and stays out of the total', () => {
    expect(of('complaint_rate').byMonth).toEqual([
      { month: '2026-10', numerator: 4, denominator: 400, rate: 0.01, meetsTarget: true },
      { month: '2026-11', numerator: 10, denominator: 500, rate: 0.02, meetsTarget: false },
      { month: '2026-12', numerator: 0, denominator: 0, rate: null, meetsTarget: null },
    ]);
    const unrecorded = indicatorReports(['2026-12'], [month('2026-12', { opened: 3 })], []);
    const rate = unrecorded.find((r) => r.id === 'complaint_rate')!;
    expect(rate.byMonth[0]).toMatchObject({ numerator: 3, denominator: 0, rate: null });
    expect(rate.total).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });
});
