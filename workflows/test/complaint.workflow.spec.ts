import { BusinessCalendar, computeStageDeadline, defaultPolicy, policyV2 } from '@aso/domain';
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
import { type ComplaintDriver, type Harness, createHarness, refusalOf } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const openTypes = async (c: ComplaintDriver) =>
  (await c.tasks()).filter((t) => t.status === 'open' || t.status === 'claimed').map((t) => t.type);

async function closeAndExpectOnTime(c: ComplaintDriver) {
  await close(c);
  expect(await c.result()).toMatchObject({ status: 'closed', closedOnTime: true });
}

describe('complaint workflow, DOMAIN.md §1 (time-skipping test server)', () => {
  test('C30 §1 steps 1–2 (001 §25.1, 000 §三.6): intake opens CS registration and the 24 h first response for sales', async () => {
    const c = await h.startComplaint();
    const view = await c.view();
    expect(view.status).toBe('awaiting_registration');
    expect(view.tasks.map((t) => [t.type, t.candidateDepartment, t.stage, t.commands])).toEqual([
      ['first_response', 'sales', 'firstResponse', ['RecordFirstResponse']],
      ['cs_registration', 'cs', 'registration', ['RegisterComplaint']],
    ]);
    const first = await c.task('first_response');
    expect(new Date(first.dueAt!).getTime() - view.state.reportedAt).toBe(24 * 3_600_000);
    const reg = await c.task('cs_registration');
    const cal = new BusinessCalendar(defaultPolicy.calendar);
    expect(reg.dueAt).toBe(
      computeStageDeadline(
        defaultPolicy,
        cal,
        'complaint',
        'registration',
        new Date(reg.createdAt),
      ).due.toISOString(),
    );
    // the update returns only once its writes are done: the inbox already shows the effect
    await firstResponse(c);
    expect(h.recorded.tasksOf(c.caseNumber).find((t) => t.type === 'first_response')).toMatchObject(
      { status: 'completed', completedBy: people.sales.userId },
    );
  });

  test('§1 step 2 (001 §26.1): CS acceptance starts the 6-working-day closing clock; R&D investigates next', async () => {
    const c = await h.startComplaint();
    const result = await register(c);
    expect(result).toMatchObject({ events: ['ComplaintRegistered'], status: 'investigating' });
    const view = await c.view();
    const cal = new BusinessCalendar(defaultPolicy.calendar);
    expect(view.closingClock.startedAt).toBe(new Date(view.state.acceptedAt!).toISOString());
    expect(view.closingClock.dueAt).toBe(
      computeStageDeadline(
        defaultPolicy,
        cal,
        'complaint',
        'close',
        view.state.acceptedAt!,
      ).due.toISOString(),
    );
    expect(await c.task('rnd_investigation')).toMatchObject({
      candidateDepartment: 'rnd',
      stage: 'investigationReport',
    });
    expect(h.recorded.caseOf(c.caseNumber)).toMatchObject({
      status: 'investigating',
      classification: 'quality',
      severity: 'general',
      closingDueAt: view.closingClock.dueAt,
    });
  });

  test('§1 step 8 + 10 (001 §29): apology only → executed at once, no improvement tracking → CS closes on time', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'apology');
    expect((await c.view()).status).toBe('ready_to_close');
    const result = await close(c);
    expect(result.events).toEqual(['ComplaintClosed', 'FollowUpRequested']);
    expect(await c.result()).toMatchObject({
      caseNumber: c.caseNumber,
      status: 'closed',
      closedOnTime: true,
    });
    const snapshot = h.recorded.caseOf(c.caseNumber);
    expect(snapshot).toMatchObject({
      status: 'closed',
      stage: 'closed',
      closedOnTime: true,
      method: 'apology',
    });
    const audit = h.recorded.auditOf(c.caseNumber);
    expect(audit.map((a) => a.key)).toEqual(audit.map((_, i) => `wf:${i + 1}`));
    expect(snapshot?.version).toBe(audit.length);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'complaint.ComplaintReported',
        'task.opened',
        'task.completed',
        'approval.signed',
        'complaint.ComplaintClosed',
      ]),
    );
    // the approval carries its explanation (001 §27: which bracket of which policy version, why)
    const signed = audit.find(
      (a) => a.action === 'approval.signed' && a.data.action === 'handling_decision',
    );
    expect(signed?.data.explanation).toMatchObject({
      policyVersion: 1,
      matchedRow: { id: 'handling-cs-manager' },
    });
    expect(
      (await c.tasks()).every((t) => t.status === 'completed' || t.status === 'cancelled'),
    ).toBe(true);
  });

  test.each(['discount', 'compensation'] as const)(
    'C26 001 §29.1(1): %s → sales issues the discount certificate, the sales VP signs, the customer signs, finance books (copies: sales 1, finance 2)',
    async (method) => {
      const c = await h.startComplaint();
      await toExecution(c, method);
      expect(await openTypes(c)).toEqual(['certificate_issue']);
      await c.complete('certificate_issue', people.sales, {
        type: 'IssueDiscountCertificate',
        certificateNumber: `ZK-${c.caseNumber}`,
        amountFen: 100_000,
      });
      expect(await c.task('certificate_sign')).toMatchObject({
        candidateDepartment: null,
        candidateRoles: ['sales_vp'],
      });
      await c.complete('certificate_sign', people.salesVp, { type: 'SignDiscountCertificate' });
      await c.complete('certificate_customer_signature', people.sales, {
        type: 'RecordCertificateCustomerSignature',
      });
      expect(await c.task('certificate_booking')).toMatchObject({ candidateDepartment: 'finance' });
      await c.complete('certificate_booking', people.finance, { type: 'BookDiscountCertificate' });
      const [certificate] = h.recorded.documentsOf(c.caseNumber, 'discount_certificate');
      expect(certificate).toMatchObject({
        docNumber: `ZK-${c.caseNumber}`,
        status: 'booked',
        distribution: [
          { department: 'sales', copy: 1 },
          { department: 'finance', copy: 2 },
        ],
      });
      expect(certificate?.signatures.map((s) => s.role)).toEqual([
        'issuer',
        'sales_vp',
        'customer',
        'finance',
      ]);
      await closeAndExpectOnTime(c);
    },
  );

  test('C23 001 §25.6: a certificate above the approved decision is refused (EXCEEDS_APPROVED_DECISION)', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'discount');
    const failure = await refusalOf(
      c.complete('certificate_issue', people.sales, {
        type: 'IssueDiscountCertificate',
        certificateNumber: 'ZK-1',
        amountFen: 100_001,
      }),
    );
    expect(failure.type).toBe('EXCEEDS_APPROVED_DECISION');
  });

  test('C41 003 §三.3, 001 §29: resupply → the warehouse ships the missing goods, then CS closes', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'resupply');
    expect(await c.task('resupply_shipment')).toMatchObject({ candidateDepartment: 'warehouse' });
    await c.complete('resupply_shipment', people.warehouse, { type: 'RecordResupplyShipped' });
    await closeAndExpectOnTime(c);
  });

  test('C25 001 §25.8: not established → sales collects the receivable on the normal terms', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'not_established', {
      loss: { unitCostFen: 0, quantity: 1, freightFen: 0, handlingFen: 0, compensationFen: 0 },
    });
    expect(await c.task('receivable_collection')).toMatchObject({
      candidateDepartment: 'sales',
      commands: ['RecordReceivableCollected', 'FilePetition'],
    });
    await c.complete('receivable_collection', people.sales, { type: 'RecordReceivableCollected' });
    await closeAndExpectOnTime(c);
  });

  test('C25 001 §25.8: not established + the customer objects → a petition (签呈) task for the superior, who decides', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'not_established', {
      loss: { unitCostFen: 0, quantity: 1, freightFen: 0, handlingFen: 0, compensationFen: 0 },
    });
    await c.complete('receivable_collection', people.sales, {
      type: 'FilePetition',
      reason: 'customer disputes the invoice',
    });
    const petition = await c.task('petition_decision');
    expect(petition).toMatchObject({
      candidateDepartment: 'sales',
      candidateRoles: ['manager'],
      commands: ['DecidePetition'],
    });
    expect(
      (
        await refusalOf(
          c.complete('petition_decision', people.sales, {
            type: 'DecidePetition',
            decision: 'waive',
          }),
        )
      ).type,
    ).toBe('WRONG_ROLE');
    await c.complete('petition_decision', people.salesManager, {
      type: 'DecidePetition',
      decision: 'waive',
      remarks: 'goodwill',
    });
    const [doc] = h.recorded.documentsOf(c.caseNumber, 'petition');
    expect(doc).toMatchObject({
      status: 'decided_waive',
      signatures: [
        expect.objectContaining({ role: 'petitioner' }),
        expect.objectContaining({ by: 'sales-m', role: 'superior' }),
      ],
    });
    await closeAndExpectOnTime(c);
  });

  test('C21 001 §25.5: the customer rejects twice, then accepts → three linked revisions of the complaint form', async () => {
    const c = await h.startComplaint();
    await toProposal(c);
    for (let round = 0; round < 2; round++) {
      await propose(c, 'compensation');
      await approve(c);
      await customerResponds(c, false);
      expect((await c.view()).status).toBe('proposing');
    }
    await propose(c, 'compensation');
    await approve(c);
    await customerResponds(c, true);
    const forms = h.recorded
      .documentsOf(c.caseNumber, 'complaint_form')
      .sort((a, b) => a.revision - b.revision);
    expect(forms.map((f) => [f.revision, f.supersedesRevision, f.status])).toEqual([
      [1, null, 'rejected_by_customer'],
      [2, 1, 'rejected_by_customer'],
      [3, 2, 'accepted_by_customer'],
    ]);
    expect((await c.view()).state.revisions.map((r) => r.reason)).toEqual([
      'initial',
      'customer_rejected',
      'customer_rejected',
    ]);
    // waiting for the customer pauses the closing clock (and resumes it on the answer)
    const actions = h.recorded.auditOf(c.caseNumber).map((a) => a.action);
    expect(actions.filter((a) => a === 'closing_clock.paused')).toHaveLength(3);
    expect(actions.filter((a) => a === 'closing_clock.resumed')).toHaveLength(3);
  });

  test('C08 001 §18: a severe complaint → the VP in charge reviews before any proposal', async () => {
    const c = await h.startComplaint();
    await firstResponse(c);
    await register(c, 'severe');
    expect(await c.task('severe_review')).toMatchObject({
      candidateDepartment: null,
      candidateRoles: ['vp'],
      stage: 'severeReview',
      priority: 1,
    });
    await investigate(c);
    expect(await openTypes(c)).toEqual(['severe_review']); // no proposal task yet
    await c.complete('severe_review', people.vp, {
      type: 'CompleteSevereReview',
      remarks: 'handle with priority, letter to the customer',
    });
    expect(await openTypes(c)).toEqual(['resolution_proposal']);
  });

  test('C24 001 §25.7: supplier involvement → the report names the external party and CS handles it jointly with them (policy v2: a supplier_coordination task, concluded with its outcome)', async () => {
    const c = await h.startComplaint({ policy: policyV2 });
    await firstResponse(c);
    await register(c);
    await investigate(c, {
      externalParty: 'Shenzhen Power Parts Co. (supplier)',
      responsibleUnit: 'supplier',
    });
    const view = await c.view();
    expect(view.state.investigation).toMatchObject({
      externalParty: 'Shenzhen Power Parts Co. (supplier)',
      submittedBy: people.rnd.userId,
    });
    expect(view.state.reportApprovedBy).toBe(people.vp.userId);
    const submitted = h.recorded
      .auditOf(c.caseNumber)
      .find((a) => a.action === 'complaint.InvestigationReportSubmitted');
    expect(submitted?.data).toMatchObject({
      report: { externalParty: 'Shenzhen Power Parts Co. (supplier)' },
    });
    expect(
      h.recorded
        .auditOf(c.caseNumber)
        .find((a) => a.action === 'approval.signed' && a.data.action === 'investigation_report'),
    ).toBeDefined();
    // the joint handling: CS's coordination task with the supplier, its own deadline
    const coordination = await c.task('supplier_coordination');
    expect(coordination).toMatchObject({
      candidateDepartment: 'cs',
      stage: 'supplierCoordination',
    });
    await c.complete('supplier_coordination', people.cs, {
      type: 'RecordSupplierCoordination',
      outcome: 'handled jointly: the supplier replaces the power boards',
    });
    expect((await c.view()).state.supplierCoordination).toMatchObject({
      party: 'Shenzhen Power Parts Co. (supplier)',
      outcome: 'handled jointly: the supplier replaces the power boards',
    });
  });

  test('C14 001 §25.3: the VP sends the report back → R&D investigates again', async () => {
    const c = await h.startComplaint();
    await register(c);
    await c.complete('rnd_investigation', people.rnd, {
      type: 'SubmitInvestigationReport',
      report,
    });
    await c.complete('report_approval', people.vp, {
      type: 'ReturnInvestigationReport',
      reason: 'verify the supplier lot',
    });
    expect(await c.task('rnd_investigation')).toMatchObject({ status: 'open' });
    expect((await c.tasks('rnd_investigation')).map((t) => t.status)).toEqual([
      'completed',
      'open',
    ]);
  });

  test('C28 001 §24.3(5): improvement tracking required → CS confirms the effect before closing', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'apology', { trackImprovement: true });
    expect((await c.view()).status).toBe('improvement_tracking');
    expect(await c.task('confirm_improvement')).toMatchObject({
      candidateDepartment: 'cs',
      stage: 'improvement',
    });
    await c.complete('confirm_improvement', people.cs, {
      type: 'ConfirmImprovementEffect',
      effect: 'no recurrence in batch B2612',
    });
    await closeAndExpectOnTime(c);
  });

  test('C16 001 §25.4: human negligence is exempt from improvement tracking → straight to closing', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'apology', { trackImprovement: true, humanNegligence: true });
    expect((await c.view()).status).toBe('ready_to_close');
    expect(await openTypes(c)).toEqual(['close']);
  });
});

