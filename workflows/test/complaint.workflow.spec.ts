import { computeStageDeadline, BusinessCalendar, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { approve, close, customerResponds, firstResponse, propose, register, toExecution, toProposal } from './support/complaint-steps';
import { type Harness, createHarness, refusalOf } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

describe('complaint workflow, DOMAIN.md §1 (time-skipping test server)', () => {
  test('§1 steps 1–2 (001 §25.1, 000 §三.6): intake opens CS registration and the 24 h first response for sales', async () => {
    const c = await h.startComplaint();
    const view = await c.view();
    expect(view.status).toBe('awaiting_registration');
    expect(view.tasks.map((t) => [t.type, t.candidateDepartment, t.stage, t.commands])).toEqual([
      ['first_response', 'sales', 'firstResponse', ['RecordFirstResponse']],
      ['cs_registration', 'cs', 'registration', ['RegisterComplaint']],
    ]);
    const first = await c.task('first_response');
    expect(new Date(first.dueAt!).getTime() - new Date(view.state.reportedAt).getTime()).toBe(24 * 3_600_000);
    const reg = await c.task('cs_registration');
    const cal = new BusinessCalendar(defaultPolicy.calendar);
    expect(reg.dueAt).toBe(computeStageDeadline(defaultPolicy, cal, 'complaint', 'registration', new Date(reg.createdAt)).due.toISOString());
  });

  test('§1 step 8 + 10 (001 §29): apology only → executed at once, no improvement → CS closes on time', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'apology');
    expect((await c.view()).status).toBe('ready_to_close');
    const result = await close(c);
    expect(result.events).toEqual(['ComplaintClosed', 'FollowUpRequested']);
    const outcome = await c.result();
    expect(outcome).toMatchObject({ caseNumber: c.caseNumber, status: 'closed', closedOnTime: true });
    const snapshot = h.recorded.caseOf(c.caseNumber);
    expect(snapshot).toMatchObject({ status: 'closed', stage: 'closed', closedOnTime: true, method: 'apology' });
    const audit = h.recorded.auditOf(c.caseNumber);
    expect(audit.map((a) => a.key)).toEqual(audit.map((_, i) => `wf:${i + 1}`));
    expect(snapshot?.version).toBe(audit.length);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['complaint.ComplaintReported', 'task.opened', 'task.completed', 'approval.signed', 'complaint.ComplaintClosed']));
  });

  test('001 §27: approval above the approver\'s own limit is refused (APPROVAL_LIMIT_EXCEEDED) and never reaches history', async () => {
    const c = await h.startComplaint();
    await toProposal(c);
    await propose(c, 'compensation');
    const before = await c.acceptedUpdates();
    const failure = await refusalOf(approve(c, { ...people.csManager, approvalLimitFen: 50_000 }));
    expect(failure.type).toBe('APPROVAL_LIMIT_EXCEEDED');
    expect(failure.details?.[0]).toMatchObject({ limitFen: 50_000, amountFen: 100_000 });
    expect(await c.acceptedUpdates()).toBe(before);
  });
});
