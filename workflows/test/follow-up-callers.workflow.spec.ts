import type { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import {
  FOLLOW_UP_WORKFLOW_TYPE,
  type CaseActor,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import { type FollowUpState, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type Harness, createHarness } from './support/harness';

/**
 * F18 004 八.(一)3 新入职的回访人员必须经过专门的培训,经考核合格后方可上岗, in the workflow's own
 * rule book (the update validators; libs/domain task-rules.ts): a follow-up call is not claimed
 * by, worked by or handed to a person whose stated qualifications lack `follow_up_caller`, so a
 * path around the API (the absence hand-over, a direct update) is refused as well.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('follow-up-callers-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const trained: CaseActor = { ...people.cs2, qualifications: ['follow_up_caller'] };
const newbie: CaseActor = {
  userId: 'cs-new',
  department: 'cs',
  roles: ['staff'],
  qualifications: [],
};
const code = (e: WorkflowUpdateFailedError) => (e.cause as ApplicationFailure).type;

test('F18 004 八.(一)3: the workflow refuses claiming or being handed a follow-up call without follow_up_caller (CALLER_NOT_QUALIFIED); a trained caller receives it', async () => {
  const at = new Date('2026-12-04T02:00:00Z');
  const caseNumber = caseNumberAt('HF', at, 801);
  const input: FollowUpWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: at.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: 'KS202612-0801',
      parentCaseType: 'complaint',
      closedAt: at.getTime(),
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
  const f = h.driver<FollowUpState>(caseNumber);
  const call = await f.task('follow_up_call');
  expect(await f.claim(call.taskId, newbie).then(() => 'ok', code)).toBe('CALLER_NOT_QUALIFIED');
  expect(await f.delegate(call.taskId, people.csManager, newbie).then(() => 'ok', code)).toBe(
    'CALLER_NOT_QUALIFIED',
  );
  const handed = await f.delegate(call.taskId, people.csManager, trained);
  expect(handed).toMatchObject({ status: 'claimed', assignee: 'cs-02' });
});
