import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import {
  BusinessCalendar,
  defaultHolidayTables,
  duePlanCalls,
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
    return {
      rules,
      policyVersion: policy.version,
      date: day,
      workingDay: calendar.isWorkingDay(day),
      customers: customers.map(masked),
      due: duePlanCalls(customers, day, rules, calendar).map((c) => ({
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
    };
    if (customer.purchaseDate !== null)
      await this.assertNotFuture(user.organisationId, customer.purchaseDate, 'body.purchaseDate');
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
