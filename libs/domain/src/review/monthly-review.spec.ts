import { formatLocal, localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import { monthlyReviewFor, penaltyDocument, reviewMonthOf } from './monthly-review';

describe('monthly review (001 §28)', () => {
  it('001 §28.1: last month’s closed complaints are reviewed by the 10th (end of day, local time)', () => {
    expect(formatLocal(monthlyReviewFor('2026-09', defaultPolicy).due.getTime())).toBe(
      '2026-10-11T00:00+08:00',
    );
    expect(formatLocal(monthlyReviewFor('2026-12', defaultPolicy).due.getTime())).toBe(
      '2027-01-11T00:00+08:00',
    );
  });

  it('001 §28.1: a complaint closed at 23:30 local on the last day of a month belongs to that month', () => {
    expect(reviewMonthOf(localToInstant('2026-09-30 23:30'), defaultPolicy)).toBe('2026-09');
    expect(reviewMonthOf(localToInstant('2026-10-01 00:30'), defaultPolicy)).toBe('2026-10');
  });

  it('001 §28: administrative penalties → HR personnel announcement; bonus deductions → GM-approved notice', () => {
    expect(penaltyDocument('administrative')).toMatchObject({
      document: 'PersonnelAnnouncement',
      to: 'hr',
    });
    expect(penaltyDocument('bonus_deduction')).toMatchObject({
      document: 'RewardPenaltyNotice',
      approval: 'bonus_deduction_notice',
    });
  });
});
