import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { followUpDue, nextFollowUpAttempt } from '../follow-up/follow-up';
import { defaultPolicy } from '../policy/default-policy';
import { scoreSurvey } from './survey';

const cal = new BusinessCalendar(defaultPolicy.calendar);

describe('satisfaction survey and follow-up (DOMAIN.md §5)', () => {
  const all = (grade: string) => ({
    attitude: grade,
    skill: grade,
    arrival_time: grade,
    promises_kept: grade,
  });

  it('001 §17: four items graded very satisfied / satisfied / average / poor', () => {
    expect(scoreSurvey(all('very_satisfied'), defaultPolicy)).toMatchObject({
      total: 16,
      max: 16,
      dissatisfied: false,
    });
    expect(
      scoreSurvey({ ...all('satisfied'), arrival_time: 'average' }, defaultPolicy),
    ).toMatchObject({ total: 11, dissatisfied: false });
  });

  it('DOMAIN §5: any item graded poor makes the call dissatisfied (→ a new linked complaint)', () => {
    expect(
      scoreSurvey({ ...all('satisfied'), promises_kept: 'poor' }, defaultPolicy),
    ).toMatchObject({ dissatisfied: true, dissatisfiedItems: ['promises_kept'] });
  });

  it('rejects missing items, unknown items and unknown grades in one error (SURVEY_INVALID)', () => {
    expect(() =>
      scoreSurvey({ attitude: 'great', skill: 'poor', mood: 'poor' }, defaultPolicy),
    ).toThrow(
      expect.objectContaining({
        code: 'SURVEY_INVALID',
        details: expect.objectContaining({
          missingItems: ['arrival_time', 'promises_kept'],
          unknownItems: ['mood'],
          invalidGrades: [{ item: 'attitude', grade: 'great' }],
        }),
      }),
    );
  });

  it('DOMAIN §5: the call is due within 3 working days of close (closed 2026-09-30 16:00 → 2026-10-10 16:00, a make-up Saturday)', () => {
    // 09-30 2 h, 10-01..07 off, 10-08 9 h, 10-09 9 h, 10-10 (Sat, make-up) 7 h → 10-10 16:00
    expect(
      formatLocal(
        followUpDue(localToInstant('2026-09-30 16:00'), defaultPolicy, cal).due.getTime(),
      ),
    ).toBe('2026-10-10T16:00+08:00');
  });

  it('DOMAIN §5: unreachable → retry per policy, then close as unreachable', () => {
    const r = nextFollowUpAttempt(1, localToInstant('2026-03-02 11:00'), defaultPolicy, cal);
    expect(r).toMatchObject({ action: 'retry', attempt: 2 });
    expect(nextFollowUpAttempt(3, localToInstant('2026-03-04 11:00'), defaultPolicy, cal)).toEqual({
      action: 'close_unreachable',
      attempts: 3,
    });
  });
});
