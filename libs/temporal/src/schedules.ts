import { createHash } from 'node:crypto';
import {
  type Client,
  ScheduleAlreadyRunning,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  ScheduleOverlapPolicy,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
  type Workflow,
} from '@temporalio/client';
import {
  FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE,
  type FollowUpPlanRunInput,
  type FollowUpPlanRunResult,
  MONTHLY_REVIEW_START_WORKFLOW_TYPE,
  type MonthlyReviewStartInput,
  type MonthlyReviewStartResult,
} from '@aso/contracts';

export type StartSchedule = ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>>;

/** The company's zone (DOMAIN.md): every schedule fires on its local calendar. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** The id of an organisation's schedule of `kind` (one per organisation and kind). */
export const scheduleIdOf = (kind: string, organisationId: string): string =>
  `${kind}:${organisationId}`;

/**
 * 001 §28 (M01): on the 1st of every month, 00:05 local time, the organisation's review of the
 * month before starts (review-start.workflow.ts). A fire the server missed (down at midnight)
 * is still taken within 9 days, before the review is due; overlapping fires are skipped, and a
 * second start of one month is a no-op anyway (the review's number is drawn once per month).
 */
export function monthlyReviewSchedule(organisationId: string, taskQueue: string): StartSchedule {
  const input: MonthlyReviewStartInput = { organisationId };
  return {
    scheduleId: scheduleIdOf('monthly-review', organisationId),
    spec: {
      calendars: [{ dayOfMonth: 1, hour: 0, minute: 5, comment: '001 §28.1 每月10日前 (M01)' }],
      timezone: SCHEDULE_TIME_ZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: MONTHLY_REVIEW_START_WORKFLOW_TYPE,
      workflowId: scheduleIdOf('monthly-review-start', organisationId),
      taskQueue,
      args: [input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '9 days' },
  };
}

/**
 * The review-start workflow id of one organisation and month when a person starts it by hand
 * (POST /monthly-reviews): the schedule's own id stem (`monthly-review-start:<org>`, to which
 * Temporal appends each fire's time) plus the month. Whoever starts a month — the schedule's
 * fire, a retry, a person — reaches the same review: its case number (its workflow id) is
 * drawn once per (organisation, month) by the starter.
 */
export const monthlyReviewStartIdOf = (organisationId: string, month: string): string =>
  `${scheduleIdOf('monthly-review-start', organisationId)}:${month}`;

/**
 * Runs the monthly-review schedule's action by hand for one month and answers what the starter
 * says: the review's case number and whether this start opened it (`started: false`: the
 * schedule or an earlier start already had). A start of the same month still running is
 * joined (USE_EXISTING); a finished one may run again, and finds the review already open.
 */
export function startMonthlyReview(
  client: Client,
  taskQueue: string,
  input: MonthlyReviewStartInput & { month: string },
): Promise<MonthlyReviewStartResult> {
  return client.workflow.execute(MONTHLY_REVIEW_START_WORKFLOW_TYPE, {
    workflowId: monthlyReviewStartIdOf(input.organisationId, input.month),
    taskQueue,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

/**
 * F01, F06, F07 (004 三.(一), 五.(一)–(二)): every day at 08:30 local time the organisation's
 * follow-up plans run (plan-run.workflow.ts) and open the calls due that day. It fires on every
 * day and the run itself consults the business calendar, so public holidays open nothing and
 * make-up working Saturdays (调休) do: a cron cannot know either. A fire missed by less than a
 * day is still taken; a later run catches a missed day up anyway (every working day of a call's
 * window names the same call, opened once).
 */
export function followUpPlanSchedule(organisationId: string, taskQueue: string): StartSchedule {
  const input: FollowUpPlanRunInput = { organisationId };
  return {
    scheduleId: scheduleIdOf('follow-up-plan', organisationId),
    spec: {
      calendars: [
        {
          hour: 8,
          minute: 30,
          comment: '004 三.(一) 回访计划 (F01, F06, F07): daily, working days',
        },
      ],
      timezone: SCHEDULE_TIME_ZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE,
      workflowId: scheduleIdOf('follow-up-plan-run', organisationId),
      taskQueue,
      args: [input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

/**
 * Runs the follow-up plans of one organisation for `date` by hand (POST /follow-up-plans/runs):
 * the schedule's own workflow; a run of the same date still running is joined.
 */
export function runFollowUpPlans(
  client: Client,
  taskQueue: string,
  input: FollowUpPlanRunInput & { date: string },
): Promise<FollowUpPlanRunResult> {
  return client.workflow.execute(FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, {
    workflowId: `${scheduleIdOf('follow-up-plan-run', input.organisationId)}:${input.date}`,
    taskQueue,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

/** Every schedule an organisation has. */
export const organisationSchedules = (
  organisationId: string,
  taskQueue: string,
): StartSchedule[] => [
  monthlyReviewSchedule(organisationId, taskQueue),
  followUpPlanSchedule(organisationId, taskQueue),
];

export type EnsureOutcome = 'created' | 'updated' | 'unchanged';

/**
 * A schedule definition's fingerprint, carried in its action's memo: `ensure` leaves a schedule
 * whose fingerprint matches alone, so workers of one deployment (same definition) converge on
 * it with no write, and a changed definition is written once.
 */
export const definitionOf = (schedule: StartSchedule): string =>
  createHash('sha256')
    .update(
      JSON.stringify({ spec: schedule.spec, action: schedule.action, policies: schedule.policies }),
    )
    .digest('hex')
    .slice(0, 32);

const withFingerprint = (schedule: StartSchedule): StartSchedule => ({
  ...schedule,
  action: { ...schedule.action, memo: { scheduleDefinition: definitionOf(schedule) } },
});

/**
 * The one owner of Temporal Schedules. `ensure` is create-or-update and idempotent: at every
 * worker start each organisation's schedules are created, or (already there: another worker,
 * an earlier start) brought to the current definition, keeping their state (paused, notes).
 *
 * The task queue the schedules start their workflows on is the deployment's
 * (TEMPORAL_SCHEDULE_TASK_QUEUE, by default TEMPORAL_TASK_QUEUE), never the starting worker's
 * own: were it the worker's, the last worker to start would point every organisation's
 * schedules at its queue (two deployments, or test suites with queues of their own, sharing a
 * server). With one definition per deployment, whichever worker starts first writes it and the
 * others find it unchanged. Workers starting together race on the create; the loser finds the
 * same definition; an update that lost a race with another (conflict token) is retried.
 */
export class Schedules {
  constructor(
    private readonly client: Client,
    /** the deployment's schedule task queue (shared by all its workers) */
    private readonly taskQueue: string,
  ) {}

  async ensureForOrganisations(
    organisationIds: readonly string[],
  ): Promise<Array<{ scheduleId: string; outcome: EnsureOutcome }>> {
    const results: Array<{ scheduleId: string; outcome: EnsureOutcome }> = [];
    for (const org of organisationIds)
      for (const schedule of organisationSchedules(org, this.taskQueue))
        results.push({ scheduleId: schedule.scheduleId, outcome: await this.ensure(schedule) });
    return results;
  }

  async ensure(definition: StartSchedule): Promise<EnsureOutcome> {
    const schedule = withFingerprint(definition);
    try {
      await this.client.schedule.create(schedule);
      return 'created';
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    }
    const handle = this.client.schedule.getHandle(schedule.scheduleId);
    const fingerprint = definitionOf(definition);
    const current = await handle.describe();
    if (current.action.memo?.scheduleDefinition === fingerprint) return 'unchanged';
    for (let attempt = 1; ; attempt++) {
      try {
        await handle.update((previous) => ({
          spec: schedule.spec,
          action: schedule.action,
          policies: { ...previous.policies, ...schedule.policies },
          state: { paused: previous.state.paused, note: previous.state.note },
        }));
        return 'updated';
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }
}
