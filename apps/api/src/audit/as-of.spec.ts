import {
  BusinessCalendar,
  decideComplaint,
  defaultPolicy,
  evolveComplaint,
  localToInstant,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
} from '@aso/domain';
import { businessTimeLeft } from '../cases/business-time';
import { caseAsOf, type TrailEvent } from './as-of';

const at = (s: string) => localToInstant(s).getTime();
const sales = { userId: 'sales-1', department: 'sales' as const, roles: ['staff' as const] };
const cs = { userId: 'cs-1', department: 'cs' as const, roles: ['staff' as const] };
const intake = {
  customerName: '王先生',
  orderNumber: 'SO-2026-0042',
  batchNumber: 'B2602',
  shipDate: '2026-02-20',
  defectiveQuantity: 3,
  demand: 'refund',
  reasons: 'screen flickers',
  channel: 'phone' as const,
  attachments: [],
  salesOpinion: 'plausible',
};

/** A trail as the workflow writes it: each domain event as `complaint.<type>` with itself as data. */
function trail(): TrailEvent[] {
  let state: ComplaintState | null = null;
  const out: TrailEvent[] = [];
  const push = (action: string, actor: string, when: number, data: Record<string, unknown>) =>
    out.push({ seq: out.length + 1, occurredAt: new Date(when), actor, action, data });
  const run = (command: ComplaintCommand, when: number) => {
    const d = decideComplaint(state, command, when, defaultPolicy);
    if (!d.ok) throw d.error;
    for (const e of d.events as ComplaintEvent[]) {
      state = evolveComplaint(state, e);
      push(`complaint.${e.type}`, e.by, e.at, JSON.parse(JSON.stringify(e)));
    }
  };
  run(
    { type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake },
    at('2026-03-02 09:30'),
  );
  push('task.opened', 'system', at('2026-03-02 09:30'), {
    taskId: 'KS202603-0001-T1',
    type: 'registration',
    stage: 'registration',
    status: 'open',
    assignee: null,
  });
  push('task.claimed', 'cs-1', at('2026-03-02 09:45'), {
    taskId: 'KS202603-0001-T1',
    type: 'registration',
    stage: 'registration',
    status: 'claimed',
    assignee: 'cs-1',
  });
  run(
    { type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'general' },
    at('2026-03-02 10:00'),
  );
  push('task.completed', 'cs-1', at('2026-03-02 10:00'), {
    taskId: 'KS202603-0001-T1',
    type: 'registration',
    stage: 'registration',
    status: 'completed',
    assignee: 'cs-1',
  });
  return out;
}

describe('a case as of a moment, from its audit trail (issue 11, auditors)', () => {
  const events = trail();

  it('before the intake there is no state and no task', () => {
    const then = caseAsOf('KS202603-0001', 'complaint', events, new Date(at('2026-03-02 09:00')));
    expect(then).toMatchObject({ state: null, status: null, eventCount: 0, tasks: [] });
    expect(then.totalEvents).toBe(events.length);
  });

  it('between intake and registration: awaiting registration, the task claimed by cs-1', () => {
    const then = caseAsOf('KS202603-0001', 'complaint', events, new Date(at('2026-03-02 09:50')));
    expect(then.status).toBe('awaiting_registration');
    expect(then.tasks).toEqual([
      expect.objectContaining({ taskId: 'KS202603-0001-T1', status: 'claimed', assignee: 'cs-1' }),
    ]);
    expect(then.lastEvent?.action).toBe('task.claimed');
    expect(then.foldError).toBeNull();
  });

  it('after registration: the fold equals the workflow’s own fold of every event', () => {
    const then = caseAsOf('KS202603-0001', 'complaint', events, new Date(at('2026-03-02 12:00')));
    let expected: ComplaintState | null = null;
    for (const e of events.filter((x) => x.action.startsWith('complaint.')))
      expected = evolveComplaint(expected, e.data as unknown as ComplaintEvent);
    expect(then.state).toEqual(expected);
    expect(then.status).not.toBe('awaiting_registration');
    expect(then.tasks[0]?.status).toBe('completed');
    expect(then.eventCount).toBe(events.length);
  });

  it('a trail that cannot be folded says where it stopped instead of inventing a state', () => {
    const broken = [
      { seq: 1, occurredAt: new Date(0), actor: 'x', action: 'complaint.Foo', data: { type: 'X' } },
    ];
    const then = caseAsOf('KS202603-0001', 'complaint', broken, new Date(1));
    expect(then.state).toBeNull();
    expect(then.foldError?.seq).toBe(1);
  });
});

describe('remaining business time on the pinned calendar', () => {
  const calendar = new BusinessCalendar(defaultPolicy.calendar);

  it('Friday 17:00 → Monday 10:00 is 2 working hours (the weekend does not count)', () => {
    const left = businessTimeLeft(
      calendar,
      new Date(at('2026-03-06 17:00')),
      new Date(at('2026-03-09 10:00')),
    );
    expect(left?.remainingWorkingMs).toBe(2 * 3_600_000);
  });

  it('a passed deadline is negative working time; no deadline is null', () => {
    const left = businessTimeLeft(
      calendar,
      new Date(at('2026-03-09 10:00')),
      new Date(at('2026-03-06 17:00')),
    );
    expect(left?.remainingWorkingMs).toBe(-2 * 3_600_000);
    expect(businessTimeLeft(calendar, new Date(), null)).toBeNull();
  });
});
