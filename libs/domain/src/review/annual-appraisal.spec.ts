import { formatLocal, localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import { annualAppraisalDue } from './annual-appraisal';
import { decideReview } from './review.decide';
import { evolveReview } from './review.evolve';
import type { ReviewCommand, ReviewState } from './review.types';
import { reviewWorkItems } from './review.work-items';

const gmo = { userId: 'gmo-01', department: 'gm_office' as const, roles: ['staff' as const] };

let clock = localToInstant('2027-01-04 09:00').getTime();
function run(state: ReviewState | null, cmd: ReviewCommand): ReviewState {
  clock += 60_000;
  const d = decideReview(state, cmd, clock, defaultPolicy);
  if (!d.ok) throw d.error;
  return d.events.reduce<ReviewState | null>((s, e) => evolveReview(s, e), state) as ReviewState;
}

const rating = {
  staffId: 'cs-01',
  calls: 2,
  scoreRate: 0.875,
  items: { attitude: { very_satisfied: 2 } },
  followUps: ['HF202603-0001', 'HF202611-0004'],
};
const openDecember = (month = '2026-12') =>
  run(null, {
    type: 'OpenReview',
    actor: { userId: 'system' },
    caseNumber: 'YS202701-0001',
    month,
    complaints: [],
    annual: {
      year: '2026',
      months: [
        {
          month: '2026-03',
          caseNumber: 'YS202604-0001',
          status: 'closed',
          complaints: 2,
          totalDeductionFen: 30_000,
          approvedDeductionFen: 30_000,
          reviewedOnTime: true,
        },
      ],
      staffRatings: [rating],
    },
  });

describe('annual appraisal (M05 000 §六.2)', () => {
  it('M05 000 §六.2: "年度考核于次年1月中旬" — due 18:00 on the last working day on or before 15 January', () => {
    const due = (y: string) => formatLocal(annualAppraisalDue(y, defaultPolicy).due.getTime());
    // 2025 review year: Thu 15 Jan 2026 is a working day (2026 holiday table loaded)
    expect(due('2025')).toBe('2026-01-15T18:00+08:00');
    expect(annualAppraisalDue('2025', defaultPolicy).provisional).toBe(false);
    // 2021 review year: Sat 15 Jan 2022 (no 2022 table: weekends only) → Fri 14 Jan
    expect(due('2021')).toBe('2022-01-14T18:00+08:00');
    // 2022 review year: Sun 15 Jan 2023 → Fri 13 Jan
    expect(due('2022')).toBe('2023-01-13T18:00+08:00');
    // 2026 review year: Fri 15 Jan 2027, provisional (no 2027 table)
    expect(due('2026')).toBe('2027-01-15T18:00+08:00');
    expect(annualAppraisalDue('2026', defaultPolicy).provisional).toBe(true);
  });

  it('M05 000 §六.2: December’s review opens the GM office’s annual appraisal over twelve months and the year’s staff ratings; it closes only once the appraisal is issued', () => {
    let s = openDecember();
    expect(s.annual).toMatchObject({
      year: '2026',
      docNumber: 'YS202701-0001-A',
      staffRatings: [rating],
      totals: { complaints: 2, monthsReviewed: 2, approvedDeductionFen: 30_000 },
    });
    expect(s.annual?.months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(s.annual?.months[11]).toMatchObject({ caseNumber: 'YS202701-0001' });
    expect(formatLocal(s.annual!.due)).toBe('2027-01-15T18:00+08:00');
    expect(reviewWorkItems(s).map((i) => [i.type, i.department, i.commands])).toEqual([
      ['monthly_review', 'gm_office', ['ConfirmReview']],
      ['annual_appraisal', 'gm_office', ['IssueAnnualAppraisal']],
    ]);
    // December without penalties: the monthly part is done, the review waits for the appraisal
    s = run(s, { type: 'ConfirmReview', actor: gmo, administrative: [], deductions: [] });
    expect(s.status).toBe('documents');
    expect(reviewWorkItems(s).map((i) => i.type)).toEqual(['annual_appraisal']);
    const empty = decideReview(
      s,
      { type: 'IssueAnnualAppraisal', actor: gmo, summary: ' ' },
      clock,
      defaultPolicy,
    );
    expect(empty.ok ? null : empty.error.details).toMatchObject({ field: 'summary' });
    s = run(s, { type: 'IssueAnnualAppraisal', actor: gmo, summary: '全年服务评价良好' });
    expect(s).toMatchObject({
      status: 'closed',
      annual: { summary: '全年服务评价良好', issuedBy: 'gmo-01' },
    });
  });

  it('M05 000 §六.2: only December’s review holds the annual appraisal', () => {
    expect(openDecember('2026-11').annual).toBeNull();
    expect(reviewWorkItems(openDecember('2026-11')).map((i) => i.type)).toEqual(['monthly_review']);
  });
});