describe('refusals happen in the validator: nothing reaches history', () => {
  test('DOMAIN "Approvals" (001 §27): approval above the approver\'s own limit → APPROVAL_LIMIT_EXCEEDED', async () => {
    const c = await h.startComplaint();
    await toProposal(c);
    await propose(c, 'compensation');
    const before = await c.acceptedUpdates();
    const failure = await refusalOf(approve(c, { ...people.csManager, approvalLimitFen: 50_000 }));
    expect(failure.type).toBe('APPROVAL_LIMIT_EXCEEDED');
    expect(failure.details?.[0]).toMatchObject({ limitFen: 50_000, amountFen: 100_000 });
    expect(await c.acceptedUpdates()).toBe(before);
  });

  test('DOMAIN "Approvals": nobody approves their own proposal → SELF_APPROVAL', async () => {
    const c = await h.startComplaint();
    await toProposal(c);
    await propose(c, 'compensation', { by: people.csManager });
    const before = await c.acceptedUpdates();
    expect((await refusalOf(approve(c, people.csManager))).type).toBe('SELF_APPROVAL');
    expect(await c.acceptedUpdates()).toBe(before);
  });

  test('DOMAIN "Who uses it": a task of another department → WRONG_DEPARTMENT', async () => {
    const c = await h.startComplaint();
    const before = await c.acceptedUpdates();
    const failure = await refusalOf(
      c.complete('cs_registration', people.rnd, {
        type: 'RegisterComplaint',
        cause: 'transport',
        severity: 'general',
      }),
    );
    expect(failure.type).toBe('WRONG_DEPARTMENT');
    expect(await c.acceptedUpdates()).toBe(before);
    expect(await c.task('cs_registration')).toMatchObject({ status: 'open' });
  });

  test('a completed task cannot be completed again → TASK_NOT_OPEN; a bad payload names its field', async () => {
    const c = await h.startComplaint();
    const task = await c.task('cs_registration');
    await register(c);
    const before = await c.acceptedUpdates();
    const again = c.handle.executeUpdate('completeTask', {
      args: [
        {
          taskId: task.taskId,
          actor: people.cs,
          command: { type: 'RegisterComplaint', cause: 'transport', severity: 'general' },
        },
      ],
    });
    expect((await refusalOf(again)).type).toBe('TASK_NOT_OPEN');
    const bad = await refusalOf(
      c.complete('rnd_investigation', people.rnd, {
        type: 'SubmitInvestigationReport',
        report: { ...report, findings: ' ' },
      }),
    );
    expect(bad.type).toBe('COMMAND_INVALID');
    expect(bad.details?.[0]).toMatchObject({ field: 'report.findings' });
    const wrongCommand = await refusalOf(
      c.complete('rnd_investigation', people.rnd, { type: 'CloseComplaint' }),
    );
    expect(wrongCommand.type).toBe('COMMAND_INVALID');
    expect(await c.acceptedUpdates()).toBe(before);
  });

  test('claim, unclaim and delegate: only the assignee or a lead of the task (here the CS manager) hands a task on; a colleague may not', async () => {
    const c = await h.startComplaint();
    const task = await c.task('cs_registration');
    expect(await c.claim(task.taskId, people.cs)).toMatchObject({
      status: 'claimed',
      assignee: 'cs-01',
    });
    expect((await refusalOf(c.claim(task.taskId, people.cs2))).type).toBe('TASK_NOT_OPEN');
    expect((await refusalOf(c.unclaim(task.taskId, people.cs2))).type).toBe('WRONG_ROLE');
    expect((await refusalOf(c.delegate(task.taskId, people.cs, people.rnd))).type).toBe(
      'WRONG_DEPARTMENT',
    );
    expect(await c.delegate(task.taskId, people.csManager, people.cs2)).toMatchObject({
      status: 'claimed',
      assignee: 'cs-02',
    });
    const byOther = await refusalOf(
      c.handle.executeUpdate('completeTask', {
        args: [
          {
            taskId: task.taskId,
            actor: people.cs,
            command: { type: 'RegisterComplaint', cause: 'transport', severity: 'general' },
          },
        ],
      }),
    );
    expect(byOther.type).toBe('TASK_NOT_OPEN');
    await c.handle.executeUpdate('completeTask', {
      args: [
        {
          taskId: task.taskId,
          actor: people.cs2,
          command: { type: 'RegisterComplaint', cause: 'transport', severity: 'general' },
        },
      ],
    });
    const actions = h.recorded
      .auditOf(c.caseNumber)
      .filter((a) => a.data.taskId === task.taskId)
      .map((a) => a.action);
    expect(actions).toEqual(['task.opened', 'task.claimed', 'task.delegated', 'task.completed']);
  });
});
