import {
  FIRST_RESPONSE_WITHIN_HOURS,
  INDICATOR_IDS,
  RESOLVED_WITHIN_HOURS,
  defaultIndicatorCatalogue,
  indicatorSchema,
  meetsTarget,
  monthsBetween,
} from './indicators';

const byId = (id: string) => defaultIndicatorCatalogue.find((i) => i.id === id);

describe('the indicator catalogue (X12)', () => {
  it('X12 003 §五.1: every indicator has a definition, a formula and a target value with its source', () => {
    expect(defaultIndicatorCatalogue.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    for (const i of defaultIndicatorCatalogue) {
      expect(indicatorSchema.parse(i)).toEqual(i);
      expect(i.definition.length).toBeGreaterThan(0);
      expect(i.formula).toContain('÷');
      expect(typeof i.target.value).toBe('number');
      expect(['seed', 'default']).toContain(i.target.source);
    }
  });

  it('C32 002 客户服务制度 一.3: most problems resolved within 24 h — share closed ≤ 24 h of the report, target more than half', () => {
    expect(RESOLVED_WITHIN_HOURS).toBe(24);
    expect(byId('resolved_within_24h')).toMatchObject({
      target: { comparison: 'more_than', value: 0.5, source: 'seed' },
      basis: '002 客户服务制度 一.3',
    });
    expect(byId('resolved_within_24h')?.formula).toContain('24 h');
    const target = byId('resolved_within_24h')!.target;
    expect(meetsTarget(target, 0.5)).toBe(false);
    expect(meetsTarget(target, 0.51)).toBe(true);
  });

  it('C30 000 §三.6: every first response within 24 h (target 100 %)', () => {
    expect(FIRST_RESPONSE_WITHIN_HOURS).toBe(24);
    expect(byId('first_response_within_24h')?.target).toMatchObject({
      comparison: 'at_least',
      value: 1,
      source: 'seed',
    });
  });

  it('X10 000 §六.1: the complaint rate is complaints ÷ units sold, an upper bound (our default 1 %)', () => {
    expect(byId('complaint_rate')).toMatchObject({
      formula: 'complaints opened in the month ÷ units sold in the month',
      target: { comparison: 'at_most', value: 0.01, source: 'default' },
      basis: '000 §六.1 投诉率(数量及比率)',
    });
    expect(meetsTarget(byId('complaint_rate')!.target, 0.02)).toBe(false);
    expect(meetsTarget(byId('complaint_rate')!.target, null)).toBeNull();
  });

  it('X12 003 §五.1: the trend runs over every month of the period, across a year end', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsBetween('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
  });
});
