import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, type FollowUpPlanRunResult } from '@aso/contracts';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import {
  BusinessCalendar,
  DomainError,
  defaultHolidayTables,
  dueInactiveCalls,
  duePlanCalls,
  inactiveCustomerRule,
  followUpPlanRules,
  formatLocal,
  type PlanCustomer,
} from '@aso/domain';
import { FollowUpCustomersRepository } from '@aso/persistence';
import { runFollowUpPlans, TEMPORAL_CLIENT } from '@aso/temporal';
import { assertMayOpenFollowUp, seesAllCases } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import { PoliciesService } from '../policies/policies.service';
import type { FollowUpPlanView, PlanCustomerBody } from './follow-up-plans.dto';
import type { SurveyCampaignBody } from './survey-campaigns.dto';

const masked = (c: PlanCustomer): PlanCustomer => ({ ...c, phone: maskPhone(c.phone) });

/**
 * The CS follow-up plans over HTTP (F01, F02, F06, F07): the plan of the current policy, the
 * customer register CS keeps, the calls due on a day (the domain's duePlanCalls, the same
 * function the daily run uses), and a run by hand through the schedule's own workflow.
 */
@Injectable()
export class FollowUpPlansService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly customers: FollowUpCustomersRepository,
    private readonly policies: PoliciesService,
  ) {}

  async plan(user: AuthUser, date?: string): Promise<FollowUpPlanView> {
    assertMayReadPlans(user);
    const policy = await this.policies.current(user.organisationId);
    const day = date ?? (await this.today(user.organisationId));
    const calendar = new BusinessCalendar(policy.calendar, defaultHolidayTables);
    const customers = await this.customers.list(user.organisationId);
    const rules = followUpPlanRules(policy);
    const inactive = inactiveCustomerRule(policy);
    return {
      rules,
      inactiveCustomers: inactive,
      policyVersion: policy.version,
      date: day,
      workingDay: calendar.isWorkingDay(day),
      customers: customers.map(masked),
      due: [
        ...duePlanCalls(customers, day, rules, calendar),
        ...dueInactiveCalls(customers, day, inactive, calendar),
      ].map((c) => ({
        customerRef: c.customer.customerRef,
        plan: c.plan,
        period: c.period,
        dueDate: c.dueDate,
      })),
    };
  }

  async saveCustomer(user: AuthUser, body: PlanCustomerBody) {
    assertMayOpenFollowUp(user);
    const customer: PlanCustomer = {
      customerRef: body.customerRef,
      name: body.name,
      phone: body.phone ?? null,
      kind: body.kind,
      purchaseDate: body.purchaseDate ?? null,
      storeId: body.storeId ?? null,
      ...(body.lastPurchaseOn ? { lastPurchaseOn: body.lastPurchaseOn } : {}),
    };
    if (customer.purchaseDate !== null)
      await this.assertNotFuture(user.organisationId, customer.purchaseDate, 'body.purchaseDate');
    if (customer.lastPurchaseOn)
      await this.assertNotFuture(
        user.organisationId,
        customer.lastPurchaseOn,
        'body.lastPurchaseOn',
      );
    const { created } = await this.customers.upsert(
      user.organisationId,
      customer,
      user.id,
      this.clock(),
    );
    return { customer: masked(customer), created };
  }

  async run(user: AuthUser, date: string) {
    assertMayOpenFollowUp(user);
    await this.assertNotFuture(user.organisationId, date, 'body.date');
    return runFollowUpPlans(this.client, this.config.TEMPORAL_TASK_QUEUE, {
      organisationId: user.organisationId,
      date,
    });
  }

  /**
   * F13 001 §14: a CS manager's ad hoc opinion survey over chosen register customers, run by the
   * plan run's own workflow under the campaign's id (a repeated start finds the same run, and
   * each call's number is drawn once per customer and campaign).
   */
  async campaign(user: AuthUser, body: SurveyCampaignBody): Promise<FollowUpPlanRunResult> {
    assertMayOpenFollowUp(user);
    if (!user.roles.includes('manager'))
      throw new DomainError('WRONG_ROLE', 'An opinion survey campaign is a CS manager’s', {
        userId: user.id,
        requiredRoles: ['manager'],
        actualRoles: [...user.roles],
      });
    const known = new Set(
      (await this.customers.list(user.organisationId)).map((c) => c.customerRef),
    );
    const unknown = body.customerRefs.filter((r) => !known.has(r));
    if (unknown.length > 0)
      throw new ApiError('VALIDATION_FAILED', 'Invalid input: body.customerRefs', {
        issues: [
          {
            path: 'body.customerRefs',
            message: `not in the follow-up register: ${unknown.slice(0, 10).join(', ')}`,
          },
        ],
      });
    return this.client.workflow.execute(FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, {
      workflowId: `follow-up-campaign:${user.organisationId}:${body.campaignId}`,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [
        {
          organisationId: user.organisationId,
          campaign: {
            campaignId: body.campaignId,
            customerRefs: body.customerRefs,
            within: { amount: body.withinWorkingDays ?? 5, unit: 'working_days' as const },
          },
        },
      ],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  private async today(organisationId: string): Promise<string> {
    const policy = await this.policies.current(organisationId);
    return formatLocal(this.clock().getTime(), policy.calendar.utcOffsetMinutes).slice(0, 10);
  }

  /** A run (or a purchase) of a day to come would open calls before their time. */
  private async assertNotFuture(organisationId: string, date: string, path: string) {
    const today = await this.today(organisationId);
    if (date > today)
      throw new ApiError('VALIDATION_FAILED', `Invalid input: ${path}`, {
        issues: [{ path, message: `must be today or before (${today}, local time)` }],
      });
  }
}

/** CS keeps the plans; the GM office, auditors and admins read them. */
function assertMayReadPlans(user: AuthUser): void {
  if (user.department === 'cs' || seesAllCases(user) || user.roles.includes('admin')) return;
  assertMayOpenFollowUp(user);
}
