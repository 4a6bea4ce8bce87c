import { defaultPolicy } from '../policy/default-policy';
import { decideRepair } from './repair.decide';
import { repairMeasures } from './kpi';
import {
  Flow,
  cal,
  cs,
  finance,
  onSite,
  open,
  receipt,
  t,
  tech,
  techMgr,
} from './test/repair-fixtures';
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

describe('repair KPI facts (issue 10 §9)', () => {
  it('DOMAIN KPIs: repair dispatch time in working hours, on-site resolution, fees collected vs invoiced', () => {
    // opened Friday 17:00, dispatched Monday 10:00 → 1 h Friday + 1 h Monday of working time
    const f = new Flow();
    f.do(open('A'), t('2026-03-06 17:00'));
    f.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: { start: t('2026-03-09 14:00'), end: t('2026-03-09 15:00') },
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-03-09 10:00'),
    );
    f.do({ type: 'StartVisit', actor: tech }, t('2026-03-09 14:00'));
    f.do(
      {
        type: 'RecordVisit',
        actor: tech,
        actualStart: t('2026-03-09 14:05'),
        actualEnd: t('2026-03-09 14:50'),
        content: 'fixed',
        resolvedOnSite: true,
        feeFen: 20_000,
        collectedOnSiteFen: 20_000,
      },
      t('2026-03-09 15:00'),
    );
    f.do({ type: 'RecordCustomerSignature', actor: tech, signedBy: '张' }, t('2026-03-09 15:01'));
    f.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-09 16:00'));
    f.do({ type: 'FileVoucher', actor: cs }, t('2026-03-09 16:30'));
    f.do(
      {
        type: 'ConfirmCashAndMailInvoice',
        actor: finance,
        receivedFen: 20_000,
        invoiceNumber: 'I-9',
      },
      t('2026-03-10 10:00'),
    );
    expect(repairMeasures(f.events, cal)).toEqual({
      dispatchWorkingMs: 2 * 3_600_000,
      dispatchProvisional: false,
      resolvedOnFirstVisit: true,
      resolvedOnSite: true,
      externalTurnaroundMs: null,
      invoicedFen: 20_000,
      collectedFen: 20_000,
    });
  });
});
