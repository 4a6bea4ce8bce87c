import { defaultPayloadConverter } from '@temporalio/common';
import {
  type CaseActor,
  FOLLOW_UP_WORKFLOW_TYPE,
  completeTaskUpdate,
  type FollowUpResult,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import { type FollowUpState, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type CaseDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import { local, sleepUntil } from './support/time';

/**
 * F05 004 三.(五) on the time-skipping server: at the record's review the store head / CS
 * supervisor classifies the problems the call found and sends each to a department with an
 * owner and a deadline; each owner's task opens claimed by them, due by its deadline; once all
 * results are in, CS tells the customer and confirms their satisfaction, and the call closes.
 * Real dates: a repair closed Friday 2026-12-04 10:00 (Asia/Shanghai).
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('follow-up-problems-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const grades = {
  attitude: 'satisfied',
  skill: 'satisfied',
  arrival_time: 'average',
  promises_kept: 'satisfied',
};

async function startFollowUp(closedAt: Date, seq: number): Promise<CaseDriver<FollowUpState>> {
  const caseNumber = caseNumberAt('HF', closedAt, seq);
  const input: FollowUpWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: closedAt.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: 'WX202612-0803',
      parentCaseType: 'repair',
      closedAt: closedAt.getTime(),
    },
    customer: { name: '赵先生', phone: '13900139000' },
    openedBy: { userId: 'system' },
    policy: defaultPolicy,
  };
  await h.env.client.workflow.start(FOLLOW_UP_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  return h.driver<FollowUpState>(caseNumber);
}

const byId = (
  f: CaseDriver<FollowUpState>,
  taskId: string,
  actor: CaseActor,
  command: { type: string; [k: string]: unknown },
) => f.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, command }] });

test('F05 004 三.(五): the reviewer sends each problem found to a department’s owner with a deadline (warehouse, 18:00 Tue 8 Dec 2026; tech, 18:00 Wed 9 Dec); results recorded, CS confirms the customer is satisfied, the call closes satisfied', async () => {
  await sleepUntil(h, '2026-12-04T02:00:00Z'); // Friday 10:00 in Shanghai
  const f = await startFollowUp(await h.now(), 803);
  const call = await f.task('follow_up_call');
  const answers = Object.fromEntries(
    (await f.view()).state.script.map((q) => [q.code, '到达较晚, 其余满意']),
  );
  await f.complete('follow_up_call', people.cs, {
    type: 'RecordCall',
    identityConfirmed: true,
    purposeStated: true,
    closingSaid: true,
    answers,
    survey: grades,
  });
  expect(call.type).toBe('follow_up_call');
  const problems = [
    {
      category: '配送',
      description: '送货迟到两天',
      department: 'warehouse' as const,
      ownerId: 'wh-01',
      deadline: '2026-12-08T10:00:00.000Z',
    },
    {
      category: '服务',
      description: '技术员未预约即上门',
      department: 'tech' as const,
      ownerId: 'tech-01',
      deadline: '2026-12-09T10:00:00.000Z',
    },
  ];
  // sending back a record cannot dispatch its problems
  const refused = await refusalOf(
    f.complete('follow_up_review', people.csManager, {
      type: 'ReviewCallRecord',
      approve: false,
      comment: 'redo',
      problems,
    }),
  );
  expect(refused.details?.[0]).toMatchObject({ field: 'problems' });
  await f.complete('follow_up_review', people.csManager, {
    type: 'ReviewCallRecord',
    approve: true,
    problems,
  });
  const tasks = (await f.view()).tasks.filter(
    (t) => t.type === 'follow_up_problem' && t.status !== 'cancelled',
  );
  expect(tasks.map((t) => [t.candidateDepartment, t.assignee, t.status, local(t.dueAt)])).toEqual([
    ['warehouse', 'wh-01', 'claimed', '2026-12-08T18:00+08:00'],
    ['tech', 'tech-01', 'claimed', '2026-12-09T18:00+08:00'],
  ]);
  expect(tasks[0]!.commands).toEqual(['RecordProblemResult']);
  // the owner of another department's problem is not its department
  const wrong = await refusalOf(
    byId(f, tasks[0]!.taskId, people.rnd, {
      type: 'RecordProblemResult',
      ref: 'P1',
      result: 'x',
    }),
  );
  expect(wrong.type).toBe('TASK_NOT_OPEN'); // claimed by its owner
  await byId(f, tasks[0]!.taskId, people.warehouse, {
    type: 'RecordProblemResult',
    ref: 'P1',
    result: '已调整配送路线, 向客户致歉',
  });
  const tech = { userId: 'tech-01', department: 'tech' as const, roles: ['staff' as const] };
  await f.complete('follow_up_problem', tech, {
    type: 'RecordProblemResult',
    ref: 'P2',
    result: '技术员上门前电话预约',
  });
  const confirm = await f.task('customer_satisfaction_confirmation');
  expect(confirm.candidateDepartment).toBe('cs');
  await f.complete('customer_satisfaction_confirmation', people.cs, {
    type: 'ConfirmCustomerSatisfaction',
    satisfied: true,
  });
  const completed = await eventually(async () => {
    const history = await f.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, 'the follow-up to close');
  const result = defaultPayloadConverter.fromPayload(
    completed.result!.payloads![0]!,
  ) as FollowUpResult;
  expect(result).toMatchObject({ outcome: 'satisfied' });
  const [record] = h.recorded.documentsOf(f.caseNumber, 'follow_up_record');
  expect(record).toMatchObject({
    status: 'customer_satisfied',
    content: expect.objectContaining({
      problems: [
        expect.objectContaining({
          ref: 'P1',
          department: 'warehouse',
          result: '已调整配送路线, 向客户致歉',
        }),
        expect.objectContaining({ ref: 'P2', department: 'tech', result: '技术员上门前电话预约' }),
      ],
      satisfaction: expect.objectContaining({ satisfied: true, by: 'cs-01' }),
    }),
  });
});
