import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  type CaseActor,
  MONTHLY_REVIEW_START_WORKFLOW_TYPE,
  MONTHLY_REVIEW_WORKFLOW_TYPE,
  type MonthlyReviewResult,
  type MonthlyReviewStartInput,
  type MonthlyReviewStartResult,
  type MonthlyReviewWorkflowInput,
  type TaskView,
} from '@aso/contracts';
import { type ReviewState, type ReviewedComplaint, defaultPolicy } from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../tools/provision/temporal-server';
import { people } from './support/actors';
import { CaseDriver, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import { type RecordingActivities, recordingActivities } from './support/recording-activities';
import { reviewActivities } from './support/review-activities';
import { local, sleepEnvUntil } from './support/time';
import { resultFromHistory } from './support/history-result';

/**
 * The monthly complaint review (YS, 001 §28; M01–M03; Decision 6) on the time-skipping server:
 * the starter a schedule fires (once per organisation and month), the GM office's review due
 * 18:00 on the last working day before the 10th and escalated to the GM when late, the
 * personnel announcement for HR and the GM-approved reward/penalty notice, each linked in its
 * source complaints' audit trails. Dates are real: September 2026 (National Day, a makeup
 * Saturday on the 10th) and November 2026 (due Wednesday 9 December).
 */
const TASK_QUEUE = 'review-workflow-test';
const gmo: CaseActor = { userId: 'gmo-01', department: 'gm_office', roles: ['staff'] };
const hr: CaseActor = { userId: 'hr-01', department: 'hr', roles: ['staff'] };

const complaints: ReviewedComplaint[] = [
  {
    caseNumber: 'KS202609-0001',
    closedAt: '2026-09-10T08:00:00.000Z',
    cause: 'product_quality',
    responsibleUnit: 'rnd',
    responsiblePersons: ['rnd-01'],
    formRevision: 1,
    penalties: [
      { personId: 'rnd-01', kind: 'warning', amountFen: 0 },
      { personId: 'rnd-01', kind: 'bonus_deduction', amountFen: 20_000 },
    ],
  },
  {
    caseNumber: 'KS202609-0002',
    closedAt: '2026-09-20T08:00:00.000Z',
    cause: 'transport',
    responsibleUnit: 'warehouse',
    responsiblePersons: ['wh-01'],
    formRevision: 2,
    penalties: [{ personId: 'wh-01', kind: 'bonus_deduction', amountFen: 10_000 }],
  },
];

let env: TestWorkflowEnvironment;
let recorded: RecordingActivities;
let sources: Map<string, ReviewedComplaint[]>;
let worker: Worker;
let running: Promise<void>;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
  recorded = recordingActivities();
  const review = reviewActivities(recorded);
  sources = review.sources;
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    ...workflowBundleOptions(),
    activities: { ...recorded.activities, ...review.activities },
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const sleepUntil = (at: string): Promise<void> => sleepEnvUntil(env, at);

/** Start the month's review; its starter's result is read from history (see resultFromHistory). */
async function startReview(input: MonthlyReviewStartInput): Promise<MonthlyReviewStartResult> {
  const handle = await env.client.workflow.start(MONTHLY_REVIEW_START_WORKFLOW_TYPE, {
    workflowId: `monthly-review-start:${input.organisationId}:${input.month ?? 'last'}:${Math.random()}`,
    taskQueue: TASK_QUEUE,
    args: [input],
  });
  return resultFromHistory<MonthlyReviewStartResult>(handle);
}

const resultOf = (d: CaseDriver<ReviewState>): Promise<MonthlyReviewResult> =>
  resultFromHistory<MonthlyReviewResult>(d.handle);

const driver = (caseNumber: string) =>
  new CaseDriver<ReviewState>(env.client.workflow.getHandle(caseNumber), caseNumber);

describe('monthly complaint review, 001 §28 (DOMAIN.md §1 "Monthly", Decision 6)', () => {
  test('M01 001 §28.1: the September 2026 review (1–7 Oct National Day, Sat 10 Oct a makeup working day) is the GM office’s task, due 18:00 Friday 9 October; opened late, it is the GM’s at once', async () => {
    const caseNumber = 'YS202610-0901';
    const input: MonthlyReviewWorkflowInput = {
      organisationId: 'org-sept',
      caseNumber,
      month: '2026-09',
      openedAt: new Date(await env.currentTimeMs()).toISOString(),
      openedBy: { userId: 'system' },
      complaints,
      policy: defaultPolicy,
    };
    await env.client.workflow.start(MONTHLY_REVIEW_WORKFLOW_TYPE, {
      workflowId: caseNumber,
      taskQueue: TASK_QUEUE,
      args: [input],
    });
    const d = driver(caseNumber);
    const task = await d.task('monthly_review');
    expect(task).toMatchObject({
      candidateDepartment: 'gm_office',
      candidateRoles: [],
      stage: 'review',
      commands: ['ConfirmReview'],
    });
    expect(local(task.dueAt)).toBe('2026-10-09T18:00+08:00');
    // opened on 2 December, long after: overdue at once, the GM has it
    const view = await eventually(async () => {
      const v = await d.view();
      return v.tasks.some((t) => t.type === 'escalation') ? v : undefined;
    }, 'the escalation');
    expect(view.tasks.find((t) => t.type === 'escalation')?.candidateRoles).toEqual(['gm']);
    expect(view).toMatchObject({
      caseType: 'review',
      childCaseNumbers: ['KS202609-0001', 'KS202609-0002'],
    });
    expect(view.state.complaints).toHaveLength(2);
    await d.handle.terminate('test done');
  });

  test('M01 001 §28.1: a fire on 1 Dec starts the November review once (a second fire finds it); not reviewed by 18:00 Wed 9 Dec 2026 → escalated to the GM', async () => {
    await sleepUntil('2026-11-30T16:05:00Z'); // Tue 1 Dec 2026 00:05 in Shanghai
    sources.set('org-nov/2026-11', complaints);
    const first = await startReview({ organisationId: 'org-nov' });
    expect(first).toMatchObject({ month: '2026-11', started: true });
    expect(first.caseNumber).toMatch(/^YS202612-\d{4}$/);
    const again = await startReview({ organisationId: 'org-nov' });
    expect(again).toEqual({ ...first, started: false });
    const d = driver(first.caseNumber);
    const task = await d.task('monthly_review');
    expect(local(task.dueAt)).toBe('2026-12-09T18:00+08:00');
    expect(task.overdue).toBe(false);

    await sleepUntil('2026-12-09T10:01:00Z'); // 18:01 local
    const view = await eventually(async () => {
      const v = await d.view();
      return v.tasks.some((t) => t.type === 'escalation') ? v : undefined;
    }, 'the escalation');
    expect(view.tasks.find((t) => t.taskId === task.taskId)).toMatchObject({ overdue: true });
    expect(view.tasks.find((t) => t.type === 'escalation')).toMatchObject({
      status: 'open',
      candidateRoles: ['gm'],
      escalatesTaskId: task.taskId,
      stage: 'review',
    });
    await d.handle.terminate('test done');
  });

  test('M02 001 §28.1 + M03 001 §28.2: confirmed penalties → 人事公布单 HR publishes; deductions by cause → 奖罚通知单 the GM approves (bonus-deduction-gm), HR applies; both linked in the source complaints’ trails', async () => {
    sources.set('org-docs/2026-11', [
      {
        ...complaints[0]!,
        caseNumber: 'KS202611-0001',
      },
      { ...complaints[1]!, caseNumber: 'KS202611-0002' },
    ]);
    const { caseNumber } = await startReview({ organisationId: 'org-docs', month: '2026-11' });
    const d = driver(caseNumber);

    const refused = await refusalOf(
      d.complete('monthly_review', gmo, {
        type: 'ConfirmReview',
        administrative: [{ ref: 'KS202611-0001#0', confirm: true }],
        deductions: [{ ref: 'KS202611-0001#1', responsibleUnit: '研发部' }],
      }),
    );
    expect(refused.type).toBe('COMMAND_INVALID');
    expect(refused.details?.[0]).toMatchObject({
      field: 'deductions',
      missing: ['KS202611-0002#0'],
    });

    await d.complete('monthly_review', gmo, {
      type: 'ConfirmReview',
      administrative: [{ ref: 'KS202611-0001#0', confirm: true }],
      deductions: [
        { ref: 'KS202611-0001#1', responsibleUnit: '研发部' },
        { ref: 'KS202611-0002#0', responsibleUnit: '仓储部' },
      ],
    });
    const announcement = await d.task('personnel_announcement');
    expect(announcement).toMatchObject({ candidateDepartment: 'hr', stage: 'announcement' });
    const approval = await d.task('reward_penalty_notice_approval');
    expect(approval).toMatchObject({ candidateDepartment: null, candidateRoles: ['gm'] });

    // the GM office cannot approve its own notice; the VP is not the GM
    expect(
      (
        await refusalOf(
          d.complete('reward_penalty_notice_approval', people.vp, {
            type: 'ApproveNotice',
            approve: true,
          }),
        )
      ).type,
    ).toBe('WRONG_ROLE');
    await d.complete('reward_penalty_notice_approval', people.gm, {
      type: 'ApproveNotice',
      approve: true,
    });
    await d.complete('personnel_announcement', hr, { type: 'PublishAnnouncement' });
    const apply: TaskView = await d.task('bonus_deduction_apply');
    expect(apply.candidateDepartment).toBe('hr');
    await d.complete('bonus_deduction_apply', hr, {
      type: 'ApplyDeductions',
      payrollRef: '2026-12 工资表',
    });
    expect(await resultOf(d)).toEqual({
      caseNumber,
      month: '2026-11',
      announcementNumber: `${caseNumber}-P`,
      noticeNumber: `${caseNumber}-N1`,
    });

    const [p] = recorded.documentsOf(caseNumber, 'personnel_announcement');
    expect(p).toMatchObject({
      docNumber: `${caseNumber}-P`,
      status: 'published',
      distribution: [
        { department: 'hr', copy: 1 },
        { department: 'gm_office', copy: 2 },
      ],
      content: expect.objectContaining({ sourceComplaints: ['KS202611-0001'] }),
    });
    expect(p!.signatures.map((s) => [s.by, s.role])).toEqual([
      ['gmo-01', 'reviewer'],
      ['hr-01', 'hr'],
    ]);
    const [n] = recorded.documentsOf(caseNumber, 'reward_penalty_notice');
    expect(n).toMatchObject({
      docNumber: `${caseNumber}-N1`,
      status: 'applied',
      content: expect.objectContaining({
        totalFen: 30_000,
        responsibleUnits: ['研发部', '仓储部'],
        sourceComplaints: ['KS202611-0001', 'KS202611-0002'],
        payrollRef: '2026-12 工资表',
      }),
    });
    expect(n!.signatures.map((s) => [s.by, s.role])).toEqual([
      ['gmo-01', 'issuer'],
      ['gm-01', 'gm'],
      ['hr-01', 'hr'],
    ]);
    const approved = recorded.auditOf(caseNumber).find((a) => a.action === 'approval.signed');
    expect(approved?.data).toMatchObject({ action: 'bonus_deduction_notice', role: 'gm' });
    expect((approved?.data.explanation as { matchedRow: { id: string } }).matchedRow.id).toBe(
      'bonus-deduction-gm',
    );
    // each document in each source complaint's own trail
    const links = (complaint: string) =>
      recorded
        .auditOf(complaint)
        .filter((a) => a.action === 'review.document_linked')
        .map((a) => a.data.docNumber);
    expect(links('KS202611-0001')).toEqual([`${caseNumber}-P`, `${caseNumber}-N1`]);
    expect(links('KS202611-0002')).toEqual([`${caseNumber}-N1`]);
    expect(recorded.caseOf(caseNumber)).toMatchObject({
      caseType: 'review',
      status: 'closed',
      approvedAmountFen: 30_000,
    });
  });
});
