import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  type CaseActor,
  MONTHLY_REVIEW_START_WORKFLOW_TYPE,
  type MonthlyReviewResult,
  type MonthlyReviewStartInput,
  type MonthlyReviewStartResult,
} from '@aso/contracts';
import type { ReviewState } from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../tools/provision/temporal-server';
import { CaseDriver } from './support/harness';
import { eventually } from './support/poll';
import { type RecordingActivities, recordingActivities } from './support/recording-activities';
import { reviewActivities } from './support/review-activities';
import { local, sleepEnvUntil } from './support/time';
import { resultFromHistory } from './support/history-result';

/**
 * The annual appraisal (M05 000 §六.2 "年度考核于次年1月中旬进行") on the time-skipping server:
 * the start of December's monthly review, in January, also opens it. Its own environment: in
 * review.workflow.spec.ts, after the other reviews, skipping from 9 December to mid-January
 * took minutes. Dates are real: the 2026 review year, so January 2027, for which no holiday
 * table exists — weekends only, the due day provisional.
 */
const TASK_QUEUE = 'annual-appraisal-workflow-test';
const gmo: CaseActor = { userId: 'gmo-01', department: 'gm_office', roles: ['staff'] };

let env: TestWorkflowEnvironment;
let recorded: RecordingActivities;
let review: ReturnType<typeof reviewActivities>;
let worker: Worker;
let running: Promise<void>;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
  recorded = recordingActivities();
  review = reviewActivities(recorded);
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
    workflowId: `monthly-review-start:${input.organisationId}:${Math.random()}`,
    taskQueue: TASK_QUEUE,
    args: [input],
  });
  return resultFromHistory<MonthlyReviewStartResult>(handle);
}

const resultOf = (d: CaseDriver<ReviewState>): Promise<MonthlyReviewResult> =>
  resultFromHistory<MonthlyReviewResult>(d.handle);

const driver = (caseNumber: string) =>
  new CaseDriver<ReviewState>(env.client.workflow.getHandle(caseNumber), caseNumber);

describe('annual appraisal, 000 §六.2 (M05)', () => {
  test('M05 000 §六.2: the January 2027 start of the December 2026 review also opens the GM office’s annual appraisal (twelve monthly reviews, the year’s staff ratings), due 18:00 Fri 15 Jan 2027 (no 2027 holiday table: weekends only, provisional), escalated to the GM when late; issued as a numbered document, it closes the review', async () => {
    await sleepUntil('2026-12-31T16:05:00Z'); // Fri 1 Jan 2027 00:05 in Shanghai
    review.annual.set('org-year/2026', {
      year: '2026',
      months: [
        {
          month: '2026-11',
          caseNumber: 'YS202612-0007',
          status: 'closed',
          complaints: 2,
          totalDeductionFen: 30_000,
          approvedDeductionFen: 30_000,
          reviewedOnTime: true,
        },
      ],
      staffRatings: [
        {
          staffId: 'tech-01',
          calls: 3,
          scoreRate: 0.917,
          items: { attitude: { very_satisfied: 2, satisfied: 1 } },
          followUps: ['HF202605-0001', 'HF202608-0002', 'HF202611-0003'],
        },
      ],
    });
    const started = await startReview({ organisationId: 'org-year' });
    expect(started).toMatchObject({ month: '2026-12', started: true });
    const d = driver(started.caseNumber);
    const task = await d.task('annual_appraisal');
    expect(task).toMatchObject({
      candidateDepartment: 'gm_office',
      stage: 'review',
      commands: ['IssueAnnualAppraisal'],
    });
    expect(local(task.dueAt)).toBe('2027-01-15T18:00+08:00');
    // the due day was counted on weekends only (no 2027 holiday table)
    expect((await d.view()).state.annual).toMatchObject({ year: '2026', dueProvisional: true });
    expect(local((await d.task('monthly_review')).dueAt)).toBe('2027-01-08T18:00+08:00');
    await d.complete('monthly_review', gmo, {
      type: 'ConfirmReview',
      administrative: [],
      deductions: [],
    });

    await sleepUntil('2027-01-15T10:01:00Z'); // 18:01 local: late
    const view = await eventually(async () => {
      const v = await d.view();
      return v.tasks.some((t) => t.type === 'escalation' && t.escalatesTaskId === task.taskId)
        ? v
        : undefined;
    }, 'the escalation');
    expect(view.status).toBe('documents');
    expect(
      view.tasks.find((t) => t.type === 'escalation' && t.escalatesTaskId === task.taskId)
        ?.candidateRoles,
    ).toEqual(['gm']);

    await d.complete('annual_appraisal', gmo, {
      type: 'IssueAnnualAppraisal',
      summary: '2026 年度: 客诉 2 件, 服务评价 91.7%',
    });
    expect(await resultOf(d)).toMatchObject({
      month: '2026-12',
      annualAppraisalNumber: `${started.caseNumber}-A`,
    });
    const [doc] = recorded.documentsOf(started.caseNumber, 'annual_appraisal');
    expect(doc).toMatchObject({
      docNumber: `${started.caseNumber}-A`,
      status: 'issued',
      distribution: [
        { department: 'gm_office', copy: 1 },
        { department: 'hr', copy: 2 },
      ],
      content: expect.objectContaining({
        year: '2026',
        summary: '2026 年度: 客诉 2 件, 服务评价 91.7%',
        totals: { complaints: 2, monthsReviewed: 2, approvedDeductionFen: 30_000 },
        staffRatings: [expect.objectContaining({ staffId: 'tech-01', calls: 3, scoreRate: 0.917 })],
      }),
    });
    const months = (doc!.content as { months: Array<{ month: string; caseNumber: string | null }> })
      .months;
    expect(months).toHaveLength(12);
    expect(months[10]).toMatchObject({ month: '2026-11', caseNumber: 'YS202612-0007' });
    expect(months[11]).toMatchObject({ month: '2026-12', caseNumber: started.caseNumber });
    expect(doc!.signatures.map((s) => [s.by, s.role])).toEqual([['gmo-01', 'appraiser']]);
    expect(recorded.caseOf(started.caseNumber)).toMatchObject({ status: 'closed' });
  });
});
