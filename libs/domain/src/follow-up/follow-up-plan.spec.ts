import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import {
  campaignCalls,
  dueInactiveCalls,
  duePlanCalls,
  inactiveCustomerRule,
  FOLLOW_UP_PLAN_RULES_DEFAULT,
  followUpPlanRules,
  type PlanCustomer,
  planCallKey,
} from './follow-up-plan';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const rules = followUpPlanRules(defaultPolicy);
const customer = (
  customerRef: string,
  kind: PlanCustomer['kind'],
  purchaseDate: string | null = null,
): PlanCustomer => ({
  customerRef,
  name: `客户${customerRef}`,
  phone: null,
  kind,
  purchaseDate,
  storeId: null,
});
const dueOn = (date: string, ...customers: PlanCustomer[]) =>
  duePlanCalls(customers, date, rules, cal).map((c) => ({
    ref: c.customer.customerRef,
    plan: c.plan,
    period: c.period,
    dueDate: c.dueDate,
  }));
/** The local instant a call's clock ends at (what the HF case's call task is due at). */
const deadlineOf = (date: string, c: PlanCustomer): string => {
  const [call] = duePlanCalls([c], date, rules, cal);
  return formatLocal(cal.add(call!.window.start, call!.window.within).ms);
};

describe('CS follow-up plans (004 三.(一), 五.(一)–(二); 003 §四.4)', () => {
  it('F01 004 三.(一)1 / 004 三.(一)2 (F02): the plan is policy data (who, what, when), new and old customers, the [X] values ours', () => {
    expect(defaultPolicy.followUp.plans).toEqual({
      newCustomer: {
        firstCall: { amount: 3, unit: 'working_days' },
        secondCall: { amount: 14, unit: 'calendar_days' },
      },
      oldCustomer: { everyMonths: 3 },
      keyCustomer: { everyMonths: 1 },
      source: 'default',
      basis: expect.stringContaining('004 五.(一) leaves [X]'),
    });
    // a policy published before plans existed reads the same default
    const { plans: _plans, ...older } = defaultPolicy.followUp;
    expect(
      followUpPlanRules({ ...defaultPolicy, followUp: older as typeof defaultPolicy.followUp }),
    ).toBe(FOLLOW_UP_PLAN_RULES_DEFAULT);
  });

  it('F06 004 五.(一): first call within 3 working days of purchase — bought 2026-09-30, due 2026-10-10 18:00 (National Day off, the make-up Saturday counts)', () => {
    const c = customer('C1', 'new', '2026-09-30');
    expect(dueOn('2026-09-30', c)).toEqual([
      { ref: 'C1', plan: 'new_customer', period: 'first:2026-09-30', dueDate: '2026-10-10' },
    ]);
    expect(deadlineOf('2026-09-30', c)).toBe('2026-10-10T18:00+08:00');
    // holidays: the daily run opens nothing
    expect(dueOn('2026-10-01', c)).toEqual([]);
    expect(dueOn('2026-10-07', c)).toEqual([]);
    // every working day of the window names the same call (one case, the run is idempotent)
    expect(dueOn('2026-10-08', c)).toEqual(dueOn('2026-09-30', c));
    expect(dueOn('2026-10-10', c)).toEqual(dueOn('2026-09-30', c));
    // a plain Friday purchase: Mon, Tue, Wed
    expect(deadlineOf('2026-12-04', customer('C2', 'new', '2026-12-04'))).toBe(
      '2026-12-09T18:00+08:00',
    );
  });

  it('F06 004 五.(一): second call within 2 weeks of purchase — bought 2026-09-30, opened after the first call’s window, due 2026-10-14 18:00', () => {
    const c = customer('C1', 'new', '2026-09-30');
    expect(dueOn('2026-10-11', c)).toEqual([]); // Sunday
    expect(dueOn('2026-10-12', c)).toEqual([
      { ref: 'C1', plan: 'new_customer', period: 'second:2026-09-30', dueDate: '2026-10-14' },
    ]);
    expect(deadlineOf('2026-10-12', c)).toBe('2026-10-14T18:00+08:00');
    expect(dueOn('2026-10-14', c)).toEqual(dueOn('2026-10-12', c));
    // the new-customer phase is over; the rest of its quarter has no call
    expect(dueOn('2026-10-15', c)).toEqual([]);
    expect(dueOn('2026-12-31', c)).toEqual([]);
    // before the purchase: nothing
    expect(dueOn('2026-09-29', c)).toEqual([]);
  });

  it('F07 004 五.(二): old customers quarterly — one call per calendar quarter, due by its last day; a new customer becomes old from the next quarter', () => {
    const old = customer('C3', 'old');
    expect(dueOn('2026-12-01', old)).toEqual([
      { ref: 'C3', plan: 'old_customer', period: '2026-Q4', dueDate: '2026-12-31' },
    ]);
    expect(deadlineOf('2026-12-01', old)).toBe('2027-01-01T00:00+08:00');
    expect(dueOn('2026-10-08', old)).toEqual(dueOn('2026-12-01', old));
    // Qingming 2026-04-04..06: the quarter's first working day is 04-01, the run on the 7th
    expect(dueOn('2026-04-06', old)).toEqual([]);
    expect(dueOn('2026-04-07', old)).toEqual([
      { ref: 'C3', plan: 'old_customer', period: '2026-Q2', dueDate: '2026-06-30' },
    ]);
    // bought 2026-03-02: first and second calls in Q1, then quarterly from Q2
    const bought = customer('C4', 'new', '2026-03-02');
    expect(dueOn('2026-03-20', bought)).toEqual([]);
    expect(dueOn('2026-04-07', bought)).toEqual([
      { ref: 'C4', plan: 'old_customer', period: '2026-Q2', dueDate: '2026-06-30' },
    ]);
  });

  it('F07 004 五.(二): key customers monthly — 2026-02-14 (a make-up Saturday) opens February’s call, the Spring Festival opens none; every two months selectable', () => {
    const key = customer('C5', 'key');
    expect(dueOn('2026-02-14', key)).toEqual([
      { ref: 'C5', plan: 'key_customer', period: '2026-02', dueDate: '2026-02-28' },
    ]);
    expect(dueOn('2026-02-16', key)).toEqual([]);
    expect(dueOn('2026-02-21', key)).toEqual([]); // a plain Saturday
    expect(dueOn('2026-12-01', key)).toEqual([
      { ref: 'C5', plan: 'key_customer', period: '2026-12', dueDate: '2026-12-31' },
    ]);
    const bimonthly = { ...rules, keyCustomer: { everyMonths: 2 as const } };
    const [call] = duePlanCalls([key], '2026-12-01', bimonthly, cal);
    expect(call).toMatchObject({ period: '2026-11+2', dueDate: '2026-12-31' });
    expect(formatLocal(call!.window.start)).toBe('2026-11-01T00:00+08:00');
  });

  it('F01 004 三.(一)1: one key per customer, plan and period (the case of a period is opened once)', () => {
    const calls = duePlanCalls(
      [customer('C1', 'new', '2026-09-30'), customer('C3', 'old'), customer('C5', 'key')],
      '2026-10-08',
      rules,
      cal,
    );
    expect(calls.map(planCallKey)).toEqual([
      'follow-up-plan:C1:new_customer:first:2026-09-30',
      'follow-up-plan:C3:old_customer:2026-Q4',
      'follow-up-plan:C5:key_customer:2026-10',
    ]);
    expect(localToInstant('2026-10-08T00:00').getTime()).toBeLessThan(
      cal.add(calls[0]!.window.start, calls[0]!.window.within).ms,
    );
  });
});

