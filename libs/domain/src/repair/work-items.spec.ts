import { defaultPolicy } from '../policy/default-policy';
import { decideRepair } from './repair.decide';
import { Flow, cal, cs, onSite, open, receipt, t, tech } from './test/repair-fixtures';
import { externalRepairOverdue, repairStageOf, repairWakeUps, repairWorkItems } from './work-items';

describe('repair work items (DOMAIN.md §3: which human tasks a state needs)', () => {
  it('DOMAIN §3: every work item names a department, roles and commands the state accepts, and a repair stage of the policy', () => {
    const f = onSite('A');
    const states = [f.s];
    f.do(
      {
        type: 'RecordVisit',
        actor: tech,
        actualStart: t('2026-03-10 14:05'),
        actualEnd: t('2026-03-10 15:20'),
        content: 'x',
        resolvedOnSite: false,
      },
      t('2026-03-10 15:30'),
    );
    states.push(f.s);
    f.do(receipt(), t('2026-03-10 15:40'));
    states.push(f.s);
    for (const s of states) {
      const items = repairWorkItems(s, defaultPolicy);
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) {
        expect(Object.keys(defaultPolicy.deadlines.repair)).toContain(i.stage);
        expect(i.commands.length).toBeGreaterThan(0);
      }
      expect(repairStageOf(s.status)).not.toBe('closed');
    }
  });

  it('002 ch.10 2: past the 6-month date the item out for repair is overdue and escalates to the CS manager; reminders wake the case before', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    f.do(receipt(), t('2026-03-10 09:35'));
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: false, note: 'no' },
      t('2026-03-10 11:00'),
    );
    f.do(
      {
        type: 'SendToExternalRepair',
        actor: cs,
        repairer: '胡总',
        handoverSheetNumber: 'JJ-1',
        customerInformed: true,
      },
      t('2026-03-10 12:00'),
    );
    expect(repairWakeUps(f.s, t('2026-05-01 00:00'))).toEqual([
      { at: t('2026-05-10 12:00'), reason: 'external_repair_reminder', command: null },
      { at: t('2026-09-10 12:00'), reason: 'external_repair_overdue', command: null },
    ]);
    expect(externalRepairOverdue(f.s, t('2026-09-10 11:59'), defaultPolicy).overdue).toBe(false);
    expect(externalRepairOverdue(f.s, t('2026-09-10 12:00'), defaultPolicy)).toEqual({
      overdue: true,
      escalateTo: { role: 'manager', department: 'cs' },
    });
    // a late return is still accepted
    const late = decideRepair(
      f.s,
      { type: 'RecordExternalReturn', actor: cs, repaired: true, note: 'ok' },
      t('2026-10-01 10:00'),
      defaultPolicy,
      cal,
    );
    expect(late.ok).toBe(true);
  });
});
