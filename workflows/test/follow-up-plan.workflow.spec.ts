import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE,
  type FollowUpPlanActivities,
  type FollowUpPlanRunInput,
  type FollowUpPlanRunResult,
} from '@aso/contracts';
import { type FollowUpState, type PlanCustomer, caseNumberAt } from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../tools/provision/temporal-server';
import { CaseDriver } from './support/harness';
import { recordingActivities } from './support/recording-activities';
import { local, sleepEnvUntil } from './support/time';

/**
 * The daily run of the CS follow-up plans (F01, F06, F07; 004 三.(一), 五.(一)–(二)) on the
 * time-skipping server: what the organisation's schedule starts every day at 08:30 Shanghai.
 * It opens one HF case per customer and plan period (the number drawn once per key, the case's
 * workflow id), each with its plan's clock; holidays open nothing. Real dates: a purchase on
 * Friday 2026-12-04; National Day 2026 and the make-up Saturday 10 October.
 */
const TASK_QUEUE = 'follow-up-plan-workflow-test';
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const register = new Map<string, PlanCustomer[]>();
const numbers = new Map<string, string>();
let seq = 0;
const planActivities: FollowUpPlanActivities = {
  async followUpPlanCustomers({ organisationId }) {
    return register.get(organisationId) ?? [];
  },
  // the real ones' idempotency (the case-intent table): one number per organisation and key
  async reservePlanCalls({ organisationId, keys, at }) {
    return keys.map((key) => {
      const k = `${organisationId}/${key}`;
      if (!numbers.has(k)) numbers.set(k, caseNumberAt('HF', new Date(at), ++seq));
      return { key, caseNumber: numbers.get(k)! };
    });
  },
};

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  const recorded = recordingActivities();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    ...workflowBundleOptions(),
    activities: { ...recorded.activities, ...planActivities },
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const sleepUntil = (at: string): Promise<void> => sleepEnvUntil(env, at);

const run = (input: FollowUpPlanRunInput): Promise<FollowUpPlanRunResult> =>
  env.client.workflow.execute(FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, {
    workflowId: `follow-up-plan:${input.organisationId}:${input.date ?? 'fire'}:${Math.random()}`,
    taskQueue: TASK_QUEUE,
    args: [input],
  });

const driver = (caseNumber: string) =>
  new CaseDriver<FollowUpState>(env.client.workflow.getHandle(caseNumber), caseNumber);

const customer = (
  customerRef: string,
  kind: PlanCustomer['kind'],
  purchaseDate: string | null = null,
): PlanCustomer => ({
  customerRef,
  name: `客户${customerRef}`,
  phone: '13800138000',
  kind,
  purchaseDate,
  storeId: 'store-1',
});

