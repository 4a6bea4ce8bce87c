import fc from 'fast-check';
import { BusinessCalendar } from '../calendar/business-calendar';
import { MS_PER_HOUR, MS_PER_MINUTE, formatLocal, localToInstant } from '../calendar/civil-time';
import { computeStageDeadline } from '../deadline/stage-deadline';
import { defaultPolicy } from '../policy/default-policy';
import { escalationStatus } from './escalation';
import {
  type SlaLedger,
  dueOf,
  ledgerStatus,
  openLedger,
  pauseLedger,
  resumeLedger,
  stopLedger,
} from './sla-ledger';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const at = (s: string) => localToInstant(s);
const local = (d: Date | null) => (d ? formatLocal(d.getTime()) : null);

describe('stage deadlines from the default policy', () => {
  it('001 §26.1: closes within 6 days of CS acceptance — 6 working days by default (2026-09-30 17:00 → 2026-10-14 17:00)', () => {
    const d = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'close',
      at('2026-09-30 17:00'),
    );
    expect(d).toMatchObject({
      unit: 'working_days',
      amount: 6,
      provisional: false,
      owner: 'cs',
      policyVersion: 1,
    });
    expect(local(d.due)).toBe('2026-10-14T17:00+08:00');
  });

  it('C30 000 §三.6: first response within 24 h — calendar hours, holidays included', () => {
    const d = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'firstResponse',
      at('2026-09-30 17:00'),
    );
    expect(local(d.due)).toBe('2026-10-01T17:00+08:00');
    expect(d.unit).toBe('calendar_hours');
  });

  it('C14 001 §25.3: investigation report within 3 working days, to the VP in charge', () => {
    const d = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'investigationReport',
      at('2026-10-09 10:00'),
    );
    // 10-09 Fri 8 h, 10-10 Sat (make-up) 9 h, 10-12 Mon 9 h, 10-13 Tue 1 h = 27 h = 3 × 9 h
    expect(local(d.due)).toBe('2026-10-13T10:00+08:00');
    expect(d.owner).toBe('rnd');
  });

  it('C12 001 §25.2: a deadline set on the form overrides the policy default, and says so', () => {
    const d = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'investigationReport',
      at('2026-03-02 09:00'),
      { amount: 2, unit: 'calendar_days' },
    );
    expect(local(d.due)).toBe('2026-03-04T09:00+08:00');
    expect(d.basis).toContain('001 §25.2');
  });

  it('DOMAIN §5: follow-up call within 3 working days of close', () => {
    const d = computeStageDeadline(defaultPolicy, cal, 'followUp', 'call', at('2026-04-30 15:00'));
    // 04-30 Thu 3 h, 05-01..05 Labour Day, 05-06 Wed 9 h, 05-07 Thu 9 h, 05-08 Fri 6 h
    expect(local(d.due)).toBe('2026-05-08T15:00+08:00');
  });
});

