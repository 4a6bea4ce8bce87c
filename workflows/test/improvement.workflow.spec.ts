import { defaultPayloadConverter } from '@temporalio/common';
import {
  type CaseActor,
  IMPROVEMENT_WORKFLOW_TYPE,
  type ImprovementResult,
  type ImprovementWorkflowInput,
} from '@aso/contracts';
import { type ImprovementState, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type CaseDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import { local, sleepUntil } from './support/time';

/**
 * F17 003 §四.4 on the time-skipping server: an improvement measure a CS manager set from the
 * follow-up analysis, with its goal, owner and completion date; the owner's task opens claimed
 * by them, due 18:00 on the last working day on or before the date; overdue, it escalates to
 * the CS manager at once and to the VP in charge a working day later; the owner's late result,
 * the CS manager's check, the measure closed; every step in the audit trail.
 * Real dates: set Wed 2 Dec 2026 10:00 (Asia/Shanghai), due date Sun 13 Dec 2026.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('improvement-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const owner: CaseActor = { userId: 'wh-01', department: 'warehouse', roles: ['staff'] };

async function startMeasure(openedAt: Date, seq: number): Promise<CaseDriver<ImprovementState>> {
  const caseNumber = caseNumberAt('GJ', openedAt, seq);
  const input: ImprovementWorkflowInput = {
    organisationId: 'org-test',
    caseNumber,
    openedAt: openedAt.toISOString(),
    openedBy: people.csManager,
    source: {
      analysisMonth: '2026-11',
      finding: 'arrival_time: 2 of 3 surveys below satisfied',
      followUps: ['HF202611-0001', 'HF202611-0002'],
    },
    measure: '送货前一天电话确认到达时间',
    goal: '12月回访"到达时间"一般及较差不超过 1 次',
    owner: { department: 'warehouse', userId: 'wh-01' },
    dueDate: '2026-12-13',
    policy: defaultPolicy,
  };
  await h.env.client.workflow.start(IMPROVEMENT_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  return h.driver<ImprovementState>(caseNumber);
}

test('F17 003 §四.4: the owner’s measure (warehouse, wh-01) is due 18:00 Fri 11 Dec 2026 for a date of Sun 13 Dec; overdue → escalated to the CS manager at 18:00 Fri 11 Dec and to the VP in charge at 18:00 Mon 14 Dec; the late result, the CS manager’s check, closed effective; all audited', async () => {
  await sleepUntil(h, '2026-12-02T02:00:00Z'); // Wednesday 10:00 in Shanghai
  const m = await startMeasure(await h.now(), 1);
  const task = await m.task('improvement_measure');
  expect(task).toMatchObject({
    candidateDepartment: 'warehouse',
    assignee: 'wh-01',
    status: 'claimed',
    stage: 'measure',
    commands: ['RecordImprovementResult'],
  });
  expect(local(task.dueAt)).toBe('2026-12-11T18:00+08:00');
  expect((await m.view()).closingClock?.dueAt).toBe(task.dueAt);

  await sleepUntil(h, '2026-12-11T09:59:00Z'); // 17:59 Fri
  expect(await m.task('improvement_measure')).toMatchObject({ overdue: false, escalationLevel: 0 });
  await sleepUntil(h, '2026-12-11T10:01:00Z'); // 18:01 Fri
  const first = await eventually(async () => {
    const v = await m.view();
    return v.tasks.find((t) => t.type === 'escalation' && t.escalationLevel === 1);
  }, 'the escalation to the CS manager');
  expect(first).toMatchObject({
    candidateDepartment: 'cs',
    candidateRoles: ['manager'],
    escalatesTaskId: task.taskId,
    stage: 'measure',
  });
  expect(await m.task('improvement_measure')).toMatchObject({ overdue: true, escalationLevel: 1 });
  // one working day later: Mon 14 Dec 18:00 (the weekend does not count)
  await sleepUntil(h, '2026-12-14T09:59:00Z');
  expect((await m.task('improvement_measure')).escalationLevel).toBe(1);
  await sleepUntil(h, '2026-12-14T10:01:00Z');
  const second = await eventually(async () => {
    const v = await m.view();
    return v.tasks.find((t) => t.type === 'escalation' && t.escalationLevel === 2);
  }, 'the escalation to the VP in charge');
  expect(second).toMatchObject({ candidateRoles: ['vp'], escalatesTaskId: task.taskId });

  // only the owner works it; a check before the result is not open
  const other = await refusalOf(
    m.complete(
      'improvement_measure',
      { userId: 'wh-02', department: 'warehouse', roles: ['staff'] },
      {
        type: 'RecordImprovementResult',
        result: 'x',
      },
    ),
  );
  expect(other.type).toBe('TASK_NOT_OPEN'); // claimed by its owner
  await m.complete('improvement_measure', owner, {
    type: 'RecordImprovementResult',
    result: '已实行送货前电话确认, 12月到达时间投诉 0 次',
  });
  const check = await m.task('improvement_check');
  expect(check).toMatchObject({ candidateDepartment: 'cs', candidateRoles: ['manager'] });
  await m.complete('improvement_check', people.csManager, {
    type: 'CheckImprovement',
    effective: true,
    note: '目标达成',
  });
  const completed = await eventually(async () => {
    const history = await m.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, 'the measure to close');
  const result = defaultPayloadConverter.fromPayload(
    completed.result!.payloads![0]!,
  ) as ImprovementResult;
  expect(result).toEqual({ caseNumber: m.caseNumber, outcome: 'effective', rounds: 1 });

  const actions = h.recorded.auditOf(m.caseNumber).map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining([
      'improvement.ImprovementOpened',
      'escalation',
      'improvement.ImprovementResultRecorded',
      'improvement.ImprovementChecked',
      'improvement.ImprovementClosed',
    ]),
  );
  expect(h.recorded.caseOf(m.caseNumber)).toMatchObject({
    caseType: 'improvement',
    status: 'closed',
    closedOnTime: false,
  });
  const [record] = h.recorded.documentsOf(m.caseNumber, 'improvement_measure');
  expect(record).toMatchObject({
    docNumber: `${m.caseNumber}-M`,
    status: 'effective',
    content: expect.objectContaining({
      goal: '12月回访"到达时间"一般及较差不超过 1 次',
      ownerId: 'wh-01',
      rounds: [
        expect.objectContaining({
          dueDate: '2026-12-13',
          dueAt: '2026-12-11T10:00:00.000Z',
          result: expect.objectContaining({ by: 'wh-01' }),
          check: expect.objectContaining({ effective: true, by: 'cs-m' }),
        }),
      ],
    }),
  });
});
