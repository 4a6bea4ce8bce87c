import { defaultHolidayTables, withYear } from '@aso/domain';
import { firstResponse, register } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';
import { local, sleepUntil } from './support/time';

/**
 * Deadlines on China's working calendar across a holiday block with a make-up Saturday (调休).
 * The test server's clock only moves forward from today, so the table adds a block ahead of it,
 * shaped like the 2026 National Day schedule (7 days off Thu–Wed, then a make-up Saturday):
 * 2026-12-10 … 12-16 off, Saturday 2026-12-19 worked. Its own file: the server clock of the other
 * deadline tests runs far past December.
 */
const y2026 = defaultHolidayTables.years['2026']!;
const holidayTables = withYear(defaultHolidayTables, 2026, {
  holidays: [
    ...y2026.holidays,
    ['2026-12-10', '2026-12-16', '测试假期 test block shaped like 国庆节'],
  ],
  makeupWorkdays: [...y2026.makeupWorkdays, '2026-12-19'],
});

let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-holidays-test');
});
afterAll(async () => {
  await h?.teardown();
});

test('DOMAIN "Deadlines" + "Overdue": a registration due across a 7-day holiday block escalates to the CS manager after the block and to the VP a working day later; R&D\'s 3 days count the make-up Saturday', async () => {
  await sleepUntil(h, '2026-12-09T02:00:00Z'); // Wednesday 10:00 in Shanghai
  const c = await h.startComplaint({ holidayTables });
  await firstResponse(c);
  const registration = await c.task('cs_registration');
  expect(local(registration.createdAt)).toBe('2026-12-09T10:00+08:00');
  // 1 working day: 8 h on Wednesday, then nothing until Thursday 12-17, 1 h → 10:00
  expect(local(registration.dueAt)).toBe('2026-12-17T10:00+08:00');

  await sleepUntil(h, '2026-12-10T03:00:00Z'); // a calendar day later, inside the block: not late
  expect(await c.task('cs_registration')).toMatchObject({ overdue: false, escalationLevel: 0 });
  await sleepUntil(h, '2026-12-17T01:59:00Z');
  expect(await c.task('cs_registration')).toMatchObject({ overdue: false });

  await sleepUntil(h, '2026-12-17T02:01:00Z');
  let view = await c.view();
  const manager = view.tasks.find(
    (t) =>
      t.type === 'escalation' &&
      t.escalatesTaskId === registration.taskId &&
      t.escalationLevel === 1,
  );
  expect(manager).toMatchObject({ candidateDepartment: 'cs', candidateRoles: ['manager'] });
  expect(local(manager!.createdAt)).toBe('2026-12-17T10:00+08:00');

  await sleepUntil(h, '2026-12-18T02:01:00Z'); // Friday 10:01: a further working day late
  view = await c.view();
  const vp = view.tasks.find(
    (t) =>
      t.type === 'escalation' &&
      t.escalatesTaskId === registration.taskId &&
      t.escalationLevel === 2,
  );
  expect(vp).toMatchObject({ candidateDepartment: null, candidateRoles: ['vp'] });
  expect(local(vp!.createdAt)).toBe('2026-12-18T10:00+08:00');
  const escalations = h.recorded
    .auditOf(c.caseNumber)
    .filter((a) => a.action === 'escalation' && a.data.escalatesTaskId === registration.taskId);
  expect(
    escalations.map((a) => [
      local(a.data.scheduledAt as string),
      (a.data.to as { role: string }).role,
    ]),
  ).toEqual([
    ['2026-12-17T10:00+08:00', 'manager'],
    ['2026-12-18T10:00+08:00', 'vp'],
  ]);

  // Registered Friday 10:01: 3 working days = Fri 8 h + make-up Saturday 9 h + Mon 9 h + Tue 1 h.
  await register(c);
  const investigation = await c.task('rnd_investigation');
  expect(local(investigation.dueAt)).toBe('2026-12-22T10:01+08:00');
  // 001 §26.1: six working days from acceptance, the make-up Saturday included
  expect(local((await c.view()).closingClock.dueAt)).toBe('2026-12-25T10:01+08:00');

  await sleepUntil(h, '2026-12-22T02:02:00Z');
  const rndManager = (await c.tasks('escalation')).find(
    (t) => t.escalatesTaskId === investigation.taskId,
  );
  expect(rndManager).toMatchObject({
    candidateDepartment: 'rnd',
    candidateRoles: ['manager'],
    escalationLevel: 1,
  });
  expect(local(rndManager!.createdAt)).toBe('2026-12-22T10:01+08:00');
});