describe('long-inactive customers (F02)', () => {
  const inactive = inactiveCustomerRule(defaultPolicy);
  const lastBought = (ref: string, lastPurchaseOn: string | null): PlanCustomer => ({
    ...customer(ref, 'old'),
    ...(lastPurchaseOn === null ? {} : { lastPurchaseOn }),
  });
  const inactiveOn = (date: string, ...customers: PlanCustomer[]) =>
    dueInactiveCalls(customers, date, inactive, cal).map((c) => ({
      ref: c.customer.customerRef,
      plan: c.plan,
      period: c.period,
      dueDate: c.dueDate,
      deadline: formatLocal(cal.add(c.window.start, c.window.within).ms),
    }));

  it('F02 004 三.(一)2: 长期未消费客户 — no purchase for 180 days (ours, the seed names no period): last bought 2026-06-01, due from Sat 2026-11-28, the Monday run opens one call due Fri 2026-12-04 18:00 (5 working days); not before, not without a known last purchase', () => {
    expect(inactive).toMatchObject({
      afterDays: 180,
      callWithin: { amount: 5, unit: 'working_days' },
      source: 'default',
    });
    const c = lastBought('C1', '2026-06-01');
    expect(inactiveOn('2026-11-27', c)).toEqual([]);
    expect(inactiveOn('2026-11-28', c)).toEqual([]); // a Saturday: the run opens nothing
    expect(
      inactiveOn('2026-11-30', c, lastBought('C2', null), lastBought('C3', '2026-10-01')),
    ).toEqual([
      {
        ref: 'C1',
        plan: 'inactive_customer',
        period: 'inactive:2026-06-01:1',
        dueDate: '2026-12-04',
        deadline: '2026-12-04T18:00+08:00',
      },
    ]);
  });

  it('F02 004 三.(一)2: once per period — every run of the 180 days opens the same period (one case per key), the next 180 days a second call; a new purchase starts again', () => {
    const c = lastBought('C1', '2026-06-01');
    const keys = ['2026-12-01', '2027-03-01', '2027-05-26', '2027-05-27'].map((d) =>
      dueInactiveCalls([c], d, inactive, cal).map(planCallKey),
    );
    expect(keys).toEqual([
      ['follow-up-plan:C1:inactive_customer:inactive:2026-06-01:1'],
      ['follow-up-plan:C1:inactive_customer:inactive:2026-06-01:1'],
      ['follow-up-plan:C1:inactive_customer:inactive:2026-06-01:1'],
      ['follow-up-plan:C1:inactive_customer:inactive:2026-06-01:2'],
    ]);
    expect(dueInactiveCalls([lastBought('C1', '2027-01-04')], '2027-03-01', inactive, cal)).toEqual(
      [],
    );
  });
});

