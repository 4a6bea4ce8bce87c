import {
  BusinessCalendar,
  computeStageDeadline,
  dayIndexOfIsoDate,
  defaultHolidayTables,
  defaultPolicyInput,
  formatLocal,
  isoDateOfDay,
  isoWeekday,
  localToInstant,
  parsePolicy,
} from '@aso/domain';
import { approve, propose, toProposal } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';
import { local, sleepUntil } from './support/time';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('department-calendar-test');
});
afterAll(async () => {
  await h?.teardown();
});

const MINUTE = 60_000;

/** 001 篇3 三.1–2: each person takes one weekday off in rotation, so sales is open all week. */
const policy = parsePolicy({
  ...defaultPolicyInput,
  calendar: {
    ...defaultPolicyInput.calendar,
    departments: {
      sales: { weekendDays: [], basis: '001 篇3 三.1–2 轮休, 周末上班', source: 'seed' },
    },
  },
});
const company = new BusinessCalendar(policy.calendar, defaultHolidayTables);

/** The next ordinary Friday (a working day followed by a plain weekend) after `now`. */
function nextPlainFriday(now: number): string {
  const today = dayIndexOfIsoDate(formatLocal(now).slice(0, 10));
  for (let day = today + 1; ; day++) {
    if (isoWeekday(day) !== 5) continue;
    const [fri, sat, sun] = [day, day + 1, day + 2].map((d) => company.dayInfo(isoDateOfDay(d)));
    if (fri!.kind === 'workday' && sat!.kind === 'weekend' && sun!.kind === 'weekend')
      return isoDateOfDay(day);
  }
}

describe('department calendars in a running case (Decision 7)', () => {
  test('X02 001 篇3 三.1–2, C40 001 §24.1(4): sales works the weekend — sales relays the result: the customer response (2 working days, sales) asked on a Friday 10:00 is due Sunday 10:00 and goes overdue on Sunday', async () => {
    const friday = nextPlainFriday(await h.env.currentTimeMs());
    const sunday = isoDateOfDay(dayIndexOfIsoDate(friday) + 2);
    await sleepUntil(h, localToInstant(`${friday} 10:00`));
    const c = await h.startComplaint({ policy });
    await toProposal(c);
    await propose(c, 'apology');
    await approve(c);
    const task = await c.task('customer_response');
    expect(task).toMatchObject({ candidateDepartment: 'sales', stage: 'customerResponse' });
    expect(local(task.dueAt)).toBe(`${sunday}T10:00+08:00`);
    const companyDue = computeStageDeadline(
      policy,
      company,
      'complaint',
      'customerResponse',
      new Date(task.createdAt),
    ).due;
    expect(isoWeekday(dayIndexOfIsoDate(formatLocal(companyDue.getTime()).slice(0, 10)))).toBe(2);
    const opened = h.recorded
      .auditOf(c.caseNumber)
      .find((a) => a.action === 'task.opened' && a.data.taskId === task.taskId);
    expect(opened?.data.calendar).toMatchObject({ department: 'sales', source: 'seed' });

    const due = new Date(task.dueAt!).getTime();
    await sleepUntil(h, due - MINUTE);
    expect(await c.task('customer_response')).toMatchObject({ overdue: false });
    await sleepUntil(h, due + MINUTE);
    expect(await c.task('customer_response')).toMatchObject({ overdue: true, escalationLevel: 1 });
    // the CS tasks of the same case kept the company's week
    const registration = (await c.tasks('cs_registration'))[0]!;
    expect(registration.dueAt).toBe(
      computeStageDeadline(
        policy,
        company,
        'complaint',
        'registration',
        new Date(registration.createdAt),
      ).due.toISOString(),
    );
  });

  test('calendar coverage: a deadline counted on a year with no holiday table carries calendarCovered false and the warning in its explanation record', async () => {
    const c = await h.startComplaint({ holidayTables: { years: {} } });
    const task = await c.task('first_response');
    const opened = h.recorded
      .auditOf(c.caseNumber)
      .find((a) => a.action === 'task.opened' && a.data.taskId === task.taskId);
    const year = formatLocal(new Date(task.createdAt).getTime()).slice(0, 4);
    expect(opened?.data).toMatchObject({ calendarCovered: false });
    expect(String(opened?.data.calendarWarning)).toContain(year);

    const covered = await h.startComplaint();
    const first = await covered.task('first_response');
    const plain = h.recorded
      .auditOf(covered.caseNumber)
      .find((a) => a.action === 'task.opened' && a.data.taskId === first.taskId);
    const span = company.uncoveredYears(new Date(first.createdAt), new Date(first.dueAt!));
    if (span.length === 0) expect(plain?.data).not.toHaveProperty('calendarCovered');
    else expect(plain?.data).toMatchObject({ calendarCovered: false });
  });
});
