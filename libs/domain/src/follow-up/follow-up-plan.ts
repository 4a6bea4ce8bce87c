import type { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import {
  MS_PER_MINUTE,
  dayIndexOfIsoDate,
  dayStartMs,
  isoDateOfDay,
  localDayIndex,
} from '../calendar/civil-time';
import type { Duration } from '../calendar/duration';
import type { PolicyDocument } from '../policy/policy.schema';
import type { FollowUpPlan } from './follow-up.types';

/** The kinds of customer a CS plan tells apart (004 五.(一)–(二)). */
export const PLAN_CUSTOMER_KINDS = ['new', 'old', 'key'] as const;
export type PlanCustomerKind = (typeof PLAN_CUSTOMER_KINDS)[number];

/** A customer of the CS follow-up register: who the plan calls. */
export interface PlanCustomer {
  customerRef: string;
  name: string;
  phone: string | null;
  kind: PlanCustomerKind;
  /** YYYY-MM-DD, local: the purchase a new customer's calls count from (003 §四.4) */
  purchaseDate: string | null;
  storeId: string | null;
  /** F02 004 三.(一)2: YYYY-MM-DD, local: the customer's last purchase (absent: not known) */
  lastPurchaseOn?: string | null;
}

/**
 * The CS follow-up plan as policy data (F01 004 三.(一)1: who, what, when). 004 五.(一) leaves
 * both new-customer intervals as [X]: the values are ours (`source: default`, Decision 12).
 */
export interface FollowUpPlanRules {
  newCustomer: {
    /** the first call, counted from the close of the purchase day */
    firstCall: Duration;
    /** the second call, counted from the close of the purchase day */
    secondCall: Duration;
  };
  /** 004 五.(二): old customers every 3 months (a calendar quarter) */
  oldCustomer: { everyMonths: 3 };
  /** 004 五.(二): key customers monthly or every two months */
  keyCustomer: { everyMonths: 1 | 2 };
  source: 'seed' | 'default';
  basis: string;
}

export const FOLLOW_UP_PLAN_RULES_DEFAULT: FollowUpPlanRules = {
  newCustomer: {
    firstCall: { amount: 3, unit: 'working_days' },
    secondCall: { amount: 14, unit: 'calendar_days' },
  },
  oldCustomer: { everyMonths: 3 },
  keyCustomer: { everyMonths: 1 },
  source: 'default',
  basis:
    '004 五.(一) leaves [X]: first call within 3 working days of purchase, second within 2 weeks ' +
    '(Decision 12, ours); 004 五.(二) old customers quarterly, key customers monthly',
};

/**
 * F02 004 三.(一)2 长期未消费客户: a customer with no purchase for `afterDays` days is called once
 * per such period (the seed names no period: ours, `source: default`), the call due within
 * `callWithin` of the day it falls due.
 */
export interface InactiveCustomerRule {
  afterDays: number;
  callWithin: Duration;
  source: 'seed' | 'default';
  basis: string;
}

export const INACTIVE_CUSTOMER_RULE_DEFAULT: InactiveCustomerRule = {
  afterDays: 180,
  callWithin: { amount: 5, unit: 'working_days' },
  source: 'default',
  basis:
    '004 三.(一)2 重点关注…长期未消费客户 names no period: 180 days without a purchase, called once per 180 days, within 5 working days (ours)',
};

/** The long-inactive rule of a pinned policy (policies published before it: the default). */
export function inactiveCustomerRule(policy: PolicyDocument): InactiveCustomerRule {
  const f = policy.followUp as Partial<PolicyDocument['followUp']>;
  return f.inactiveCustomers ?? INACTIVE_CUSTOMER_RULE_DEFAULT;
}

/**
 * F02 004 三.(一)2: the long-inactive customers' calls due on `date` (a working day): a customer
 * whose last purchase is `afterDays` or more days before `date` is called once per period of
 * `afterDays` without a purchase — period `inactive:<last purchase>:<n>` (n = 1 from the day
 * it falls due, 2 after twice the period, …); a new purchase starts again. The call's clock
 * runs `callWithin` from the start of the day its period began.
 */
export function dueInactiveCalls(
  customers: readonly PlanCustomer[],
  date: string,
  rule: InactiveCustomerRule,
  calendar: BusinessCalendar,
): DuePlanCall[] {
  if (!calendar.isWorkingDay(date) || rule.afterDays <= 0) return [];
  const today = dayIndexOfIsoDate(date);
  const due: DuePlanCall[] = [];
  for (const customer of customers) {
    const last = customer.lastPurchaseOn;
    if (!last) continue;
    const n = Math.floor((today - dayIndexOfIsoDate(last)) / rule.afterDays);
    if (n < 1) continue;
    const fromDay = dayIndexOfIsoDate(last) + n * rule.afterDays;
    const start = dayStartMs(fromDay, calendar.settings.utcOffsetMinutes);
    due.push({
      customer,
      plan: 'inactive_customer',
      period: `inactive:${last}:${n}`,
      window: { start, within: rule.callWithin },
      dueDate: localDateOf(calendar.add(start, rule.callWithin).ms - 1, calendar),
    });
  }
  return due;
}

/** The plan of a pinned policy (policies published before plans existed: the default). */
export function followUpPlanRules(policy: PolicyDocument): FollowUpPlanRules {
  const f = policy.followUp as Partial<PolicyDocument['followUp']>;
  return (f.plans as FollowUpPlanRules | undefined) ?? FOLLOW_UP_PLAN_RULES_DEFAULT;
}

/** One call a plan makes: whom, why, which period (one case each) and its clock. */
export interface DuePlanCall {
  customer: PlanCustomer;
  plan: FollowUpPlan;
  /** the plan period: `first:2026-12-01`, `2027-Q1`, `2027-01`; one case per customer and period */
  period: string;
  /** the call's clock: it starts at `start` (epoch ms) and runs `within` */
  window: { start: number; within: Duration };
  /** the local date by which the call is due */
  dueDate: string;
}

/** The idempotency key of a plan call: one case per customer, plan and period. */
export const planCallKey = (c: Pick<DuePlanCall, 'customer' | 'plan' | 'period'>): string =>
  `follow-up-plan:${c.customer.customerRef}:${c.plan}:${c.period}`;

/**
 * Which calls the plan makes on `date` (YYYY-MM-DD, local), F06/F07 (004 五.(一)–(二); 003
 * §四.4). Only on working days of the business calendar (the daily run skips holidays and
 * opens on make-up working days). A call is due on every working day of its window (the run
 * is idempotent per customer and period, so a missed day is caught up the next one):
 *  - a new customer: the first call from the purchase until its deadline, the second after the
 *    first's deadline until its own; after that the customer is called quarterly like an old
 *    one, from the next quarter;
 *  - an old customer: once per calendar quarter;
 *  - a key customer: once per month (or per two months).
 */
export function duePlanCalls(
  customers: readonly PlanCustomer[],
  date: string,
  rules: FollowUpPlanRules,
  calendar: BusinessCalendar,
): DuePlanCall[] {
  if (!calendar.isWorkingDay(date)) return [];
  const due: DuePlanCall[] = [];
  for (const customer of customers) {
    if (customer.kind === 'key') {
      due.push(periodic(customer, 'key_customer', date, rules.keyCustomer.everyMonths, calendar));
      continue;
    }
    if (customer.kind === 'new' && customer.purchaseDate !== null) {
      const calls = newCustomerCalls(customer, customer.purchaseDate, rules, calendar);
      const open = calls.find((c) => c.opensOn <= date && date <= c.call.dueDate);
      if (open) {
        due.push(open.call);
        continue;
      }
      // still in the new phase (before the purchase, or in the quarter the phase ended)
      const phaseEnd = calls[calls.length - 1]!.call.dueDate;
      if (date < customer.purchaseDate || quarterOf(date) <= quarterOf(phaseEnd)) continue;
    }
    due.push(periodic(customer, 'old_customer', date, rules.oldCustomer.everyMonths, calendar));
  }
  return due;
}

function newCustomerCalls(
  customer: PlanCustomer,
  purchaseDate: string,
  rules: FollowUpPlanRules,
  calendar: BusinessCalendar,
): Array<{ opensOn: string; call: DuePlanCall }> {
  // "within N working days of purchase": counted from the close of the purchase day, so the
  // purchase day itself is not one of the N.
  const closeOfPurchase =
    dayStartMs(dayIndexOfIsoDate(purchaseDate), calendar.settings.utcOffsetMinutes) +
    minutesOf(calendar.settings.workingHours.end) * MS_PER_MINUTE;
  const call = (key: 'first' | 'second', within: Duration): DuePlanCall => ({
    customer,
    plan: 'new_customer',
    period: `${key}:${purchaseDate}`,
    window: { start: closeOfPurchase, within },
    dueDate: localDateOf(calendar.add(closeOfPurchase, within).ms - 1, calendar),
  });
  const first = call('first', rules.newCustomer.firstCall);
  const second = call('second', rules.newCustomer.secondCall);
  return [
    { opensOn: purchaseDate, call: first },
    { opensOn: isoDateOfDay(dayIndexOfIsoDate(first.dueDate) + 1), call: second },
  ];
}

/** The call of a periodic plan in the period (of `everyMonths` months) containing `date`. */
function periodic(
  customer: PlanCustomer,
  plan: 'old_customer' | 'key_customer',
  date: string,
  everyMonths: number,
  calendar: BusinessCalendar,
): DuePlanCall {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startMonth = Math.floor((month - 1) / everyMonths) * everyMonths + 1;
  const startDate = `${year}-${pad(startMonth)}-01`;
  const endDay = dayIndexOfIsoDate(monthAfter(year, startMonth + everyMonths - 1));
  const startDay = dayIndexOfIsoDate(startDate);
  const period =
    everyMonths === 3
      ? `${year}-Q${(startMonth + 2) / 3}`
      : everyMonths === 1
        ? `${year}-${pad(startMonth)}`
        : `${year}-${pad(startMonth)}+${everyMonths}`;
  return {
    customer,
    plan,
    period,
    // the period's own days: the call is due by the end of its last day
    window: {
      start: dayStartMs(startDay, calendar.settings.utcOffsetMinutes),
      within: { amount: endDay - startDay, unit: 'calendar_days' },
    },
    dueDate: isoDateOfDay(endDay - 1),
  };
}

/** The first day of the month after month `m` (1-based, may exceed 12) of `year`. */
function monthAfter(year: number, m: number): string {
  const y = year + Math.floor(m / 12);
  return `${y}-${pad((m % 12) + 1)}-01`;
}

const quarterOf = (date: string): string =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

const pad = (n: number): string => String(n).padStart(2, '0');

const localDateOf = (ms: number, calendar: BusinessCalendar): string =>
  new Date(ms + calendar.settings.utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 10);

/** An ad hoc opinion survey over chosen customers (F13 001 §14 不定期的客户意见调查). */
export interface SurveyCampaign {
  /** the campaign's id: one call per customer and campaign, however often it is started */
  campaignId: string;
  /** the customers surveyed, by their register reference, in this order */
  customerRefs: readonly string[];
  /** each call's clock, from the start */
  within: Duration;
}

/** The campaign's plan period: one case per customer (planCallKey). */
export const campaignPeriodOf = (campaignId: string): string => `campaign:${campaignId}`;

/**
 * F13 001 §14 "定期及不定期的客户意见调查": the calls of an ad hoc survey campaign — one per chosen
 * customer of the register (references not in it are left out: the API refuses them first),
 * each with the campaign's clock from `startMs`. Opened the way the plan's calls are, keyed by
 * the campaign, so a repeated start opens nothing twice.
 */
export function campaignCalls(
  customers: readonly PlanCustomer[],
  campaign: SurveyCampaign,
  startMs: number,
  calendar: BusinessCalendar,
  utcOffsetMinutes: number,
): DuePlanCall[] {
  const due = calendar.add(startMs, campaign.within).at.getTime();
  const dueDate = isoDateOfDay(localDayIndex(due, utcOffsetMinutes));
  const seen = new Set<string>();
  return campaign.customerRefs.flatMap((ref) => {
    const customer = customers.find((c) => c.customerRef === ref);
    if (!customer || seen.has(ref)) return [];
    seen.add(ref);
    return [
      {
        customer,
        plan: 'opinion_survey' as const,
        period: campaignPeriodOf(campaign.campaignId),
        window: { start: startMs, within: campaign.within },
        dueDate,
      },
    ];
  });
}