describe('CS follow-up plans, the daily run (004 三.(一), 五.(一)–(二); 003 §四.4)', () => {
  test('F13 001 §14: a CS manager’s ad hoc opinion survey over chosen customers opens one call each on Sat 5 Dec 2026 (no plan day needed), each due after 5 working days; started again, the campaign opens nothing twice', async () => {
    register.set('org-campaign', [
      customer('S1', 'old'),
      customer('S2', 'key'),
      customer('S3', 'new', '2026-11-02'),
    ]);
    await sleepUntil('2026-12-05T02:00:00Z'); // Sat 5 Dec 2026 10:00 in Shanghai
    const campaign = {
      campaignId: '2026-12-OPINION',
      customerRefs: ['S2', 'S1'],
      within: { amount: 5, unit: 'working_days' as const },
    };
    const first = await run({ organisationId: 'org-campaign', campaign });
    expect(first).toMatchObject({ date: '2026-12-05', workingDay: false });
    expect(
      first.opened.map(({ customerRef, plan, period }) => ({ customerRef, plan, period })),
    ).toEqual([
      { customerRef: 'S2', plan: 'opinion_survey', period: 'campaign:2026-12-OPINION' },
      { customerRef: 'S1', plan: 'opinion_survey', period: 'campaign:2026-12-OPINION' },
    ]);
    const call = await driver(first.opened[0]!.caseNumber).task('follow_up_call');
    expect(call).toMatchObject({ candidateDepartment: 'cs' });
    expect(local(call.dueAt)).toBe('2026-12-11T18:00+08:00'); // Mon 7 – Fri 11 Dec: 5 working days;
    const view = await driver(first.opened[0]!.caseNumber).view();
    expect(view.state.source).toMatchObject({
      kind: 'plan',
      plan: 'opinion_survey',
      planRef: 'S2',
    });

    const again = await run({ organisationId: 'org-campaign', campaign });
    expect(again).toMatchObject({
      opened: [],
      alreadyOpen: first.opened.map((o) => o.caseNumber),
    });
    for (const o of first.opened) await driver(o.caseNumber).handle.terminate('test done');
  });

  test('F06 004 五.(一): bought Fri 2026-12-04 — the fire of Mon 7 Dec 08:30 opens the first call, due 18:00 Wed 9 Dec (3 working days); a second fire opens nothing; Thu 10 Dec opens the second call, due 18:00 Fri 18 Dec (2 weeks)', async () => {
    register.set('org-new', [customer('N1', 'new', '2026-12-04')]);
    await sleepUntil('2026-12-07T00:30:00Z'); // Mon 7 Dec 2026 08:30 in Shanghai
    const first = await run({ organisationId: 'org-new' });
    expect(first).toMatchObject({ date: '2026-12-07', workingDay: true, alreadyOpen: [] });
    expect(first.opened).toEqual([
      {
        caseNumber: expect.stringMatching(/^HF202612-\d{4}$/),
        customerRef: 'N1',
        plan: 'new_customer',
        period: 'first:2026-12-04',
      },
    ]);
    const call = await driver(first.opened[0]!.caseNumber).task('follow_up_call');
    expect(call).toMatchObject({ candidateDepartment: 'cs', overdue: false });
    expect(local(call.dueAt)).toBe('2026-12-09T18:00+08:00');
    const view = await driver(first.opened[0]!.caseNumber).view();
    expect(view.state.source).toMatchObject({ kind: 'plan', plan: 'new_customer', planRef: 'N1' });
    expect(view.state.customer).toEqual({ name: '客户N1', phone: '13800138000' });

    // the same day again (a double fire, a retry, a person): the same case, nothing new
    const again = await run({ organisationId: 'org-new' });
    expect(again).toMatchObject({ opened: [], alreadyOpen: [first.opened[0]!.caseNumber] });

    await sleepUntil('2026-12-10T00:30:00Z'); // Thu 10 Dec 08:30
    const second = await run({ organisationId: 'org-new' });
    expect(second.opened).toEqual([
      expect.objectContaining({ customerRef: 'N1', period: 'second:2026-12-04' }),
    ]);
    const call2 = await driver(second.opened[0]!.caseNumber).task('follow_up_call');
    expect(local(call2.dueAt)).toBe('2026-12-18T18:00+08:00');
    for (const n of [first.opened[0]!.caseNumber, second.opened[0]!.caseNumber])
      await driver(n).handle.terminate('test done');
  });

  test('F02 004 三.(一)2: 长期未消费客户 — last bought 2026-06-01, no purchase for 180 days: the run of Mon 30 Nov 2026 opens a long-inactive call (period inactive:2026-06-01:1, due 18:00 Fri 4 Dec, 5 working days from Sat 28 Nov) besides the quarterly one; run again on 1 Dec it opens nothing twice; a customer who bought 2026-10-01 gets none', async () => {
    register.set('org-inactive', [
      { ...customer('I1', 'old'), lastPurchaseOn: '2026-06-01' },
      { ...customer('I2', 'old'), lastPurchaseOn: '2026-10-01' },
    ]);
    const first = await run({ organisationId: 'org-inactive', date: '2026-11-30' });
    expect(
      first.opened.map(({ customerRef, plan, period }) => ({ customerRef, plan, period })),
    ).toEqual([
      { customerRef: 'I1', plan: 'old_customer', period: '2026-Q4' },
      { customerRef: 'I2', plan: 'old_customer', period: '2026-Q4' },
      { customerRef: 'I1', plan: 'inactive_customer', period: 'inactive:2026-06-01:1' },
    ]);
    const inactive = driver(first.opened[2]!.caseNumber);
    expect(local((await inactive.task('follow_up_call')).dueAt)).toBe('2026-12-04T18:00+08:00');
    expect((await inactive.view()).state.source).toMatchObject({
      kind: 'plan',
      plan: 'inactive_customer',
      planRef: 'I1',
    });
    const again = await run({ organisationId: 'org-inactive', date: '2026-12-01' });
    expect(again.opened).toEqual([]);
    expect(again.alreadyOpen).toEqual(first.opened.map((o) => o.caseNumber));
    for (const o of first.opened) await driver(o.caseNumber).handle.terminate('test done');
  });

  test('F07 004 五.(二): old customers quarterly, key customers monthly — National Day 2026-10-01 opens nothing; the make-up Saturday 2026-10-10 opens the Q4 call (due by 31 Dec) and October’s (due by 31 Oct), once', async () => {
    register.set('org-periodic', [customer('O1', 'old'), customer('K1', 'key')]);
    const holiday = await run({ organisationId: 'org-periodic', date: '2026-10-01' });
    expect(holiday).toEqual({ date: '2026-10-01', workingDay: false, opened: [], alreadyOpen: [] });
    const sunday = await run({ organisationId: 'org-periodic', date: '2026-10-11' });
    expect(sunday.workingDay).toBe(false);

    const makeup = await run({ organisationId: 'org-periodic', date: '2026-10-10' });
    expect(makeup.workingDay).toBe(true);
    expect(
      makeup.opened.map(({ customerRef, plan, period }) => ({ customerRef, plan, period })),
    ).toEqual([
      { customerRef: 'O1', plan: 'old_customer', period: '2026-Q4' },
      { customerRef: 'K1', plan: 'key_customer', period: '2026-10' },
    ]);
    const [old, key] = makeup.opened.map((o) => driver(o.caseNumber));
    expect(local((await old!.task('follow_up_call')).dueAt)).toBe('2027-01-01T00:00+08:00');
    expect(local((await key!.tasks('follow_up_call'))[0]!.dueAt)).toBe('2026-11-01T00:00+08:00');
    // later in the quarter: the old customer's Q4 call is the same case; November has its own
    const later = await run({ organisationId: 'org-periodic', date: '2026-11-02' });
    expect(later.alreadyOpen).toEqual([makeup.opened[0]!.caseNumber]);
    expect(later.opened).toEqual([
      expect.objectContaining({ customerRef: 'K1', plan: 'key_customer', period: '2026-11' }),
    ]);
    for (const o of [...makeup.opened, ...later.opened])
      await driver(o.caseNumber).handle.terminate('test done');
  });
});