describe('SLA ledger', () => {
  const start = at('2026-03-02 10:00'); // Monday
  const ledger = openLedger(defaultPolicy, 'complaint', 'close', start);

  it('task §3: without pauses the ledger due equals the stage deadline', () => {
    const status = ledgerStatus(ledger, cal, at('2026-03-02 12:00'));
    expect(local(status.due)).toBe('2026-03-10T10:00+08:00');
    expect(status.usedMs).toBe(2 * MS_PER_HOUR);
    expect(status.remainingMs).toBe(52 * MS_PER_HOUR);
    expect(status.overdue).toBe(false);
  });

  it('task §3: waiting for the customer pauses the clock; the due instant moves by the working time paused', () => {
    const paused = pauseLedger(
      ledger,
      at('2026-03-03 10:00'),
      'waiting_for_customer',
      'customer to send photos',
    );
    const whilePaused = ledgerStatus(paused, cal, at('2026-03-05 10:00'));
    expect(whilePaused).toMatchObject({
      paused: true,
      due: null,
      usedMs: 9 * MS_PER_HOUR,
      remainingMs: 45 * MS_PER_HOUR,
    });
    const resumed = resumeLedger(paused, at('2026-03-05 10:00')); // two working days paused
    expect(local(ledgerStatus(resumed, cal, at('2026-03-05 10:00')).due)).toBe(
      '2026-03-12T10:00+08:00',
    );
  });

  it('task §3: a pause outside working hours does not move a working-day deadline', () => {
    const night = resumeLedger(
      pauseLedger(ledger, at('2026-03-02 19:00'), 'waiting_for_customer'),
      at('2026-03-03 08:00'),
    );
    expect(dueOf(night, cal)?.ms).toBe(dueOf(ledger, cal)?.ms);
  });

  it('rejects pausing twice, resuming a running ledger, and changing a stopped one', () => {
    const paused = pauseLedger(ledger, at('2026-03-03 10:00'), 'other');
    expect(() => pauseLedger(paused, at('2026-03-03 11:00'), 'other')).toThrow(
      expect.objectContaining({ code: 'SLA_PAUSE_INVALID' }),
    );
    expect(() => resumeLedger(ledger, at('2026-03-03 11:00'))).toThrow(
      expect.objectContaining({ code: 'SLA_PAUSE_INVALID' }),
    );
    expect(() => resumeLedger(paused, at('2026-03-03 09:00'))).toThrow(
      expect.objectContaining({ code: 'SLA_PAUSE_INVALID' }),
    );
    const stopped = stopLedger(paused, at('2026-03-04 10:00'));
    expect(stopped.pauses[0]?.to).toBe(at('2026-03-04 10:00').getTime());
    expect(() => pauseLedger(stopped, at('2026-03-05 10:00'), 'other')).toThrow(
      expect.objectContaining({ code: 'SLA_PAUSE_INVALID' }),
    );
  });

  it('C36 001 §24.3(1) / DOMAIN Overdue: at the deadline → the owning department manager; a further working day → the VP in charge', () => {
    const due = at('2026-03-10 10:00');
    const before = escalationStatus(ledger, cal, at('2026-03-10 09:59'));
    expect(before).toMatchObject({ overdue: false, level: 0 });
    expect(local(before.nextAt)).toBe('2026-03-10T10:00+08:00');
    const atDue = escalationStatus(ledger, cal, due);
    expect(atDue).toMatchObject({ overdue: true, level: 1 });
    expect(atDue.steps[0]?.to).toEqual({ role: 'manager', department: 'cs' });
    expect(local(atDue.nextAt)).toBe('2026-03-11T10:00+08:00');
    const dayLate = escalationStatus(ledger, cal, at('2026-03-11 10:00'));
    expect(dayLate).toMatchObject({ overdue: true, level: 2, nextAt: null });
    expect(dayLate.steps[1]?.to).toEqual({ role: 'vp' });
  });

  it('C36 001 §24.3: a stage closed in time never escalates; one closed late stays overdue at the level reached', () => {
    const onTime = stopLedger(ledger, at('2026-03-09 17:00'));
    expect(escalationStatus(onTime, cal, at('2026-04-01 10:00'))).toMatchObject({
      overdue: false,
      level: 0,
      nextAt: null,
    });
    const late = stopLedger(ledger, at('2026-03-10 15:00'));
    expect(escalationStatus(late, cal, at('2026-04-01 10:00'))).toMatchObject({
      overdue: true,
      level: 1,
      nextAt: null,
    });
  });

  it('a paused stage keeps the escalation level it had reached', () => {
    const paused = pauseLedger(ledger, at('2026-03-10 11:00'), 'waiting_for_customer');
    expect(escalationStatus(paused, cal, at('2026-03-20 10:00'))).toMatchObject({
      overdue: true,
      level: 1,
      nextAt: null,
    });
  });

  describe('properties', () => {
    const base = at('2025-03-03 09:00').getTime();
    const minute = (max: number) => fc.integer({ min: 0, max }).map((m) => m * MS_PER_MINUTE);
    const units = fc.constantFrom(
      'working_days',
      'business_hours',
      'calendar_days',
      'calendar_hours' as const,
    );
    const mkLedger = (
      startOffset: number,
      amount: number,
      unit: SlaLedger['budget']['unit'],
    ): SlaLedger => ({
      ...openLedger(defaultPolicy, 'complaint', 'close', base + startOffset),
      budget: { amount, unit },
    });
    // Up to ~300 days of offsets keeps everything inside the published 2025–2026 tables.
    const pausesArb = fc.array(fc.tuple(minute(60 * 24 * 20), minute(60 * 24 * 10)), {
      maxLength: 4,
    });
    const build = (l: SlaLedger, gaps: Array<[number, number]>): SlaLedger =>
      gaps.reduce((acc, [gap, len]) => {
        const last = acc.pauses[acc.pauses.length - 1];
        const from = (last?.to ?? acc.startedAt) + gap;
        return resumeLedger(pauseLedger(acc, from, 'waiting_for_customer'), from + len);
      }, l);

    it('task §3 property: a deadline never moves earlier when a pause is added', () => {
      fc.assert(
        fc.property(
          minute(60 * 24 * 60),
          fc.integer({ min: 1, max: 10 }),
          units,
          pausesArb,
          minute(60 * 24 * 20),
          minute(60 * 24 * 10),
          (s, amount, unit, gaps, gap, len) => {
            const before = build(mkLedger(s, amount, unit), gaps);
            const after = build(before, [[gap, len]]);
            return (dueOf(after, cal)?.ms ?? 0) >= (dueOf(before, cal)?.ms ?? 0);
          },
        ),
      );
    });

    it('task §3 property: used + remaining = budget until the budget is spent, and overdue ⇔ now ≥ due', () => {
      fc.assert(
        fc.property(
          minute(60 * 24 * 60),
          fc.integer({ min: 1, max: 10 }),
          units,
          pausesArb,
          minute(60 * 24 * 40),
          (s, amount, unit, gaps, probe) => {
            const l = build(mkLedger(s, amount, unit), gaps);
            const now = l.startedAt + probe;
            const st = ledgerStatus(l, cal, now);
            const due = st.due?.getTime() ?? Infinity;
            const balanced =
              st.usedMs >= st.budgetMs
                ? st.remainingMs === 0
                : st.usedMs + st.remainingMs === st.budgetMs;
            return (
              balanced &&
              st.overdue === now >= due &&
              (now < due ? st.usedMs <= st.budgetMs : st.usedMs >= st.budgetMs)
            );
          },
        ),
      );
    });
  });
});
