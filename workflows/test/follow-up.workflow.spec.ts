import { defaultPayloadConverter } from '@temporalio/common';
import {
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpResult,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import {
  type ComplaintState,
  type FollowUpState,
  caseNumberAt,
  defaultPolicy,
  parsePolicy,
  defaultPolicyInput,
} from '@aso/domain';
import { people } from './support/actors';
import { close, toExecution } from './support/complaint-steps';
import { type CaseDriver, type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';
import { local, sleepUntil } from './support/time';

/**
 * The follow-up call (HF, DOMAIN.md §5; F08, F11, F12 of SEED_RULES.md) on the time-skipping
 * server: started by the closing complaint as a case of its own, and opening the linked
 * complaint of a dissatisfied customer. Calendar order: Friday 2026-12-04 … (Asia/Shanghai).
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('follow-up-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

type FollowUpDriver = CaseDriver<FollowUpState>;

const grades = (arrival: string) => ({
  attitude: 'very_satisfied',
  skill: 'satisfied',
  arrival_time: arrival,
  promises_kept: 'satisfied',
});
const complaintAnswers = { result: '满意', process: '较快', handler: '耐心' };

async function resultOf(d: FollowUpDriver): Promise<FollowUpResult> {
  const completed = await eventually(async () => {
    const history = await d.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, `${d.caseNumber} to complete`);
  const [payload] = completed.result?.payloads ?? [];
  return defaultPayloadConverter.fromPayload(payload!) as FollowUpResult;
}

let seq = 100;
async function startFollowUp(closedAt: Date): Promise<FollowUpDriver> {
  const caseNumber = caseNumberAt('HF', closedAt, ++seq);
  const input: FollowUpWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: closedAt.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: 'KS202612-0099',
      parentCaseType: 'complaint',
      closedAt: closedAt.getTime(),
    },
    customer: { name: '王先生', phone: '13800138000' },
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

describe('follow-up call, DOMAIN.md §5 (004; 001 §17)', () => {
  test('C35 003 §四.3, F08 004 五.(三)3: a closed complaint starts its HF case; the call is in CS’s inbox, due 3 working days after the close; F09 004 四.(五): its script asks the complaint customer about the result, the process and the handler; F12: unreachable 3 times → closed unreachable', async () => {
    await sleepUntil(h, '2026-12-04T02:00:00Z'); // Friday 10:00 in Shanghai
    const c = await h.startComplaint();
    await toExecution(c, 'apology');
    await close(c);
    const started = await eventually(
      async () =>
        h.recorded.auditOf(c.caseNumber).find((a) => a.action === 'case.follow_up_started'),
      'the follow-up to start',
    );
    const number = started.data.followUpCaseNumber as string;
    expect(number).toMatch(/^HF202612-\d{4}$/);
    const f = h.driver<FollowUpState>(number);
    const call = await f.task('follow_up_call');
    expect(call).toMatchObject({ candidateDepartment: 'cs', candidateRoles: [], stage: 'call' });
    // Friday 10:00 + 3 working days: Monday, Tuesday, Wednesday → Wednesday 2026-12-09 10:00
    expect(local(call.dueAt)).toBe('2026-12-09T10:00+08:00');
    const view = await f.view();
    expect(view).toMatchObject({ caseType: 'followUp', parentCaseNumber: c.caseNumber });
    expect(view.state.script.map((q) => q.code)).toEqual(['result', 'process', 'handler']);
    expect(h.recorded.caseOf(number)).toMatchObject({
      caseType: 'followUp',
      status: 'calling',
      parentCaseNumber: c.caseNumber,
      customerName: '王先生',
    });

    await f.complete('follow_up_call', people.cs, { type: 'RecordCallAttempt', note: '无人接听' });
    const retry = await f.task('follow_up_call');
    expect(retry.stage).toBe('retry');
    // a retry 1 working day after the failed attempt (Friday → Monday 2026-12-07)
    expect(local(retry.dueAt)).toBe('2026-12-07T10:00+08:00');
    await f.complete('follow_up_call', people.cs2, { type: 'RecordCallAttempt', note: '关机' });
    await f.complete('follow_up_call', people.cs, { type: 'RecordCallAttempt', note: '空号' });
    expect(await resultOf(f)).toEqual({
      caseNumber: number,
      outcome: 'unreachable',
      linkedComplaintNumber: null,
    });
    expect(h.recorded.caseOf(number)).toMatchObject({ status: 'closed', method: 'unreachable' });
  });

  test('F11 Decision 11: dissatisfied → the supervisor reviews the record → CS writes the intake → a new complaint linked to the old case runs on its own (CS owes its first response, Decision 1; it pins the current policy v2)', async () => {
    h.recorded.publishPolicy('org-test', parsePolicy({ ...defaultPolicyInput, version: 2 }));
    const f = await startFollowUp(await h.now());
    await f.complete('follow_up_call', people.cs, {
      type: 'RecordCall',
      identityConfirmed: true,
      purposeStated: true,
      closingSaid: true,
      answers: complaintAnswers,
      survey: grades('poor'),
    });
    expect(h.recorded.documentsOf(f.caseNumber, 'follow_up_record')).toEqual([
      expect.objectContaining({ revision: 1, status: 'under_review' }),
    ]);
    await f.complete('follow_up_review', people.csManager, {
      type: 'ReviewCallRecord',
      approve: true,
    });
    await f.complete('linked_complaint_intake', people.cs, {
      type: 'OpenLinkedComplaint',
      intake: {
        customerName: '王先生',
        orderNumber: 'SO-1001',
        batchNumber: 'B2611',
        shipDate: '2026-11-01',
        defectiveQuantity: 1,
        demand: '重新处理',
        reasons: `回访 ${f.caseNumber}: 到达时间 较差`,
        channel: 'phone',
        attachments: [],
        salesOpinion: '',
        // C02 001 §24.1(1): the spec and the occurrence time reach the linked complaint
        productSpec: 'R-300 32GB',
        occurredAt: '2026-11-20T10:00:00+08:00',
      },
    });
    const result = await resultOf(f);
    expect(result.outcome).toBe('dissatisfied');
    expect(result.linkedComplaintNumber).toMatch(/^KS202612-\d{4}$/);
    const linked = h.driver<ComplaintState>(result.linkedComplaintNumber!);
    const first = await linked.task('first_response');
    expect(first.candidateDepartment).toBe('cs');
    const complaint = await linked.view();
    expect(complaint).toMatchObject({ policyVersion: 2, status: 'awaiting_registration' });
    expect(complaint.state.reportedBy).toBe('cs-01');
    expect(complaint.state.intake).toMatchObject({
      productSpec: 'R-300 32GB',
      occurredAt: '2026-11-20T10:00:00+08:00',
    });
    expect((await f.view()).childCaseNumbers).toEqual([result.linkedComplaintNumber]);
    // the survey stays on the closed follow-up
    expect((await f.view()).state.call?.survey?.dissatisfiedItems).toEqual(['arrival_time']);
  });
});
