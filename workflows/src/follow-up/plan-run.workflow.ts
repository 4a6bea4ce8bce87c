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
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpPlanActivities,
  type FollowUpPlanRunInput,
  type FollowUpPlanRunResult,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import {
  BusinessCalendar,
  campaignCalls,
  defaultHolidayTables,
  dueInactiveCalls,
  duePlanCalls,
  followUpPlanRules,
  inactiveCustomerRule,
  formatLocal,
  planCallKey,
} from '@aso/domain';

const activities = proxyActivities<Pick<CaseActivities, 'currentPolicy'> & FollowUpPlanActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The daily run of an organisation's CS follow-up plans (F01, F06, F07; 004 三.(一),
 * 五.(一)–(二)), started by its schedule (libs/temporal schedules.ts) every day at 08:30
 * Asia/Shanghai, or by POST /follow-up-plans/runs. On a working day of the business calendar
 * it opens one HF case per call the plan makes (follow-up-plan.ts duePlanCalls): each call's
 * number is drawn once per (customer, plan, period) and is the case's workflow id, so a second
 * run, a retry or a double fire opens nothing new (the start is refused: already started).
 */
/** patch id: never rename once shipped (running histories carry it). */
export const FOLLOW_UP_PLAN_INACTIVE_CUSTOMERS = 'follow-up-plan-inactive-customers';

export async function followUpPlanRun(input: FollowUpPlanRunInput): Promise<FollowUpPlanRunResult> {
  const policy = await activities.currentPolicy({ organisationId: input.organisationId });
  // Workflow time: the fire's first task (the same on replay), as a local date.
  const at = new Date();
  const date =
    input.date ?? formatLocal(at.getTime(), policy.calendar.utcOffsetMinutes).slice(0, 10);
  const calendar = new BusinessCalendar(
    policy.calendar,
    input.holidayTables ?? defaultHolidayTables,
  );
  const result: FollowUpPlanRunResult = {
    date,
    workingDay: calendar.isWorkingDay(date),
    opened: [],
    alreadyOpen: [],
  };
  // F13 001 §14: an ad hoc survey campaign opens its calls on any day (a run input that only
  // new starts carry: recorded runs never take this branch, so it needs no patch)
  if (!result.workingDay && !input.campaign) return result;
  const customers = await activities.followUpPlanCustomers({
    organisationId: input.organisationId,
  });
  const calls = input.campaign
    ? campaignCalls(
        customers,
        input.campaign,
        at.getTime(),
        calendar,
        policy.calendar.utcOffsetMinutes,
      )
    : [
        ...duePlanCalls(customers, date, followUpPlanRules(policy), calendar),
        // F02 004 三.(一)2: the long-inactive customers, once per period without a purchase
        // (a run recorded before this code opened none: patch)
        ...(patched(FOLLOW_UP_PLAN_INACTIVE_CUSTOMERS)
          ? dueInactiveCalls(customers, date, inactiveCustomerRule(policy), calendar)
          : []),
      ];
  if (calls.length === 0) return result;
  const numbers = await activities.reservePlanCalls({
    organisationId: input.organisationId,
    keys: calls.map(planCallKey),
    at: at.toISOString(),
  });
  for (const [i, call] of calls.entries()) {
    const caseNumber = numbers[i]!.caseNumber;
    const followUp: FollowUpWorkflowInput = {
      organisationId: input.organisationId,
      storeId: call.customer.storeId,
      caseNumber,
      openedAt: at.toISOString(),
      source: {
        kind: 'plan',
        plan: call.plan,
        planRef: call.customer.customerRef,
        period: call.period,
        window: call.window,
      },
      customer: { name: call.customer.name, phone: call.customer.phone },
      openedBy: { userId: 'system' },
      policy,
      ...(input.holidayTables ? { holidayTables: input.holidayTables } : {}),
    };
    try {
      await startChild(FOLLOW_UP_WORKFLOW_TYPE, {
        workflowId: caseNumber,
        args: [followUp],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      result.opened.push({
        caseNumber,
        customerRef: call.customer.customerRef,
        plan: call.plan,
        period: call.period,
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      result.alreadyOpen.push(caseNumber);
    }
  }
  return result;
}
