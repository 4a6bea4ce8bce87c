import { formatLocal, localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import { monthlyReviewFor, penaltyDocument, reviewMonthOf } from './monthly-review';

describe('monthly review (001 §28)', () => {
  it('M01 001 §28.1: "每月10日前" read by Decision 6 — due 18:00 on the last working day before the 10th', () => {
    const due = (m: string) => formatLocal(monthlyReviewFor(m, defaultPolicy).due.getTime());
    // September 2026: 1–7 Oct is the National Day holiday, Sat 10 Oct a makeup working day →
    // Friday 9 October
    expect(due('2026-09')).toBe('2026-10-09T18:00+08:00');
    // April 2026: Sun 10 May; Sat 9 May is the makeup working day after Labour Day
    expect(due('2026-04')).toBe('2026-05-09T18:00+08:00');
    // July 2026: Mon 10 Aug; 8–9 Aug is a weekend → Friday 7 August
    expect(due('2026-07')).toBe('2026-08-07T18:00+08:00');
    // November 2026: Thu 10 Dec → Wednesday 9 December
    expect(due('2026-11')).toBe('2026-12-09T18:00+08:00');
    // December 2026: Sun 10 Jan 2027 (no 2027 table: weekends only, provisional) → Fri 8 Jan
    expect(due('2026-12')).toBe('2027-01-08T18:00+08:00');
    expect(monthlyReviewFor('2026-12', defaultPolicy).provisional).toBe(true);
    expect(monthlyReviewFor('2026-09', defaultPolicy).provisional).toBe(false);
  });

  it('M01 001 §28.1: a month that is no month is refused', () => {
    expect(() => monthlyReviewFor('2026-13', defaultPolicy)).toThrow(/not a month/);
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
