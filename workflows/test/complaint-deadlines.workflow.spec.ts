import type { TaskView } from '@aso/contracts';
import {
  BusinessCalendar,
  type ComplaintStage,
  computeStageDeadline,
  defaultPolicy,
  defaultPolicyInput,
  parsePolicy,
} from '@aso/domain';
import { people } from './support/actors';
import {
  approve,
  close,
  customerResponds,
  firstResponse,
  investigate,
  propose,
  register,
  report,
  toExecution,
  toProposal,
} from './support/complaint-steps';
import { type ComplaintDriver, type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';
import { sleepUntil } from './support/time';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-deadlines-test');
});
afterAll(async () => {
  await h?.teardown();
});

const calendar = new BusinessCalendar(defaultPolicy.calendar);
const MINUTE = 60_000;

/**
 * DOMAIN.md "Overdue" (001 §24.3 逾期反映): on a missed stage deadline the task is marked
 * overdue and escalated to the manager of the owning department; a further working day late →
 * the VP in charge. Stages a VP owns escalate to the GM (the policy's vpLadder). Each row drives a
 * case to the stage, then lets the server clock run past each step of the policy's ladder.
 */
const stages: Array<[ComplaintStage, string, (c: ComplaintDriver) => Promise<unknown>]> = [
  ['firstResponse', 'first_response', async () => undefined],
  ['registration', 'cs_registration', firstResponse],
  ['severeReview', 'severe_review', async (c) => register(c, 'severe')],
  [
    'investigationReport',
    'rnd_investigation',
    async (c) => {
      await firstResponse(c);
      await register(c);
    },
  ],
  [
    'reportReview',
    'report_approval',
    async (c) => {
      await firstResponse(c);
      await register(c);
      await c.complete('rnd_investigation', people.rnd, {
        type: 'SubmitInvestigationReport',
        report: report,
      });
    },
  ],
  ['proposal', 'resolution_proposal', async (c) => toProposal(c)],
  [
    'approval',
    'resolution_approval',
    async (c) => {
      await toProposal(c);
      await propose(c, 'apology');
    },
  ],
  [
    'customerResponse',
    'customer_response',
    async (c) => {
      await toProposal(c);
      await propose(c, 'apology');
      await approve(c);
    },
  ],
  ['execution', 'certificate_issue', async (c) => toExecution(c, 'discount')],
  [
    'improvement',
    'confirm_improvement',
    async (c) => toExecution(c, 'apology', { trackImprovement: true }),
  ],
];

