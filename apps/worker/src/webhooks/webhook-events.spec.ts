import type { AuditRecord, CaseChanges } from '@aso/contracts';
import { webhookEventsOf } from './webhook-events';

const audit = (
  key: string,
  action: string,
  data: Record<string, unknown>,
  actor = 'u-cs',
): AuditRecord => ({
  organisationId: 'org-1',
  caseNumber: 'KS202612-0007',
  key,
  occurredAt: '2026-12-02T02:00:00.000Z',
  actor,
  action,
  data,
  policyVersion: 1,
});

const changes = (records: AuditRecord[], closedAt: string | null = null): CaseChanges =>
  ({
    organisationId: 'org-1',
    audit: records,
    documents: [],
    tasks: [],
    snapshot: {
      caseNumber: 'KS202612-0007',
      caseType: 'complaint',
      status: closedAt ? 'closed' : 'registered',
      closedAt,
      parentCaseNumber: null,
    },
  }) as unknown as CaseChanges;

const task = { taskId: 'KS202612-0007-T2', type: 'registration', stage: 'registration' };

describe('issue 11 Notifications: the webhook events of a case write', () => {
  test('task.assigned from a claim, a delegation and a task opened with an assignee; never from an unassigned opening or an unclaim', () => {
    const events = webhookEventsOf(
      changes([
        audit('wf:3', 'task.opened', { ...task, assignee: null }),
        audit('wf:4', 'task.claimed', { ...task, assignee: 'u-cs' }),
        audit('wf:5', 'task.unclaimed', { ...task, assignee: null }),
        audit('wf:6', 'task.delegated', { ...task, assignee: 'u-cs2' }, 'u-mgr'),
        audit(
          'wf:7',
          'task.opened',
          { ...task, taskId: 'KS202612-0007-T3', assignee: 'u-sales' },
          'system',
        ),
        audit('wf:8', 'task.completed', { ...task, assignee: 'u-cs2' }),
      ]),
    );
    expect(events.map((e) => [e.id, e.type, e.payload.data])).toEqual([
      [
        'KS202612-0007:wf:4',
        'task.assigned',
        {
          taskId: task.taskId,
          taskType: 'registration',
          stage: 'registration',
          assignee: 'u-cs',
          assignedBy: 'u-cs',
          via: 'claimed',
        },
      ],
      [
        'KS202612-0007:wf:6',
        'task.assigned',
        {
          taskId: task.taskId,
          taskType: 'registration',
          stage: 'registration',
          assignee: 'u-cs2',
          assignedBy: 'u-mgr',
          via: 'delegated',
        },
      ],
      [
        'KS202612-0007:wf:7',
        'task.assigned',
        {
          taskId: 'KS202612-0007-T3',
          taskType: 'registration',
          stage: 'registration',
          assignee: 'u-sales',
          assignedBy: 'system',
          via: 'opened',
        },
      ],
    ]);
    expect(events[0]?.payload).toMatchObject({
      id: 'KS202612-0007:wf:4',
      type: 'task.assigned',
      occurredAt: '2026-12-02T02:00:00.000Z',
      organisationId: 'org-1',
      caseNumber: 'KS202612-0007',
      caseType: 'complaint',
    });
  });

  test('task.escalated from an escalation step of a missed deadline', () => {
    const [e] = webhookEventsOf(
      changes([
        audit('wf:9', 'task.overdue', { ...task, assignee: null }, 'system'),
        audit(
          'wf:10',
          'escalation',
          {
            stage: 'registration',
            level: 1,
            to: 'department_manager',
            escalatesTaskId: task.taskId,
            escalationTaskId: 'KS202612-0007-T4',
            clock: 'c1',
          },
          'system',
        ),
      ]),
    );
    expect(e).toMatchObject({
      id: 'KS202612-0007:wf:10',
      type: 'task.escalated',
      payload: {
        data: {
          escalatesTaskId: task.taskId,
          escalationTaskId: 'KS202612-0007-T4',
          level: 1,
          to: 'department_manager',
          stage: 'registration',
        },
      },
    });
  });

  test('case.closed once per case: the same id for every write of a closed case', () => {
    const a = webhookEventsOf(changes([], '2026-12-02T03:00:00.000Z'));
    const b = webhookEventsOf(
      changes([audit('wf:20', 'task.cancelled', task)], '2026-12-02T03:00:00.000Z'),
    );
    expect(a.map((e) => [e.id, e.type])).toEqual([['KS202612-0007:closed', 'case.closed']]);
    expect(b.map((e) => e.id)).toEqual(['KS202612-0007:closed']);
    expect(webhookEventsOf(changes([]))).toEqual([]);
  });
});

describe('C33 002 服务流程 3; 003 §四.3; 000 §三.7: customer notices go out as webhook events', () => {
  test('C33 002 服务流程 3: a customer.notice audit becomes case.customer_notice with what to say, the channel and the expected time; its id is the audit key (idempotent)', () => {
    const notice = audit(
      'wf:12',
      'customer.notice',
      {
        stage: 'accepted',
        channel: 'phone',
        message: '您的投诉已受理。',
        expectedBy: '2026-12-08T10:00:00.000Z',
      },
      'system',
    );
    const once = webhookEventsOf(changes([notice]));
    expect(once).toHaveLength(1);
    expect(once[0]).toMatchObject({
      id: 'KS202612-0007:wf:12',
      type: 'case.customer_notice',
      payload: {
        type: 'case.customer_notice',
        data: {
          stage: 'accepted',
          channel: 'phone',
          message: '您的投诉已受理。',
          expectedBy: '2026-12-08T10:00:00.000Z',
        },
      },
    });
    // a retried write carries the same audit key: the same event id, delivered once
    expect(webhookEventsOf(changes([notice]))[0]?.id).toBe(once[0]?.id);
  });
});
