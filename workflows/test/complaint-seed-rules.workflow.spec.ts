import type { CaseActor } from '@aso/contracts';
import {
  BusinessCalendar,
  type LossBasis,
  dayIndexOfIsoDate,
  defaultHolidayTables,
  formatLocal,
  isoDateOfDay,
  isoWeekday,
  localToInstant,
  policyV2,
} from '@aso/domain';
import { people } from './support/actors';
import {
  approve,
  customerResponds,
  firstResponse,
  investigate,
  propose,
  register,
  report,
} from './support/complaint-steps';
import { type ComplaintDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { local, sleepUntil } from './support/time';

/**
 * Seed rules of the complaint (SEED_RULES.md C03–C20, X01) on the time-skipping server, under
 * policy v2 (the version new cases pin), each pinned to the seed's literal value. The clock only
 * moves forward from today: the undated tests run first, each dated one in the next plain
 * fortnight on China's calendar (no holiday, no make-up day; e.g. Mon 2026-12-14 … Fri 12-25),
 * so its weekdays and hours are the literals whatever the day the suite runs.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-seed-rules-test');
});
afterAll(async () => {
  await h?.teardown();
});

const calendar = new BusinessCalendar(policyV2.calendar, defaultHolidayTables);

/**
 * The Monday of the next plain fortnight after the server clock: Monday to the second Friday
 * are working days and both weekends plain. `at(d, '10:00')` is day d of it (0 = Monday).
 */
async function plainFortnight() {
  const today = dayIndexOfIsoDate(formatLocal(await h.env.currentTimeMs()).slice(0, 10));
  for (let monday = today + 1; ; monday++) {
    if (isoWeekday(monday) !== 1) continue;
    const plain = Array.from({ length: 14 }, (_, d) => monday + d).every((day) => {
      const kind = calendar.dayInfo(isoDateOfDay(day)).kind;
      return kind === ([6, 7].includes(isoWeekday(day)) ? 'weekend' : 'workday');
    });
    if (plain)
      return {
        at: (d: number, hhmm: string) => localToInstant(`${isoDateOfDay(monday + d)} ${hhmm}`),
        local: (d: number, hhmm: string) => `${isoDateOfDay(monday + d)}T${hhmm}+08:00`,
      };
  }
}

const v2 = (options: Parameters<Harness['startComplaint']>[0] = {}) =>
  h.startComplaint({ policy: policyV2, ...options });

const assignOwner = (c: ComplaintDriver, by: CaseActor = people.csManager, ownerId = 'cs-01') =>
  c.complete('owner_assignment', by, { type: 'AssignComplaintOwner', ownerId });

/** v2: registered, owner named, first response given, report approved: CS proposes next. */
async function toProposalV2(c: ComplaintDriver) {
  await register(c);
  await assignOwner(c);
  await firstResponse(c);
  await investigate(c);
}

const loss = (totalFen: number): LossBasis => ({
  unitCostFen: totalFen,
  quantity: 1,
  freightFen: 0,
  handlingFen: 0,
  compensationFen: 0,
});

const openTask = async (c: ComplaintDriver, type: string) =>
  (await c.tasks(type)).find((t) => t.status === 'open' || t.status === 'claimed');

describe('complaint seed rules on the running workflow (policy v2)', () => {
  test('C03 003 §四.3, 002 ch.14 (Decision 1): anyone who works takes a complaint — opened by the warehouse, by CS or by sales; CS registers each; the 24 h first response is the opener’s when sales or CS, else CS’s', async () => {
    const byWarehouse = await v2({ reportedBy: people.warehouse });
    const byCs = await v2({ reportedBy: people.cs });
    const bySales = await v2({ reportedBy: people.sales });
    for (const [c, responder] of [
      [byWarehouse, 'cs'],
      [byCs, 'cs'],
      [bySales, 'sales'],
    ] as const) {
      const view = await c.view();
      expect(view.status).toBe('awaiting_registration');
      expect(view.state.firstResponder).toBe(responder);
      expect(await c.task('cs_registration')).toMatchObject({ candidateDepartment: 'cs' });
      const first = await c.task('first_response');
      expect(first.candidateDepartment).toBe(responder);
      expect(new Date(first.dueAt!).getTime() - view.state.reportedAt).toBe(24 * 3_600_000);
    }
    expect((await byWarehouse.view()).state.reportedBy).toBe('wh-01');
    // CS receives and records it (003 §四.3): the registration is CS's, not the opener's
    const refused = await refusalOf(
      byWarehouse.complete('cs_registration', people.warehouse, {
        type: 'RegisterComplaint',
        cause: 'transport',
        severity: 'general',
      }),
    );
    expect(refused.type).toBe('WRONG_DEPARTMENT');
    await register(byWarehouse);
    expect((await byWarehouse.view()).status).toBe('investigating');
  });

  test('C04 001 §23: CS classifies by cause — transport and handling are non-quality complaints, a product defect a quality complaint; the case row carries it', async () => {
    for (const [cause, category] of [
      ['transport', 'non_quality'],
      ['handling', 'non_quality'],
      ['product_quality', 'quality'],
    ] as const) {
      const c = await v2();
      await c.complete('cs_registration', people.cs, {
        type: 'RegisterComplaint',
        cause,
        severity: 'general',
      });
      expect((await c.view()).state.classification).toEqual({
        cause,
        category,
        severity: 'general',
      });
      expect(h.recorded.caseOf(c.caseNumber)).toMatchObject({ classification: category });
    }
    const c = await v2();
    const bad = await refusalOf(
      c.complete('cs_registration', people.cs, {
        type: 'RegisterComplaint',
        cause: 'weather',
        severity: 'general',
      }),
    );
    expect(bad.type).toBe('COMMAND_INVALID');
  });

  test('C11 001 §20: every complaint is handled by the CS manager in person or by someone they send — the owner_assignment task is the CS manager’s; CS staff are refused; named, or taken personally', async () => {
    const sent = await v2();
    const task = await sent.task('owner_assignment');
    expect(task).toMatchObject({ candidateDepartment: 'cs', candidateRoles: ['manager'] });
    const refused = await refusalOf(assignOwner(sent, people.cs, 'cs-01'));
    expect(refused.type).toBe('WRONG_ROLE');
    await assignOwner(sent, people.csManager, 'cs-02');
    expect((await sent.view()).state.owner).toMatchObject({
      userId: 'cs-02',
      assignedBy: 'cs-m',
      personally: false,
    });
    const personal = await v2();
    await assignOwner(personal, people.csManager, 'cs-m');
    expect((await personal.view()).state.owner).toMatchObject({
      userId: 'cs-m',
      personally: true,
    });
  });

  test('C13 001 §24.2, §25.2: R&D investigates — the report carries the cause, the quality verification, the responsible persons and the corrective action; sales may not submit it; a blank corrective action is refused naming it', async () => {
    const c = await v2();
    await register(c);
    expect(await c.task('rnd_investigation')).toMatchObject({
      candidateDepartment: 'rnd',
      stage: 'investigationReport',
    });
    const bySales = await refusalOf(
      c.complete('rnd_investigation', people.sales, { type: 'SubmitInvestigationReport', report }),
    );
    expect(bySales.type).toBe('WRONG_DEPARTMENT');
    const blank = await refusalOf(
      c.complete('rnd_investigation', people.rnd, {
        type: 'SubmitInvestigationReport',
        report: { ...report, correctiveAction: ' ' },
      }),
    );
    expect(blank.type).toBe('COMMAND_INVALID');
    expect(blank.details?.[0]).toMatchObject({ field: 'report.correctiveAction' });
    await c.complete('rnd_investigation', people.rnd, {
      type: 'SubmitInvestigationReport',
      report,
    });
    expect((await c.view()).state.investigation).toMatchObject({
      cause: 'product_quality',
      qualityClaimVerified: true,
      responsiblePersons: ['p-07'],
      correctiveAction: 'reflow profile corrected; batch B2611 re-inspected',
      submittedBy: 'rnd-01',
    });
  });

  test('C15 001 §24.3(4), §25.4: CS drafts the handling method and decides the responsibility and whether improvement is tracked — R&D and sales may not propose', async () => {
    const c = await v2();
    await toProposalV2(c);
    expect(await c.task('resolution_proposal')).toMatchObject({ candidateDepartment: 'cs' });
    for (const who of [people.rnd, people.sales])
      expect((await refusalOf(propose(c, 'compensation', { by: who }))).type).toBe(
        'WRONG_DEPARTMENT',
      );
    await propose(c, 'compensation', { trackImprovement: true });
    expect((await c.view()).state.revisions[0]).toMatchObject({
      proposedBy: 'cs-01',
      method: 'compensation',
      responsibleUnit: 'production',
      responsiblePersons: ['p-07'],
      trackImprovement: true,
    });
  });

  test('C17 001 §25.4: the loss amount follows the 损失金额核算基准 — 3 × ¥300 + ¥20 freight + ¥10 handling + ¥5 compensation = ¥935 (93,500 fen)', async () => {
    const c = await v2();
    await toProposalV2(c);
    await propose(c, 'compensation', {
      loss: {
        unitCostFen: 30_000,
        quantity: 3,
        freightFen: 2_000,
        handlingFen: 1_000,
        compensationFen: 500,
      },
    });
    const [revision] = (await c.view()).state.revisions;
    expect(revision?.loss.totalFen).toBe(93_500);
    expect(revision?.loss.lines.filter((l) => l.included).map((l) => l.amountFen)).toEqual([
      90_000, 2_000, 1_000, 500,
    ]);
    expect(h.recorded.caseOf(c.caseNumber)).toMatchObject({ lossAmountFen: 93_500 });
  });

  test('C18 001 §25.4: an individual penalty (a warning for p-07) goes to the VP in charge after the CS manager; the CS manager’s approval alone does not decide it', async () => {
    const c = await v2();
    await toProposalV2(c);
    await c.complete('resolution_proposal', people.cs, {
      type: 'ProposeResolution',
      responsibleUnit: 'production',
      responsiblePersons: ['p-07'],
      method: 'apology',
      trackImprovement: false,
      humanNegligence: false,
      lossBasis: loss(100_000),
      penalties: [{ personId: 'p-07', kind: 'warning', amountFen: 0 }],
      notes: 'warning for p-07',
    });
    expect((await c.view()).state.revisions[0]?.route.steps.map((s) => s.role)).toEqual([
      'manager',
      'vp',
    ]);
    expect(await openTask(c, 'resolution_approval')).toMatchObject({
      candidateDepartment: 'cs',
      candidateRoles: ['manager'],
    });
    await approve(c, people.csManager);
    expect((await c.view()).status).toBe('awaiting_approval');
    expect(await openTask(c, 'resolution_approval')).toMatchObject({
      candidateDepartment: null,
      candidateRoles: ['vp'],
    });
    await approve(c, people.vp);
    expect((await c.view()).status).toBe('awaiting_customer');
  });

  test('C20 001 §27: the approver follows the amount — ¥5,000.00 the CS manager, ¥5,000.01 the VP in charge, ¥50,000.01 the GM', async () => {
    for (const [totalFen, roles, row] of [
      [500_000, ['manager'], 'handling-cs-manager'],
      [500_001, ['vp'], 'handling-vp'],
      [5_000_001, ['gm'], 'handling-gm'],
    ] as const) {
      const c = await v2();
      await toProposalV2(c);
      await propose(c, 'compensation', { loss: loss(totalFen) });
      const [revision] = (await c.view()).state.revisions;
      expect({ totalFen, roles: revision?.route.steps.map((s) => s.role) }).toEqual({
        totalFen,
        roles,
      });
      expect(JSON.stringify(revision?.route)).toContain(row);
      expect((await openTask(c, 'resolution_approval'))?.candidateRoles).toEqual(roles);
    }
  });

  test('X01 001 篇3 一.1: working hours 9:00–18:00 — a severe complaint registered on a Friday at 16:00 owes its 4-business-hour VP review by Monday 11:00 (16–18 Friday, 9–11 Monday); its 24 h first response falls on Saturday 16:00', async () => {
    const week = await plainFortnight();
    await sleepUntil(h, week.at(4, '16:00')); // Friday 16:00
    const c = await v2();
    await register(c, 'severe');
    const review = await c.task('severe_review');
    expect(local(review.createdAt)).toBe(week.local(4, '16:00'));
    expect(local(review.dueAt)).toBe(week.local(7, '11:00')); // Monday
    // the 24 h first response counts calendar hours, not working hours
    expect(local((await c.task('first_response')).dueAt)).toBe(week.local(5, '16:00'));
  });

  test('C05 001 §24.3(1), §26.1: CS registers; the closing period runs from CS acceptance — reported Monday 10:00, nothing runs; accepted Tuesday 14:00, due 6 days later on Monday 14:00', async () => {
    const week = await plainFortnight();
    await sleepUntil(h, week.at(0, '10:00')); // Monday 10:00
    const c = await v2();
    await c.task('cs_registration');
    expect((await c.view()).closingClock).toMatchObject({ startedAt: null, dueAt: null });
    await sleepUntil(h, week.at(1, '14:00')); // Tuesday 14:00
    await register(c);
    const view = await c.view();
    expect(local(view.state.reportedAt)).toBe(week.local(0, '10:00'));
    expect(local(view.state.acceptedAt)).toBe(week.local(1, '14:00'));
    expect(local(view.closingClock.startedAt)).toBe(week.local(1, '14:00'));
    expect(local(view.closingClock.dueAt)).toBe(week.local(7, '14:00'));
  });

  test('C06 001 §26.1 六日内结案: 6 days with no exception — accepted Wednesday 10:00, due Tuesday 10:00; waiting for the customer does not stop it; at 10:01 the close is overdue and escalated, and the late conclusion is not on time', async () => {
    const week = await plainFortnight();
    await sleepUntil(h, week.at(2, '10:00')); // Wednesday 10:00
    const c = await v2();
    await toProposalV2(c);
    expect(local((await c.view()).closingClock.dueAt)).toBe(week.local(8, '10:00'));
    await propose(c, 'apology');
    await approve(c);
    // waiting for the customer: the 6 days keep running (no pause, Decision 2)
    expect(local((await c.view()).closingClock.dueAt)).toBe(week.local(8, '10:00'));
    await sleepUntil(h, week.at(8, '10:01')); // Tuesday 10:01
    const view = await c.view();
    expect(view.overdueStages).toContain('close');
    expect(view.tasks.find((t) => t.type === 'escalation' && t.stage === 'close')).toMatchObject({
      candidateDepartment: 'cs',
      candidateRoles: ['manager'],
    });
    await customerResponds(c, true);
    expect((await c.view()).closingClock.onTime).toBe(false);
  });

  test('C12 001 §25.2: for joint handling CS sets a department’s deadline on the form — R&D’s report within 2 calendar days (registered Wednesday 10:00 → Friday 10:00) instead of the 3 working days (Monday 10:00)', async () => {
    const week = await plainFortnight();
    await sleepUntil(h, week.at(2, '10:00')); // Wednesday 10:00
    const set = await v2();
    const plain = await v2();
    await set.complete('cs_registration', people.cs, {
      type: 'RegisterComplaint',
      cause: 'product_quality',
      severity: 'general',
      formDeadlines: { investigationReport: { amount: 2, unit: 'calendar_days' } },
    });
    await register(plain);
    expect(local((await set.task('rnd_investigation')).dueAt)).toBe(week.local(4, '10:00'));
    expect(local((await plain.task('rnd_investigation')).dueAt)).toBe(week.local(7, '10:00'));
    expect((await set.view()).state.formDeadlines).toEqual({
      investigationReport: { amount: 2, unit: 'calendar_days' },
    });
  });
});