describe('deadlines and escalation (DOMAIN.md "Overdue")', () => {
  test.each(stages)(
    'C36 C37 001 §24.3(1), §26.2: stage %s: the missed deadline of %s escalates along the policy ladder at the right business instants',
    async (stage, type, drive) => {
      const c = await h.startComplaint();
      await drive(c);
      const task = await c.task(type);
      expect(task.stage).toBe(stage);
      const rule = defaultPolicy.deadlines.complaint[stage];
      const start =
        stage === 'firstResponse'
          ? (await c.view()).state.reportedAt
          : new Date(task.createdAt).getTime();
      const due = computeStageDeadline(
        defaultPolicy,
        calendar,
        'complaint',
        stage,
        start,
      ).due.getTime();
      expect(task.dueAt).toBe(new Date(due).toISOString());

      await sleepUntil(h, due - MINUTE);
      expect(await c.task(type)).toMatchObject({ overdue: false, escalationLevel: 0 });

      let at = due;
      for (const [i, step] of rule.escalation.entries()) {
        at = calendar.add(at, step.afterOverdue).ms;
        if (i > 0) {
          await sleepUntil(h, at - MINUTE);
          expect((await c.task(type)).escalationLevel).toBe(i);
        }
        await sleepUntil(h, at + MINUTE);
        const view = await c.view();
        const late = view.tasks.find((t) => t.taskId === task.taskId) as TaskView;
        expect(late).toMatchObject({ overdue: true, escalationLevel: i + 1 });
        expect(view.overdueStages).toContain(stage);
        const escalation = view.tasks.find(
          (t) =>
            t.type === 'escalation' &&
            t.escalatesTaskId === task.taskId &&
            t.escalationLevel === i + 1,
        );
        const department =
          step.to.department === 'owner' ? rule.owner : (step.to.department ?? null);
        expect(escalation).toMatchObject({
          status: 'open',
          candidateRoles: [step.to.role],
          candidateDepartment: department,
          stage,
        });
        const audit = h.recorded
          .auditOf(c.caseNumber)
          .find(
            (a) =>
              a.action === 'escalation' &&
              a.data.escalatesTaskId === task.taskId &&
              a.data.level === i + 1,
          );
        expect(audit?.data.scheduledAt).toBe(new Date(at).toISOString());
        expect(Math.abs(new Date(audit!.occurredAt).getTime() - at)).toBeLessThan(MINUTE);
      }
      // the department's manager (level 1) acknowledges; doing the late work closes the rest
      const overdue = h.recorded
        .auditOf(c.caseNumber)
        .find((a) => a.action === 'task.overdue' && a.data.taskId === task.taskId);
      expect(overdue?.data.dueAt).toBe(new Date(due).toISOString());
    },
  );

  test('C30 000 §三.6, C36 001 §24.3(1): a complaint reported 25 h before it opens has its 24 h first response overdue at once — flagged and escalated to the sales manager on opening, not a working day later at the VP step', async () => {
    const HOUR = 3_600_000;
    const opened = (await h.env.currentTimeMs()) as number;
    const reportedAt = opened - 25 * HOUR;
    const c = await h.startComplaint({ reportedAt: new Date(reportedAt) });
    // the first response is due 24 calendar hours after the report: an hour before the opening
    const due = reportedAt + 24 * HOUR;
    expect((await c.view()).tasks.find((t) => t.type === 'first_response')?.dueAt).toBe(
      new Date(due).toISOString(),
    );
    // no server time passes (nothing awaits a result): the case wakes for the missed deadline itself
    const late = await eventually(async () => {
      const t = await c.task('first_response');
      return t.overdue ? t : null;
    }, 'the first response flagged overdue');
    expect(late).toMatchObject({ overdue: true, escalationLevel: 1 });
    const escalations = (await c.tasks('escalation')).filter(
      (t) => t.escalatesTaskId === late.taskId,
    );
    expect(escalations).toEqual([
      expect.objectContaining({
        escalationLevel: 1,
        candidateRoles: ['manager'],
        candidateDepartment: 'sales',
      }),
    ]);
    const overdue = h.recorded
      .auditOf(c.caseNumber)
      .find((a) => a.action === 'task.overdue' && a.data.taskId === late.taskId);
    expect(overdue?.data.dueAt).toBe(new Date(due).toISOString());
    // observed at the opening (the server's clock, a few seconds at most), not at the report
    const observed = new Date(overdue!.occurredAt).getTime();
    expect(observed).toBeGreaterThanOrEqual(opened);
    expect(observed - opened).toBeLessThan(MINUTE);
  });

  test('DOMAIN "Overdue": doing the late work cancels its open escalations; acknowledging completes one', async () => {
    const c = await h.startComplaint();
    await firstResponse(c);
    const task = await c.task('cs_registration');
    await sleepUntil(h, new Date(task.dueAt!).getTime() + MINUTE);
    const escalation = (await c.tasks('escalation')).find(
      (t) => t.escalatesTaskId === task.taskId,
    )!;
    await c.handle.executeUpdate('completeTask', {
      args: [
        {
          taskId: escalation.taskId,
          actor: people.csManager,
          command: { type: 'AcknowledgeEscalation' },
          comment: 'on it',
        },
      ],
    });
    expect((await c.tasks('escalation')).find((t) => t.taskId === escalation.taskId)).toMatchObject(
      { status: 'completed', completedBy: 'cs-m' },
    );
    await register(c);
    expect((await c.view()).tasks.find((t) => t.taskId === task.taskId)).toMatchObject({
      status: 'completed',
      overdue: true,
      escalationLevel: 1,
    });
  });

  test('001 §26.1: closing late — past 6 working days from acceptance the close stage is overdue, escalated, and closedOnTime is false', async () => {
    const c = await h.startComplaint();
    await firstResponse(c);
    await register(c);
    const clock = (await c.view()).closingClock;
    expect(clock.dueAt).toBe(
      computeStageDeadline(
        defaultPolicy,
        calendar,
        'complaint',
        'close',
        new Date(clock.startedAt!),
      ).due.toISOString(),
    );
    await sleepUntil(h, new Date(clock.dueAt!).getTime() + MINUTE);
    const view = await c.view();
    expect(view.overdueStages).toContain('close');
    expect(
      view.tasks.find(
        (t) => t.type === 'escalation' && t.stage === 'close' && t.escalatesTaskId === null,
      ),
    ).toMatchObject({ candidateDepartment: 'cs', candidateRoles: ['manager'] });
    await investigate(c);
    await propose(c, 'apology');
    await approve(c);
    await customerResponds(c, true);
    await close(c);
    expect(await c.result()).toMatchObject({ status: 'closed', closedOnTime: false });
    expect(h.recorded.caseOf(c.caseNumber)).toMatchObject({ closedOnTime: false, overdue: true });
    // closing cancels what is still open, the closing clock's escalations included
    expect((await c.tasks()).filter((t) => t.status === 'open' || t.status === 'claimed')).toEqual(
      [],
    );
  });

  test('project rule (policy v1; not the seed — 001 §26.1 states no pause, see Decision 2): waiting for the customer pauses the closing clock — the due instant moves by the working time waited', async () => {
    const c = await h.startComplaint();
    await toProposal(c);
    await propose(c, 'apology');
    await approve(c);
    const before = (await c.view()).closingClock;
    expect(before.dueAt).toBeNull(); // paused: the due instant depends on the customer
    const pausedAt = await h.env.currentTimeMs();
    await h.env.sleep('3 days');
    await customerResponds(c, true);
    const after = (await c.view()).closingClock;
    const start = new Date(after.startedAt!).getTime();
    const resumedAt = (await c.view()).tasks.find(
      (t) => t.type === 'customer_response',
    )!.completedAt!;
    const waited = calendar.workingTimeBetween(pausedAt, new Date(resumedAt)).ms;
    const unpaused = computeStageDeadline(
      defaultPolicy,
      calendar,
      'complaint',
      'close',
      start,
    ).due.getTime();
    expect(
      Math.abs(new Date(after.dueAt!).getTime() - calendar.addBusinessTime(unpaused, waited).ms),
    ).toBeLessThan(5_000);
  });

  test('DOMAIN "Policy versions": a case started under v1 keeps v1 deadlines after a v2 case (other deadlines) starts', async () => {
    const v2 = parsePolicy({
      ...defaultPolicyInput,
      version: 2,
      deadlines: {
        ...defaultPolicyInput.deadlines,
        complaint: {
          ...defaultPolicyInput.deadlines.complaint,
          registration: { ...defaultPolicyInput.deadlines.complaint.registration, amount: 3 },
        },
      },
    });
    const a = await h.startComplaint({ policy: defaultPolicy });
    const b = await h.startComplaint({ policy: v2 });
    const regA = await a.task('cs_registration');
    const regB = await b.task('cs_registration');
    const cal2 = new BusinessCalendar(v2.calendar);
    expect(regA.dueAt).toBe(
      computeStageDeadline(
        defaultPolicy,
        calendar,
        'complaint',
        'registration',
        new Date(regA.createdAt),
      ).due.toISOString(),
    );
    expect(regB.dueAt).toBe(
      computeStageDeadline(
        v2,
        cal2,
        'complaint',
        'registration',
        new Date(regB.createdAt),
      ).due.toISOString(),
    );
    expect(new Date(regB.dueAt!).getTime()).toBeGreaterThan(new Date(regA.dueAt!).getTime());
    await sleepUntil(h, new Date(regA.dueAt!).getTime() + MINUTE);
    expect(await a.task('cs_registration')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(await b.task('cs_registration')).toMatchObject({ overdue: false, escalationLevel: 0 });
    expect((await a.view()).policyVersion).toBe(1);
    expect((await b.view()).policyVersion).toBe(2);
    expect(h.recorded.auditOf(a.caseNumber).every((e) => e.policyVersion === 1)).toBe(true);
  });
});
