import { defaultPayloadConverter } from '@temporalio/common';
import {
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpResult,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import { type FollowUpState, type PolicyDocument, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type CaseDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { eventually } from './support/poll';

/** F10, F16 (001 §17; 004 七.(二), 八.(二)) on the time-skipping server: the follow-up call. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('follow-up-seed-rules-test');
});
afterAll(async () => {
  await h?.teardown();
});

type FollowUpDriver = CaseDriver<FollowUpState>;

async function resultOf(d: FollowUpDriver): Promise<FollowUpResult> {
  const completed = await eventually(async () => {
    const history = await d.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, `${d.caseNumber} to complete`);
  const [payload] = completed.result?.payloads ?? [];
  return defaultPayloadConverter.fromPayload(payload!) as FollowUpResult;
}

/** the follow-up of a closed complaint, numbered HF<month>-<seq> */
async function startFollowUp(
  seq: number,
  policy: PolicyDocument = defaultPolicy,
): Promise<FollowUpDriver> {
  const closedAt = await h.now();
  const caseNumber = caseNumberAt('HF', closedAt, seq);
  const input: FollowUpWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: closedAt.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: `KS${caseNumber.slice(2)}`,
      parentCaseType: 'complaint',
      closedAt: closedAt.getTime(),
    },
    customer: { name: '王先生', phone: '13800138000' },
    openedBy: { userId: 'system' },
    policy,
  };
  await h.env.client.workflow.start(FOLLOW_UP_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  return h.driver<FollowUpState>(caseNumber);
}

const record = (survey: Record<string, string>) => ({
  type: 'RecordCall',
  identityConfirmed: true,
  purposeStated: true,
  closingSaid: true,
  answers: { result: '满意', process: '较快', handler: '耐心' },
  survey,
});

test('F10 001 §17: the survey rates attitude, skill, arrival time and promises kept, each 非常满意 / 满意 / 一般 / 较差 — all four grades are taken and scored 4 + 3 + 2 + 1 of 16; another grade or a missing item is refused', async () => {
  const f = await startFollowUp(401);
  await f.task('follow_up_call');
  const unknownGrade = await refusalOf(
    f.complete(
      'follow_up_call',
      people.cs,
      record({
        attitude: 'very_satisfied',
        skill: 'great',
        arrival_time: 'average',
        promises_kept: 'poor',
      }),
    ),
  );
  expect(unknownGrade.type).toBe('SURVEY_INVALID');
  const missingItem = await refusalOf(
    f.complete(
      'follow_up_call',
      people.cs,
      record({ attitude: 'very_satisfied', skill: 'satisfied', arrival_time: 'average' }),
    ),
  );
  expect(missingItem.type).toBe('SURVEY_INVALID');
  await f.complete(
    'follow_up_call',
    people.cs,
    record({
      attitude: 'very_satisfied',
      skill: 'satisfied',
      arrival_time: 'average',
      promises_kept: 'poor',
    }),
  );
  const survey = (await f.view()).state.call?.survey;
  expect(survey?.items.map((i) => [i.item, i.grade])).toEqual([
    ['attitude', 'very_satisfied'],
    ['skill', 'satisfied'],
    ['arrival_time', 'average'],
    ['promises_kept', 'poor'],
  ]);
  expect({ total: survey?.total, max: survey?.max }).toEqual({ total: 10, max: 16 });
});

/** a policy whose spot-check rate is `rate` (the draw itself stays the workflow's) */
const atRate = (rate: number): PolicyDocument => ({
  ...defaultPolicy,
  followUp: { ...defaultPolicy.followUp, spotCheck: { ...defaultPolicy.followUp.spotCheck, rate } },
});

test('F16 004 七.(二), 八.(二): the record is drawn at random — each follow-up draws a number in [0, 1) in the workflow (recorded on its opening event) and is drawn when it is under the rate 0.1, whatever its case number', async () => {
  const drivers = [];
  for (const seq of [501, 502, 503, 504, 505, 506, 507, 510])
    drivers.push(await startFollowUp(seq));
  const draws: number[] = [];
  for (const d of drivers) {
    await d.task('follow_up_call');
    const opened = h.recorded
      .auditOf(d.caseNumber)
      .find((a) => a.action === 'followUp.FollowUpOpened');
    const draw = opened?.data.spotCheckDraw as number;
    expect(draw).toBeGreaterThanOrEqual(0);
    expect(draw).toBeLessThan(1);
    expect(opened?.data.sampledForSpotCheck).toBe(draw < 0.1);
    expect((await d.view()).state.spotCheck).toMatchObject({ sampled: draw < 0.1, draw });
    draws.push(draw);
  }
  expect(new Set(draws).size).toBe(draws.length);
});

test('F16 004 七.(二), 八.(二): CS supervision re-checks a drawn record by calling the customer back — HF…-0011 drawn (rate 1) after the review, never by its caller; the result is recorded on the case and in its audit trail; HF…-0010 not drawn (rate 0.000001), the number no longer decides', async () => {
  const drawn = await startFollowUp(11, atRate(1));
  const satisfied = {
    attitude: 'satisfied',
    skill: 'satisfied',
    arrival_time: 'satisfied',
    promises_kept: 'satisfied',
  };
  await drawn.complete('follow_up_call', people.cs, record(satisfied));
  await drawn.complete('follow_up_review', people.csManager, {
    type: 'ReviewCallRecord',
    approve: true,
  });
  expect((await drawn.view()).state).toMatchObject({ status: 'spot_check' });
  expect(await drawn.task('follow_up_spot_check')).toMatchObject({
    candidateDepartment: 'cs',
    commands: ['RecordSpotCheck'],
  });
  const byCaller = await refusalOf(
    drawn.complete(
      'follow_up_spot_check',
      { ...people.csManager, userId: 'cs-01' },
      {
        type: 'RecordSpotCheck',
        consistent: true,
      },
    ),
  );
  expect(byCaller.type).toBe('SELF_APPROVAL');
  await drawn.complete('follow_up_spot_check', people.csManager, {
    type: 'RecordSpotCheck',
    consistent: true,
    note: '回拨核实一致',
  });
  expect(await resultOf(drawn)).toMatchObject({ outcome: 'satisfied' });
  expect(
    h.recorded.auditOf(drawn.caseNumber).find((a) => a.action === 'followUp.SpotCheckRecorded'),
  ).toMatchObject({ actor: 'cs-m', data: expect.objectContaining({ consistent: true }) });

  const notDrawn = await startFollowUp(10, atRate(0.000001));
  await notDrawn.complete('follow_up_call', people.cs, record(satisfied));
  await notDrawn.complete('follow_up_review', people.csManager, {
    type: 'ReviewCallRecord',
    approve: true,
  });
  expect(await resultOf(notDrawn)).toMatchObject({ outcome: 'satisfied' });
  expect(await notDrawn.tasks('follow_up_spot_check')).toEqual([]);
});
