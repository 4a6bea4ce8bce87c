import { localToInstant, type FollowUpState } from '@aso/domain';
import { followUpKpiFigures } from './follow-up-kpis';

const at = (local: string) => localToInstant(local).getTime();
const state = (patch: Partial<FollowUpState>): FollowUpState =>
  ({
    status: 'closed',
    outcome: 'satisfied',
    openedAt: at('2026-11-03 10:00'),
    reviews: [{ by: 's', at: 0, approved: true, comment: '' }],
    call: {
      survey: {
        items: [
          { item: 'attitude', grade: 'very_satisfied', score: 4 },
          { item: 'skill', grade: 'poor', score: 1 },
        ],
      },
    },
    ...patch,
  }) as unknown as FollowUpState;

describe('follow-up KPIs (F15 004 七.(一))', () => {
  it('F15 X11 004 七.(一): completion rate, record quality rate and satisfaction, in total and by month (Asia/Shanghai)', () => {
    const figures = followUpKpiFigures([
      state({}),
      state({ outcome: 'unreachable', call: null, reviews: [] }),
      // 2026-11-30 20:00 UTC is already December in Shanghai
      state({
        openedAt: Date.parse('2026-11-30T20:00:00Z'),
        reviews: [{ by: 's', at: 0, approved: false, comment: 'redo' }],
      }),
    ]);
    expect(figures.total).toMatchObject({
      cases: 3,
      closed: 3,
      unreachable: 1,
      completionRate: 2 / 3,
      recordQualityRate: 0.5,
      satisfaction: { very_satisfied: 2, poor: 2 },
    });
    expect(figures.byMonth.map((m) => [m.month, m.cases])).toEqual([
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
  });
});
