import { formatLocal } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import { parsePolicy } from '../policy/parse-policy';
import { defaultPolicyInput } from '../policy/default-policy';
import { carryOverAt, priorityAt } from './carry-over';
import { Flow, cal, open, slot, t, techMgr } from './test/repair-fixtures';
import { repairWakeUps, repairWorkItems } from './work-items';

const co = (local: string) => {
  const r = carryOverAt(t(local), cal, defaultPolicy);
  return {
    day: r.day,
    at: formatLocal(r.at.getTime()),
    priorityDay: r.priorityDay,
    priorityFrom: formatLocal(r.priorityFrom.getTime()),
  };
};

describe('dispatch carry-over (001 §11)', () => {
  it('P07 001 §11: undispatched work carries over to the next working day as first priority — across a weekend', () => {
    // Friday 2026-03-06: not dispatched by 18:00 → first priority on Monday 2026-03-09
    expect(co('2026-03-06 15:00')).toEqual({
      day: '2026-03-06',
      at: '2026-03-06T18:00+08:00',
      priorityDay: '2026-03-09',
      priorityFrom: '2026-03-09T09:00+08:00',
    });
  });

  it('P07 001 §11: undispatched work carries over across the Spring Festival, and a make-up working day counts as the next working day', () => {
    // Friday 2026-02-13 → Saturday 2026-02-14 is a make-up working day (调休上班)
    expect(co('2026-02-13 10:00')).toEqual({
      day: '2026-02-13',
      at: '2026-02-13T18:00+08:00',
      priorityDay: '2026-02-14',
      priorityFrom: '2026-02-14T09:00+08:00',
    });
    // still undispatched on the make-up day → the holiday 02-15…02-23 is skipped: Tuesday 02-24
    expect(co('2026-02-14 09:00')).toEqual({
      day: '2026-02-14',
      at: '2026-02-14T18:00+08:00',
      priorityDay: '2026-02-24',
      priorityFrom: '2026-02-24T09:00+08:00',
    });
  });

  it('P07 001 §11: a request taken after the cut-off, on a weekend or on a holiday counts to the next working day', () => {
    expect(co('2026-03-09 18:30')).toMatchObject({ day: '2026-03-10', priorityDay: '2026-03-11' });
    expect(co('2026-03-07 11:00')).toMatchObject({ day: '2026-03-09', priorityDay: '2026-03-10' });
    expect(co('2026-10-03 11:00')).toMatchObject({ day: '2026-10-08', priorityDay: '2026-10-09' });
    // the cut-off is policy data: 16:00 moves a 16:30 request to the next day
    const early = parsePolicy({
      ...defaultPolicyInput,
      repair: { ...defaultPolicyInput.repair, dispatch: { cutOff: '16:00', basis: 'test' } },
    });
    expect(formatLocal(carryOverAt(t('2026-03-09 16:30'), cal, early).at.getTime())).toBe(
      '2026-03-10T16:00+08:00',
    );
  });

  it("P07 001 §11: the daily check raises the request to first priority in the manager's inbox, shown as carried over, and checks again the next working day", () => {
    const f = new Flow();
    f.do(open('A'), t('2026-02-13 10:00'));
    expect(f.s.carryOverAt).toBe(t('2026-02-13 18:00'));
    expect(repairWakeUps(f.s, t('2026-02-13 10:00'))).toEqual([
      { at: t('2026-02-13 18:00'), reason: 'dispatch_carry_over', command: 'CarryOverDispatch' },
    ]);
    expect(priorityAt(f.s, t('2026-02-13 17:59'))).toBe('normal');
    expect(priorityAt(f.s, t('2026-02-13 18:00'))).toBe('first');
    const early = f.refuse(
      { type: 'CarryOverDispatch', actor: { userId: 'system' } },
      t('2026-02-13 17:00'),
    );
    expect(early).toMatchObject({ code: 'COMMAND_INVALID' });
    const [ev] = f.do(
      { type: 'CarryOverDispatch', actor: { userId: 'system' } },
      t('2026-02-13 18:00'),
    );
    expect(ev).toMatchObject({
      type: 'DispatchCarriedOver',
      fromDay: '2026-02-13',
      priorityDay: '2026-02-14',
      priorityFrom: t('2026-02-14 09:00'),
      nextCarryOverAt: t('2026-02-14 18:00'),
    });
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'technician_dispatch',
        priority: 1,
        carriedOverFrom: ['2026-02-13'],
      }),
    ]);
    f.do({ type: 'CarryOverDispatch', actor: { userId: 'system' } }, t('2026-02-14 18:00'));
    expect(f.s.carriedOverFrom).toEqual(['2026-02-13', '2026-02-14']);
    expect(f.s.carryOverAt).toBe(t('2026-02-24 18:00'));
    f.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-02-24 10:00', '2026-02-24 12:00'),
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-02-24 09:05'),
    );
    expect(f.s.dispatch?.carriedOver).toBe(true);
    expect(repairWakeUps(f.s, t('2026-02-24 09:05'))).toEqual([]);
    expect(priorityAt(f.s, t('2026-02-24 09:05'))).toBe('normal');
  });
});
