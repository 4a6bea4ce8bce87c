import { policyV2, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { approve, firstResponse, investigate, propose, register } from './support/complaint-steps';
import { type ComplaintDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { local, sleepUntil } from './support/time';

/**
 * DOMAIN.md "Decisions where the seeds disagree or are silent" as policy v2, on the time-skipping
 * server and China's 2026 calendar (weekends off): v1 cases keep v1.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-decisions-test');
});
afterAll(async () => {
  await h?.teardown();
});

const assignOwner = (c: ComplaintDriver) =>
  c.complete('owner_assignment', people.csManager, {
    type: 'AssignComplaintOwner',
    ownerId: people.cs.userId,
  });

test('C07 Decision 2 001 §26.1: v2 closes within 6 calendar days of acceptance; a v1 case keeps 6 working days (Thu 2026-12-10 10:00 → Wed 12-16 vs Fri 12-18, the weekend 12-12/13 off); C29 000 §三.7, 003 §四.3: the close without the summary analysis and preventive measure is refused, with them it files the complaint_summary', async () => {
  await sleepUntil(h, '2026-12-10T02:00:00Z'); // Thursday 10:00 in Shanghai
  const v1 = await h.startComplaint({ policy: defaultPolicy });
  const v2 = await h.startComplaint({ policy: policyV2 });
  await register(v1);
  await register(v2);
  const c1 = (await v1.view()).closingClock;
  const c2 = (await v2.view()).closingClock;
  expect(local(c1.startedAt)).toBe('2026-12-10T10:00+08:00');
  expect(local(c2.startedAt)).toBe('2026-12-10T10:00+08:00');
  expect(local(c2.dueAt)).toBe('2026-12-16T10:00+08:00');
  expect(local(c1.dueAt)).toBe('2026-12-18T10:00+08:00');
  // side by side: only the v2 case owes the CS manager's owner assignment (C11)
  expect((await v1.tasks('owner_assignment')).length).toBe(0);
  expect((await v2.tasks('owner_assignment')).length).toBe(1);
  expect({ v1: (await v1.view()).policyVersion, v2: (await v2.view()).policyVersion }).toEqual({
    v1: 1,
    v2: 2,
  });
  // v2: the CS manager names the owner (C11); waiting for the customer does not pause the clock
  await assignOwner(v2);
  await firstResponse(v2);
  await investigate(v2);
  await propose(v2, 'apology');
  await approve(v2);
  expect(local((await v2.view()).closingClock.dueAt)).toBe('2026-12-16T10:00+08:00');
  // the customer accepts: the form is concluded, the 6 days stop there (not at the close)
  await v2.complete('customer_response', people.sales, {
    type: 'RecordCustomerResponse',
    accepted: true,
    via: 'phone',
    note: 'agreed',
  });
  const stopped = (await v2.view()).closingClock;
  expect(stopped.onTime).toBe(true);
  // C29 000 §三.7: the close records the summary analysis and the preventive measure
  const missing = await refusalOf(v2.complete('close', people.cs, { type: 'CloseComplaint' }));
  expect(missing.type).toBe('COMMAND_INVALID');
  await v2.complete('close', people.cs, {
    type: 'CloseComplaint',
    summary: 'cold solder joints on batch B2611',
    preventiveMeasure: 'reflow profile audited weekly',
  });
  expect(await v2.result()).toMatchObject({ status: 'closed', closedOnTime: true });
  const summaries = h.recorded.documentsOf(v2.caseNumber, 'complaint_summary');
  expect(summaries).toHaveLength(1);
  expect(JSON.stringify(summaries[0]?.content)).toContain('reflow profile audited weekly');
});

test('C31 000 §三.6: a store-channel complaint owes its handling result within 48 h (reported Mon 2026-12-14 10:00 → due Wed 12-16 10:00), escalated to the sales manager when missed', async () => {
  await sleepUntil(h, '2026-12-14T02:00:00Z');
  const c = await h.startComplaint({ policy: policyV2, channel: 'store' });
  const task = await c.task('store_result');
  expect(local(task.dueAt)).toBe('2026-12-16T10:00+08:00');
  expect(task.candidateDepartment).toBe('sales');
  await sleepUntil(h, '2026-12-16T02:01:00Z');
  const view = await c.view();
  expect(view.overdueStages).toContain('storeResult');
  expect(
    view.tasks.find((t) => t.type === 'escalation' && t.stage === 'storeResult'),
  ).toMatchObject({ candidateDepartment: 'sales', candidateRoles: ['manager'] });
  // a v1 case has no such deadline
  const v1 = await h.startComplaint({ policy: defaultPolicy, channel: 'store' });
  await v1.task('cs_registration');
  expect((await v1.tasks()).map((t) => t.type)).not.toContain('store_result');
});

test('C09 Decision 4 001 §18: a severe decision goes by letter — phone refused (LETTER_REQUIRED), the letter a document of the case', async () => {
  const c = await h.startComplaint({ policy: policyV2 });
  await firstResponse(c);
  await register(c, 'severe');
  await c.complete('severe_review', people.vp, {
    type: 'CompleteSevereReview',
    remarks: 'letter to the customer',
  });
  await investigate(c);
  await propose(c, 'apology');
  await approve(c);
  const refused = await refusalOf(
    c.complete('customer_response', people.sales, {
      type: 'RecordCustomerResponse',
      accepted: true,
      via: 'phone',
    }),
  );
  expect(refused.type).toBe('LETTER_REQUIRED');
  await c.complete('customer_response', people.sales, {
    type: 'RecordCustomerResponse',
    accepted: true,
    via: 'letter',
    note: '函告 sent',
  });
  expect((await c.view()).state.revisions[0]?.outcome).toBe('accepted_by_customer');
  expect(h.recorded.documentsOf(c.caseNumber, 'decision_letter')).toHaveLength(1);
});

test('C24 Decision 5 001 §25.7: a supplier responsible → a CS supplier_coordination task (5 working days); the closing clock pauses as waiting_for_supplier until CS records the joint handling', async () => {
  const c = await h.startComplaint({ policy: policyV2 });
  await firstResponse(c);
  await register(c);
  await investigate(c, { externalParty: 'Shenzhen Power Parts Co. (supplier)' });
  const coordination = await c.task('supplier_coordination');
  expect(coordination.candidateDepartment).toBe('cs');
  expect((await c.view()).closingClock.dueAt).toBeNull(); // paused
  await c.complete('supplier_coordination', people.cs, {
    type: 'RecordSupplierCoordination',
    outcome: 'the supplier replaces the power boards of batch B2611',
  });
  expect((await c.view()).closingClock.dueAt).not.toBeNull();
  const paused = h.recorded.auditOf(c.caseNumber).find((a) => a.action === 'closing_clock.paused');
  expect(paused?.data).toMatchObject({ reason: 'waiting_for_supplier' });
});
