import { FOLLOW_UP_WORKFLOW_TYPE, type FollowUpWorkflowInput } from '@aso/contracts';
import { type FollowUpState, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type Harness, createHarness, refusalOf } from './support/harness';

/** F14 004 六 回访话术规范 on the time-skipping server: the script travels with the call. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('follow-up-script-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

test('F14 004 六, F03 004 三.(二)–(三): the follow-up call shows the caller the standard opening (with the customer’s name), the questions (the questionnaire) and the closing; a record without the identity confirmed, the purpose stated or the thanks (closing) is refused naming the field; the record confirms them', async () => {
  const closedAt = await h.now();
  const caseNumber = caseNumberAt('HF', closedAt, 301);
  const input: FollowUpWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: closedAt.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: 'KS202612-0199',
      parentCaseType: 'complaint',
      closedAt: closedAt.getTime(),
    },
    customer: { name: '赵六', phone: '13800138000' },
    openedBy: { userId: 'system' },
    policy: defaultPolicy,
  };
  await h.env.client.workflow.start(FOLLOW_UP_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  const f = h.driver<FollowUpState>(caseNumber);
  await f.task('follow_up_call');
  const { state } = await f.view();
  expect(state.callScript?.opening).toMatch(/^您好,请问是赵六先生\/女士吗?/);
  expect(state.callScript?.closing).toMatch(/^感谢您抽出时间接听我的电话。/);
  expect(state.script.map((q) => q.code)).toEqual(['result', 'process', 'handler']);

  const command = {
    type: 'RecordCall',
    identityConfirmed: true,
    purposeStated: true,
    answers: { result: '满意', process: '较快', handler: '耐心' },
    survey: {
      attitude: 'satisfied',
      skill: 'satisfied',
      arrival_time: 'satisfied',
      promises_kept: 'satisfied',
    },
  };
  // F03 004 三.(三): confirm the identity, then state the purpose, before anything is recorded
  for (const field of ['identityConfirmed', 'purposeStated'] as const) {
    const early = await refusalOf(
      f.complete('follow_up_call', people.cs, { ...command, closingSaid: true, [field]: false }),
    );
    expect(early.type).toBe('COMMAND_INVALID');
    expect(early.details?.[0]).toMatchObject({ field });
  }
  const refused = await refusalOf(f.complete('follow_up_call', people.cs, command));
  expect(refused.type).toBe('COMMAND_INVALID');
  expect(refused.details?.[0]).toMatchObject({ field: 'closingSaid' });
  await f.complete('follow_up_call', people.cs, { ...command, closingSaid: true });
  expect((await f.view()).state.call).toMatchObject({
    identityConfirmed: true,
    purposeStated: true,
    closingSaid: true,
  });
});