describe('ad hoc opinion surveys (F13)', () => {
  it('F13 001 §14: "不定期的客户意见调查" — one call per chosen register customer, keyed by the campaign, due 5 working days after a Saturday start; unknown and repeated references open nothing', () => {
    const customers = [
      {
        customerRef: 'S1',
        name: '甲',
        phone: null,
        kind: 'old' as const,
        purchaseDate: null,
        storeId: null,
      },
      {
        customerRef: 'S2',
        name: '乙',
        phone: null,
        kind: 'key' as const,
        purchaseDate: null,
        storeId: null,
      },
    ];
    const calls = campaignCalls(
      customers,
      {
        campaignId: '2026-12-OPINION',
        customerRefs: ['S2', 'S1', 'S2', 'NOPE'],
        within: { amount: 5, unit: 'working_days' },
      },
      localToInstant('2026-12-05 10:00').getTime(), // Saturday
      cal,
      480,
    );
    expect(calls.map((c) => [c.customer.customerRef, c.plan, c.period, c.dueDate])).toEqual([
      ['S2', 'opinion_survey', 'campaign:2026-12-OPINION', '2026-12-11'],
      ['S1', 'opinion_survey', 'campaign:2026-12-OPINION', '2026-12-11'],
    ]);
    expect(planCallKey(calls[0]!)).toBe(
      'follow-up-plan:S2:opinion_survey:campaign:2026-12-OPINION',
    );
    expect(formatLocal(cal.add(calls[0]!.window.start, calls[0]!.window.within).at.getTime())).toBe(
      '2026-12-11T18:00+08:00',
    );
  });
});
