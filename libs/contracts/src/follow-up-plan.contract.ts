import type { HolidayTables, PlanCustomer, SurveyCampaign } from '@aso/domain';

/** Workflow type names are part of running histories: never rename once shipped. */
export const FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE = 'followUpPlanRun';

/**
 * What the organisation's daily follow-up-plan schedule (libs/temporal schedules.ts), or
 * POST /follow-up-plans/runs, asks: open the plan's calls due on `date` (absent: the fire's
 * local date). Any number of runs of one date open each call once.
 */
export interface FollowUpPlanRunInput {
  organisationId: string;
  /** YYYY-MM-DD, local */
  date?: string;
  holidayTables?: HolidayTables;
  /**
   * F13 001 §14: an ad hoc opinion survey over chosen customers instead of the day's plan calls
   * (POST /follow-up-plans/campaigns); opened on any day, keyed by the campaign id.
   */
  campaign?: SurveyCampaign;
}

export interface FollowUpPlanRunResult {
  date: string;
  /** false: not a working day of the business calendar, nothing is opened */
  workingDay: boolean;
  /** the HF cases this run opened */
  opened: Array<{ caseNumber: string; customerRef: string; plan: string; period: string }>;
  /** calls due today whose case an earlier run (or fire) had already opened */
  alreadyOpen: string[];
}

/** The activities of the plan run (apps/worker follow-up-plan.activities.ts). */
export interface FollowUpPlanActivities {
  /** the organisation's follow-up customer register */
  followUpPlanCustomers(input: { organisationId: string }): Promise<PlanCustomer[]>;
  /**
   * The HF case number of each plan call key, drawn at most once per (organisation, key): the
   * case-intent table, so a second run gets the same numbers.
   */
  reservePlanCalls(input: {
    organisationId: string;
    keys: string[];
    at: string;
  }): Promise<Array<{ key: string; caseNumber: string }>>;
}
