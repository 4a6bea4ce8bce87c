import { serviceAppraisalOf } from './service-appraisal';

const items = (grade: string, score: number) =>
  ['attitude', 'skill', 'arrival_time', 'promises_kept'].map((item) => ({ item, grade, score }));

describe('service appraisal by month, quarter and year (M06 003 §五.2)', () => {
  it('M06 003 §五.2: "服务考核按月、季、年度进行" — each service person’s 001 §17 ratings by the month, quarter and year the followed case closed (Asia/Shanghai)', () => {
    const a = serviceAppraisalOf(
      '2026',
      [
        // closed 31 Mar 2026 23:30 in Shanghai: March's and Q1's, though UTC says 31 March 15:30
        {
          followUpNumber: 'HF202604-0001',
          closedAt: '2026-03-31T15:30:00.000Z',
          items: items('very_satisfied', 4),
          max: 16,
          staff: ['tech-01'],
        },
        // closed 1 Apr 2026 00:30 in Shanghai (31 Mar 16:30 UTC): April's, Q2
        {
          followUpNumber: 'HF202604-0002',
          closedAt: '2026-03-31T16:30:00.000Z',
          items: items('average', 2),
          max: 16,
          staff: ['tech-01', 'cs-01'],
        },
        {
          followUpNumber: 'HF202611-0003',
          closedAt: '2026-11-10T02:00:00.000Z',
          items: items('satisfied', 3),
          max: 16,
          staff: ['cs-01'],
        },
        // another year's call is not this year's
        {
          followUpNumber: 'HF202501-0009',
          closedAt: '2025-12-31T15:00:00.000Z',
          items: items('poor', 1),
          max: 16,
          staff: ['cs-01'],
        },
      ],
      480,
    );
    expect(a.months.map((m) => m.period)).toHaveLength(12);
    expect(a.months[2]).toMatchObject({
      period: '2026-03',
      calls: 1,
      staff: [{ staffId: 'tech-01', calls: 1, scoreRate: 1 }],
    });
    expect(a.months[3]).toMatchObject({
      period: '2026-04',
      staff: [
        { staffId: 'cs-01', calls: 1, scoreRate: 0.5 },
        { staffId: 'tech-01', calls: 1, scoreRate: 0.5 },
      ],
    });
    expect(a.months[0]).toEqual({ period: '2026-01', calls: 0, staff: [] });
    expect(a.quarters.map((q) => [q.period, q.calls])).toEqual([
      ['2026-Q1', 1],
      ['2026-Q2', 1],
      ['2026-Q3', 0],
      ['2026-Q4', 1],
    ]);
    expect(a.total).toMatchObject({
      period: '2026',
      calls: 3,
      staff: [
        // (8/16 + 12/16) / 2
        {
          staffId: 'cs-01',
          calls: 2,
          scoreRate: 0.625,
          items: { attitude: { average: 1, satisfied: 1 } },
        },
        // (16/16 + 8/16) / 2
        { staffId: 'tech-01', calls: 2, scoreRate: 0.75 },
      ],
    });
  });
});
