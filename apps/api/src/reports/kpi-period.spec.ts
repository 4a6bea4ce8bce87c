import { kpiQuerySchema, periodInstants } from './kpi-period';
import { assertMayReadReports } from './report-access';
import type { AuthUser } from '../auth/auth-user';
import type { Department, Role } from '@aso/domain';

const issues = (q: unknown) => {
  const r = kpiQuerySchema.safeParse(q);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('KPI period (Asia/Shanghai days, inclusive)', () => {
  test('a month is [00:00 +08:00 on the 1st, 00:00 +08:00 on the 1st of the next)', () => {
    expect(periodInstants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      toExclusive: new Date('2026-11-30T16:00:00Z'),
    });
  });

  test('each bad field is named; from after to names from; more than 366 days names to', () => {
    expect(issues({})).toEqual(['from: required (YYYY-MM-DD)', 'to: required (YYYY-MM-DD)']);
    expect(issues({ from: '2026-13-01', to: '2026/11/01' })).toEqual([
      'from: is not a calendar date',
      'to: must be a date YYYY-MM-DD',
    ]);
    expect(issues({ from: '2026-02-29', to: '2026-03-01' })).toEqual([
      'from: is not a calendar date',
    ]);
    expect(issues({ from: '2026-11-02', to: '2026-11-01' })).toEqual([
      'from: must not be after to',
    ]);
    expect(issues({ from: '2024-01-01', to: '2024-12-31' })).toEqual([]); // 366 days
    expect(issues({ from: '2025-01-01', to: '2026-01-02' })).toEqual([
      'to: the period may span at most 366 days',
    ]);
    expect(issues({ from: '2026-11-01', to: '2026-11-01' })).toEqual([]);
  });
});

describe('who reads reports', () => {
  const user = (department: Department, roles: Role[]): AuthUser => ({
    id: 'u',
    organisationId: 'o',
    username: 'u',
    displayName: 'u',
    department,
    roles,
    approvalLimitFen: null,
    qualifications: [],
  });
  test.each([
    ['cs', ['manager']],
    ['rnd', ['manager']],
    ['sales', ['sales_vp']],
    ['gm_office', ['vp']],
    ['gm_office', ['gm']],
    ['gm_office', ['auditor']],
    ['gm_office', ['staff']],
  ] as Array<[Department, Role[]]>)('%s %j may', (d, r) => {
    expect(() => assertMayReadReports(user(d, r))).not.toThrow();
  });
  test.each([
    ['sales', ['staff']],
    ['sales', ['supervisor']],
    ['cs', ['staff']],
    ['finance', ['staff']],
    ['hr', ['admin']],
  ] as Array<[Department, Role[]]>)('%s %j may not (WRONG_ROLE)', (d, r) => {
    expect(() => assertMayReadReports(user(d, r))).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
  });
});
