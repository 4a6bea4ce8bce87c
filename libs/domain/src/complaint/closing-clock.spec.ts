import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import type { SlaLedger } from '../sla/sla-ledger';
import { advanceClosingClock, closingClockStatus } from './closing-clock';
import type { ComplaintState, ComplaintStatus } from './complaint.types';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const t = (s: string) => localToInstant(s).getTime();
const local = (ms: number | null) => (ms === null ? null : formatLocal(ms));

const state = (patch: Partial<ComplaintState>): ComplaintState =>
  ({
    status: 'investigating' as ComplaintStatus,
    acceptedAt: null,
    closedAt: null,
    formDeadlines: {},
    ...patch,
  }) as ComplaintState;

/** Drive the clock through (status, at) steps from CS acceptance at 2026-09-30 17:00. */
function drive(steps: Array<[ComplaintStatus, string]>, accepted = t('2026-09-30 17:00')) {
  let ledger: SlaLedger | null = null;
  const kinds: string[] = [];
  for (const [status, at] of steps) {
    const step = advanceClosingClock(
      ledger,
      state({
        status,
        acceptedAt: accepted,
        closedAt: status === 'closed' ? t(at) : null,
      }),
      t(at),
      defaultPolicy,
      cal,
    );
    ledger = step.ledger;
    kinds.push(...step.changes.map((c) => c.kind));
  }
  return { ledger, kinds };
}

describe('the complaint closing clock (001 §26.1)', () => {
  it('C05 001 §24.3(1), §26.1: nothing runs before CS accepts the complaint', () => {
    const step = advanceClosingClock(
      null,
      state({ status: 'awaiting_registration' }),
      t('2026-09-30 10:00'),
      defaultPolicy,
      cal,
    );
    expect(step).toEqual({ ledger: null, changes: [] });
    expect(closingClockStatus(null, cal)).toEqual({
      startedAt: null,
      dueAt: null,
      dueProvisional: false,
      onTime: null,
    });
  });

  it('C05 001 §26.1: CS acceptance starts the clock at the acceptance instant, due 6 working days later', () => {
    const accepted = t('2026-09-30 17:00');
    const step = advanceClosingClock(
      null,
      state({ acceptedAt: accepted }),
      t('2026-10-01 09:00'),
      defaultPolicy,
      cal,
    );
    expect(step.changes).toEqual([
      {
        kind: 'started',
        at: accepted,
        dueAt: t('2026-10-14 17:00'),
        basis: '001 §26.1 自受理起六日内结案',
      },
    ]);
    expect(local(closingClockStatus(step.ledger, cal).dueAt)).toBe('2026-10-14T17:00+08:00');
  });

  it('C05 001 §26.1: a deadline CS set on the form for "close" replaces the 6 days (001 §25.2)', () => {
    const step = advanceClosingClock(
      null,
      state({
        acceptedAt: t('2026-09-30 17:00'),
        formDeadlines: { close: { amount: 2, unit: 'working_days' } },
      }),
      t('2026-09-30 17:00'),
      defaultPolicy,
      cal,
    );
    expect(local(closingClockStatus(step.ledger, cal).dueAt)).toBe('2026-10-09T17:00+08:00');
  });

  it('C06 001 §26.1: the clock pauses while the case waits for the customer and resumes on the answer, pushing the due instant by the working time waited', () => {
    const { ledger, kinds } = drive([
      ['investigating', '2026-09-30 17:00'],
      ['awaiting_customer', '2026-10-12 09:00'],
      ['awaiting_customer', '2026-10-12 12:00'],
      ['executing', '2026-10-13 09:00'],
    ]);
    expect(kinds).toEqual(['started', 'paused', 'resumed']);
    // paused Mon 12th 09:00 → Tue 13th 09:00: one working day later than 2026-10-14 17:00
    expect(local(closingClockStatus(ledger, cal).dueAt)).toBe('2026-10-15T17:00+08:00');
  });

  it('C06 001 §26.1: while paused there is no due instant (it depends on when the customer answers)', () => {
    const { ledger } = drive([
      ['investigating', '2026-09-30 17:00'],
      ['awaiting_customer', '2026-10-12 09:00'],
    ]);
    expect(closingClockStatus(ledger, cal)).toMatchObject({ dueAt: null, onTime: null });
  });

  it('C06 001 §26.1: closing stops the clock at the closing instant; closed within the 6 days is on time', () => {
    const { ledger, kinds } = drive([
      ['investigating', '2026-09-30 17:00'],
      ['closed', '2026-10-14 16:00'],
      ['closed', '2026-10-20 16:00'],
    ]);
    expect(kinds).toEqual(['started', 'stopped']);
    expect(ledger?.stoppedAt).toBe(t('2026-10-14 16:00'));
    expect(closingClockStatus(ledger, cal).onTime).toBe(true);
  });

  it('C06 001 §26.1: closed after the 6 days is late; a case closed while paused stops the clock too', () => {
    expect(
      closingClockStatus(
        drive([
          ['investigating', '2026-09-30 17:00'],
          ['closed', '2026-10-15 09:00'],
        ]).ledger,
        cal,
      ).onTime,
    ).toBe(false);
    const paused = drive([
      ['investigating', '2026-09-30 17:00'],
      ['awaiting_customer', '2026-10-01 09:00'],
      ['closed', '2026-10-02 09:00'],
    ]);
    expect(paused.kinds).toEqual(['started', 'paused', 'stopped']);
    expect(closingClockStatus(paused.ledger, cal).onTime).toBe(true);
  });
});
