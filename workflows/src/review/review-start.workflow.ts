import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  patched,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import {
  type CaseActivities,
  MONTHLY_REVIEW_WORKFLOW_TYPE,
  type MonthlyReviewStartInput,
  type MonthlyReviewStartResult,
  type MonthlyReviewWorkflowInput,
  type ReviewActivities,
} from '@aso/contracts';
import { formatLocal, previousMonthOf } from '@aso/domain';

/**
 * M05 000 §六.2: the start of December's review (in January) also reads the year's reviews and
 * staff ratings for the annual appraisal — one more activity, so a December start recorded
 * before it replays without it.
 */
export const ANNUAL_APPRAISAL = 'annual-appraisal';

const activities = proxyActivities<
  Pick<CaseActivities, 'currentPolicy'> &
    Pick<
      ReviewActivities,
      'reserveMonthlyReview' | 'monthlyReviewComplaints' | 'annualAppraisalSources'
    >
>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * What the organisation's monthly schedule starts on the 1st (libs/temporal schedules.ts), and
 * POST /monthly-reviews too: the review of last month (or of `month`), once. The review's case
 * number is drawn once per (organisation, month) and is its workflow id, so a double fire, two
 * workers' schedules, a retry or a person starting it by hand all find the same review: the
 * second start is refused by Temporal (already started) and reported as `started: false`.
 */
export async function monthlyReviewStart(
  input: MonthlyReviewStartInput,
): Promise<MonthlyReviewStartResult> {
  const policy = await activities.currentPolicy({ organisationId: input.organisationId });
  // Workflow time (the fire's first task, the same on replay): the month before it, local time.
  const at = new Date();
  const month =
    input.month ??
    previousMonthOf(formatLocal(at.getTime(), policy.calendar.utcOffsetMinutes).slice(0, 7));
  const { caseNumber } = await activities.reserveMonthlyReview({
    organisationId: input.organisationId,
    month,
    at: at.toISOString(),
  });
  const complaints = await activities.monthlyReviewComplaints({
    organisationId: input.organisationId,
    month,
    utcOffsetMinutes: policy.calendar.utcOffsetMinutes,
  });
  // patched() only for December: other months' starts record no marker and stay as they were
  const annual =
    month.endsWith('-12') && patched(ANNUAL_APPRAISAL)
      ? await activities.annualAppraisalSources({
          organisationId: input.organisationId,
          year: month.slice(0, 4),
          utcOffsetMinutes: policy.calendar.utcOffsetMinutes,
        })
      : undefined;
  const review: MonthlyReviewWorkflowInput = {
    organisationId: input.organisationId,
    caseNumber,
    month,
    openedAt: at.toISOString(),
    openedBy: input.openedBy ?? { userId: 'system' },
    complaints,
    ...(annual ? { annual } : {}),
    policy,
    ...(input.holidayTables ? { holidayTables: input.holidayTables } : {}),
  };
  try {
    await startChild(MONTHLY_REVIEW_WORKFLOW_TYPE, {
      workflowId: caseNumber,
      args: [review],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { caseNumber, month, started: true };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError)
      return { caseNumber, month, started: false };
    throw e;
  }
}
