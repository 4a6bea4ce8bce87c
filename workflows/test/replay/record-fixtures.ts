/**
 * Records the replay fixtures: representative runs of today's workflows (and one run of the
 * deliberately changed complaint in ./changed) on the time-skipping server, saved as history
 * JSON. Run `npm run replay:record` after an intended, patched() change (set ERA below first),
 * and commit the new files.
 * Not part of `npm test` (its name is no *.spec.ts); run by jest only for its TypeScript setup.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  type CaseActor,
  completeTaskUpdate,
  IMPROVEMENT_WORKFLOW_TYPE,
  type ImprovementWorkflowInput,
  COMPLAINT_WORKFLOW_TYPE,
  CONSIGNMENT_WORKFLOW_TYPE,
  FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE,
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpWorkflowInput,
  type ComplaintWorkflowInput,
  type FollowUpPlanActivities,
  type FollowUpPlanRunResult,
  type ConsignmentWorkflowInput,
  MONTHLY_REVIEW_START_WORKFLOW_TYPE,
  type MonthlyReviewStartResult,
} from '@aso/contracts';
import {
  type ComplaintState,
  type ConsignmentState,
  type RepairState,
  caseNumberAt,
  defaultPolicy,
  policyV2,
} from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { people } from '../support/actors';
import {
  close,
  customerResponds,
  firstResponse,
  propose,
  register,
  toExecution,
  approve,
  investigate,
} from '../support/complaint-steps';
import { type CaseDriver, createHarness, type Harness } from '../support/harness';
import { patchesOf } from '../support/history-result';
import { eventually } from '../support/poll';
import { reviewActivities } from '../support/review-activities';
import {
  dispatch,
  repairResult,
  resolveOnSite,
  signAndFile,
  startRepair,
  tech,
} from '../support/repair-steps';
import { answerUnresolved, salesSupervisor, startStandaloneReturn } from '../support/return-steps';
import { encodeFixture, FIXTURES, NONDETERMINISTIC } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('replay-record');
  mkdirSync(NONDETERMINISTIC, { recursive: true });
});
afterAll(async () => {
  await h?.teardown();
});

/**
 * Histories of each era of the workflow code stay in git side by side: a new recording never
 * overwrites an older one (those are what running cases look like). `.stamped`: recorded since
 * the clock-from-history patch (workflows/src/shared/clock.ts); `.repair-child`: since a
 * complaint decided as repair runs the repair as its child (patch `repair-child`,
 * complaint/complaint.children.ts). The hand-off before that patch is
 * `complaint-repair-handoff-closed.stamped.json`, recorded by this file's scenario of commit
 * 5b52f9c with the code of then. `.follow-up`: since a closing complaint or repair starts its
 * follow-up call as a case of its own (patch `follow-up-case`, shared/follow-up-start.ts).
 */
const ERA = '.follow-up';
/**
 * `.v2`: since new cases pin policy v2 (DOMAIN.md's seed decisions: the complaint's owner, the
 * store-channel result, the close's summary) and sales fills a complaint-origin return's slip
 * (patch `return-slip-by-sales`, return/return.workflow.ts), and a customer's own return
 * (POST /returns, no parent). Only the scenarios of that era save under it.
 */
const ERA_V2 = '.v2';
/**
 * `.wake-from-check`: since the case loop's next wake counts from the instant its deadlines were
 * checked (patch `wake-from-check`, shared/case-runtime.ts): a case opened with a deadline already
 * due flags it at once. Only the scenarios of that era save under it.
 */
const ERA_WAKE_FROM_CHECK = '.wake-from-check';
/**
 * `.v3`: since a new complaint's form starts at intake (patch `complaint-form-at-intake`) and the
 * complaint tells the customer its process at acceptance and each stage change (patch
 * `complaint-customer-notices`, complaint/complaint.workflow.ts), a person's step takes its now
 * from the request time the API stamps on the update (patch `time-from-request`,
 * shared/clock.ts), and December's review start also opens the annual appraisal (patch
 * `annual-appraisal`, review/review-start.workflow.ts). Only the scenarios of that era save under
 * it. Its files were recorded with the code just before `wake-from-check` (commit 38adfea).
 */
const ERA_V3 = '.v3';
/**
 * `.baseline`: since a new case run records one marker for every patch of its time instead of
 * one each (`baseline-2026-12`, shared/patches.ts) and its loop keeps the wake timer while the
 * next wake stays put (patch `keep-wake-timer`, shared/wake-timer.ts). Only the scenarios of that
 * era save under it.
 */
const ERA_BASELINE = '.baseline';
/**
 * `.follow-up-local-start`: since a closing case takes its follow-up's number and policy from
 * local activities instead of activities (patch `follow-up-local-start`,
 * shared/follow-up-start.ts). Only the scenarios that close with a follow-up save under it.
 */
const ERA_FOLLOW_UP_LOCAL = '.follow-up-local-start';

/**
 * Writes a NEW fixture only: a file that exists is a history of its era and stays as it was
 * recorded (re-recording would hide the break the replay check exists for).
 */
async function save(
  dir: string,
  name: string,
  handle: WorkflowHandle,
  era: string = ERA,
): Promise<void> {
  const file = join(dir, `${name}${era}.json`);
  if (existsSync(file)) return;
  writeFileSync(file, encodeFixture(handle.workflowId, await handle.fetchHistory()));
}

/** a complaint whose first response is in: registered, investigated, apologised, closed */
async function apologyFromRegistrationToClose(c: CaseDriver<ComplaintState>): Promise<void> {
  await register(c);
  await investigate(c);
  await propose(c, 'apology');
  await approve(c);
  await customerResponds(c, true);
  await close(c);
  await c.result();
}

test('record: discount complaint to close (certificate signed, booked)', async () => {
  const c = await h.startComplaint();
  await toExecution(c, 'discount');
  await c.complete('certificate_issue', people.sales, {
    type: 'IssueDiscountCertificate',
    certificateNumber: 'ZK-1',
    amountFen: 50_000,
  });
  await c.complete('certificate_sign', people.salesVp, { type: 'SignDiscountCertificate' });
  await c.complete('certificate_customer_signature', people.sales, {
    type: 'RecordCertificateCustomerSignature',
  });
  await c.complete('certificate_booking', people.finance, { type: 'BookDiscountCertificate' });
  await close(c);
  await c.result();
  await save(FIXTURES, 'complaint-discount-closed', c.handle);
});

test('record: return complaint with its TH child (slip, receipt, reconciliation, refund)', async () => {
  const c = await h.startComplaint();
  await toExecution(c, 'return', { approvedReturnQuantity: 3 });
  let child: string | undefined;
  for (let i = 0; i < 100 && !child; i++) {
    child = (await c.view()).childCaseNumbers[0];
    if (!child) await new Promise((r) => setTimeout(r, 100));
  }
  const r = h.driver(child as string);
  // R02 001 §29.1(2): sales fills in the slip (patch 'return-slip-by-sales'), then the VP approves
  await r.complete('return_slip_entry', people.sales, {
    type: 'FillReturnSlip',
    reason: '3 recorders do not power on',
    method: 'refund',
    basis: `${c.caseNumber} complaint form: return 3`,
  });
  await r.complete('return_slip_approval', people.salesVp, { type: 'ApproveReturnSlip' });
  await r.complete('goods_receipt', people.warehouse, {
    type: 'ReceiveGoods',
    quantity: 3,
    complete: true,
    undamaged: true,
  });
  await r.complete('reconciliation', people.finance, { type: 'Reconcile', voucherNumber: 'PZ-1' });
  await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 60_000 });
  await r.handle.result();
  for (let i = 0; i < 100 && (await c.view()).status !== 'ready_to_close'; i++)
    await new Promise((res) => setTimeout(res, 100));
  await close(c);
  await c.result();
  // R02-era: the slip filled by sales (the earlier eras' files are the workflow's own slip)
  await save(FIXTURES, 'complaint-return-closed', c.handle, ERA_V2);
  await save(FIXTURES, 'return-child-refunded', r.handle, ERA_V2);
  await save(FIXTURES, 'complaint-return-closed', c.handle, ERA_BASELINE);
  await save(FIXTURES, 'complaint-return-closed', c.handle, ERA_FOLLOW_UP_LOCAL);
  await save(FIXTURES, 'return-child-refunded', r.handle, ERA_BASELINE);
  await save(FIXTURES, 'return-child-refunded', r.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record: repair complaint with its WX child (register entry by CS, on-site repair, outcome back to the complaint)', async () => {
  const c = await h.startComplaint();
  await toExecution(c, 'repair');
  await c.complete('repair_registration', people.cs, {
    type: 'RegisterRepair',
    address: '上海市浦东新区世纪大道 1 号',
    productModel: 'DVR-X1',
    spec: '4K',
    purchaseDate: '2026-06-20',
    purchasePlace: '上海门店',
    serviceKind: 'C',
  });
  let child: string | undefined;
  for (let i = 0; i < 100 && !child; i++) {
    child = (await c.view()).childCaseNumbers[0];
    if (!child) await new Promise((r) => setTimeout(r, 100));
  }
  const r = h.driver<RepairState>(child as string);
  const now = await h.env.currentTimeMs();
  await dispatch(r, {
    start: new Date(now + 3_600_000).toISOString(),
    end: new Date(now + 7_200_000).toISOString(),
  });
  await resolveOnSite(h, r);
  await signAndFile(r);
  await r.complete('close', people.cs, { type: 'CloseRepair' });
  await repairResult(r);
  for (let i = 0; i < 100 && (await c.view()).status !== 'ready_to_close'; i++)
    await new Promise((res) => setTimeout(res, 100));
  await close(c);
  await c.result();
  await save(FIXTURES, 'complaint-repair-child-closed', c.handle);
  await save(FIXTURES, 'repair-child-of-complaint-closed', r.handle);
  await save(FIXTURES, 'complaint-repair-child-closed', c.handle, ERA_BASELINE);
  await save(FIXTURES, 'complaint-repair-child-closed', c.handle, ERA_FOLLOW_UP_LOCAL);
  await save(FIXTURES, 'repair-child-of-complaint-closed', r.handle, ERA_BASELINE);
  await save(FIXTURES, 'repair-child-of-complaint-closed', r.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record: customer rejects once, then accepts an apology; deadlines escalate on the way', async () => {
  const c = await h.startComplaint();
  await firstResponse(c);
  await h.env.sleep('3 days'); // registration overdue → escalations
  await register(c);
  await investigate(c);
  await propose(c, 'apology');
  await approve(c);
  await customerResponds(c, false);
  await propose(c, 'apology');
  await approve(c);
  await customerResponds(c, true);
  await close(c);
  await c.result();
  await save(FIXTURES, 'complaint-rejected-escalated-closed', c.handle);
  await save(FIXTURES, 'complaint-rejected-escalated-closed', c.handle, ERA_BASELINE);
  await save(FIXTURES, 'complaint-rejected-escalated-closed', c.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record: repair carried over at the cut-off, dispatched, resolved on site, fee collected, voucher signed and filed, finance mails the invoice', async () => {
  const r = await startRepair(h, { serviceKind: 'A' });
  await r.task('technician_dispatch');
  // 001 §11: past the day's dispatch cut-off the request carries over (the durable timer)
  const { carryOverAt } = (await r.view()).state;
  await h.env.sleep(carryOverAt + 60_000 - (await h.env.currentTimeMs()));
  for (let i = 0; i < 100 && (await r.view()).state.priority !== 'first'; i++)
    await new Promise((res) => setTimeout(res, 100));
  const now = await h.env.currentTimeMs();
  await dispatch(r, {
    start: new Date(now + 3_600_000).toISOString(),
    end: new Date(now + 7_200_000).toISOString(),
  });
  await resolveOnSite(h, r, { feeFen: 30_000, collectedOnSiteFen: 30_000 });
  await signAndFile(r);
  await r.complete('finance_invoice_mailing', people.finance, {
    type: 'ConfirmCashAndMailInvoice',
    receivedFen: 30_000,
    invoiceNumber: 'FP-1',
  });
  await r.complete('close', people.cs, { type: 'CloseRepair' });
  await repairResult(r);
  await save(FIXTURES, 'repair-carried-over-closed', r.handle);
});

// last of the recorded cases: it moves the clock a month on
test('record: a whole repair — out of town approved, not resolved on site, workshop, external repairer (a reminder fires), back, sorted, called, shipped, countersigned, signed, filed, invoiced, collected, closed', async () => {
  const r = await startRepair(h, { serviceKind: 'A' });
  const now = await h.env.currentTimeMs();
  await dispatch(
    r,
    {
      start: new Date(now + 3_600_000).toISOString(),
      end: new Date(now + 7_200_000).toISOString(),
    },
    true,
  );
  await r.complete('out_of_town_application', tech.technician, {
    type: 'ApplyOutOfTown',
    destination: '苏州',
    reason: 'customer site in Suzhou',
    estimatedCostFen: 30_000,
  });
  await r.complete('out_of_town_approval', tech.manager, {
    type: 'DecideOutOfTown',
    approve: true,
  });
  await r.complete('technician_visit', tech.technician, { type: 'StartVisit' });
  const at = await h.env.currentTimeMs();
  await r.complete('visit_report', tech.technician, {
    type: 'RecordVisit',
    actualStart: at - 75 * 60_000,
    actualEnd: at - 60_000,
    content: 'clasp broken, stone loose: needs the workshop',
    resolvedOnSite: false,
  });
  await r.complete('revisit_or_workshop', tech.manager, {
    type: 'AcceptWorkshopItem',
    receiptNumber: 'SJ-0100',
    itemCode: 'YS-0100',
    itemClass: 'silver',
    partToRepair: 'clasp',
    customerName: '张',
    photo: 'attachments/ys-0100.jpg',
  });
  await r.complete('workshop_repair', tech.technician, {
    type: 'RecordWorkshopRepair',
    repaired: false,
    note: 'stone setting needs the maker',
  });
  await r.complete('external_repair_handover', people.cs, {
    type: 'SendToExternalRepair',
    repairer: '外修厂',
    handoverSheetNumber: 'JJ-0100',
    customerInformed: true,
  });
  // 002 ch.10 2: the first reminder a month after the handover (a durable timer)
  await h.env.sleep('32 days');
  for (
    let i = 0;
    i < 100 &&
    !h.recorded.auditOf(r.caseNumber).some((a) => a.action === 'repair.external_repair_reminder');
    i++
  )
    await new Promise((res) => setTimeout(res, 100));
  await r.complete('external_repair_return', people.cs, {
    type: 'RecordExternalReturn',
    repaired: true,
    note: 'stone reset by the maker',
    feeFen: 80_000,
  });
  await r.complete('returned_item_sorting', people.cs, { type: 'SortReturnedItem' });
  await r.complete('customer_call', people.cs, { type: 'RecordCustomerCalled' });
  await r.complete('item_shipment', people.cs, { type: 'RecordItemShipped', shipment: 'SF-0100' });
  await r.complete('voucher_countersign', tech.manager, { type: 'CountersignVoucher' });
  await r.complete('customer_signature', people.cs, {
    type: 'RecordCustomerSignature',
    signedBy: '张先生',
  });
  await r.complete('voucher_filing', people.cs, { type: 'FileVoucher' });
  await r.complete('finance_invoicing', people.finance, {
    type: 'IssueInvoice',
    invoiceNumber: 'FP-0100',
  });
  await r.complete('finance_collection', people.finance, {
    type: 'RecordFeeCollected',
    amountFen: 80_000,
  });
  await r.complete('close', people.cs, { type: 'CloseRepair' });
  await repairResult(r);
  await save(FIXTURES, 'repair-whole-external-closed', r.handle);
  await save(FIXTURES, 'repair-whole-external-closed', r.handle, ERA_BASELINE);
  await save(FIXTURES, 'repair-whole-external-closed', r.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record: a follow-up call after a closed complaint — dissatisfied, the record reviewed, the linked complaint opened', async () => {
  const c = await h.startComplaint();
  await toExecution(c, 'apology');
  await close(c);
  const started = await eventually(
    async () => h.recorded.auditOf(c.caseNumber).find((a) => a.action === 'case.follow_up_started'),
    'the follow-up to start',
  );
  const f = h.driver(started.data.followUpCaseNumber as string);
  await f.complete('follow_up_call', people.cs, { type: 'RecordCallAttempt', note: '无人接听' });
  await f.complete('follow_up_call', people.cs, {
    type: 'RecordCall',
    identityConfirmed: true,
    purposeStated: true,
    closingSaid: true,
    answers: { result: '不满意', process: '慢', handler: '一般' },
    survey: {
      attitude: 'satisfied',
      skill: 'satisfied',
      arrival_time: 'poor',
      promises_kept: 'satisfied',
    },
  });
  await f.complete('follow_up_review', people.csManager, {
    type: 'ReviewCallRecord',
    approve: true,
  });
  await f.complete('linked_complaint_intake', people.cs, {
    type: 'OpenLinkedComplaint',
    intake: {
      customerName: '王先生',
      orderNumber: 'SO-1001',
      batchNumber: 'B2611',
      shipDate: '2026-11-01',
      defectiveQuantity: 1,
      demand: '重新处理',
      reasons: 'follow-up: arrival time poor',
      channel: 'phone',
      attachments: [],
      salesOpinion: '',
    },
  });
  await eventually(async () => {
    const history = await f.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes);
  }, 'the follow-up to close');
  await save(FIXTURES, 'follow-up-dissatisfied-closed', f.handle);
});

/*
 * Known: in a full `npm run replay:record` this scenario times out (record it alone with
 * -t 'record: a consignment'; it then takes ~3 s). Its `env.sleep` to the period's end does not
 * skip time: after the follow-up scenario above opens its linked complaint (a child started with
 * ParentClosePolicy.ABANDON as the HF case closes), the time-skipping test server advances in
 * real time only — a probe's 2-day sleep right after advanced 20 s in 20 s, with no pending
 * activity or workflow task on the HF case or the linked complaint, and terminating the linked
 * complaint did not unlock it; before that step the same sleeps skipped 48 h at once. The cause
 * inside the test server is not found yet.
 */
test('record: a consignment across a continue-as-new (a period reported, the run continued, settled, returned, closed)', async () => {
  const openedAt = new Date(await h.env.currentTimeMs());
  const caseNumber = 'DX202612-0901';
  const input: ConsignmentWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt: openedAt.toISOString(),
    openedBy: people.sales,
    open: {
      consignor: { name: '李明', surname: '李', phone: null, customerId: null },
      customerKind: 'wholesale',
      goods: [{ item: 'Espresso machine EM-3', quantity: 5, priceFen: 129_900 }],
      terms: {
        commissionBp: 1500,
        reportPeriod: 'monthly',
        settlementPeriod: 'monthly',
        durationMonths: 2,
      },
      customerPresent: false,
    },
    policy: defaultPolicy,
  };
  const first = await h.env.client.workflow.start(CONSIGNMENT_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  const d = h.driver<ConsignmentState>(caseNumber);
  await d.complete('consignment_contract_signature', people.sales, {
    type: 'RecordSignature',
    signatory: '李明',
  });
  await d.complete('consignment_sales', people.sales, {
    type: 'RecordSales',
    sales: [{ saleId: 'S-1', code: 'pf001李', quantity: 2 }],
  });
  for (let period = 1; period <= 2; period++) {
    const task = await d.task('consignment_sales');
    const now = await h.env.currentTimeMs();
    await h.env.sleep(new Date(task.dueAt ?? 0).getTime() + 60_000 - now);
    await eventually(
      async () => (await d.tasks('consignment_sales_report')).find((t) => t.status === 'open'),
      `the report of period ${period}`,
    );
    await d.complete('consignment_sales_report', people.sales, {
      type: 'MarkReportSent',
      period,
      channel: 'wechat',
    });
    await d.complete('consignment_settlement', people.finance, {
      type: 'SettlePeriod',
      settlement: period,
      voucherRef: `V-${period}`,
    });
  }
  await d.complete('consignment_goods_return', people.warehouse, {
    type: 'RecordReturnReceipt',
    lines: [{ code: 'pf001李', quantity: 3 }],
  });
  await d.handle.result();
  // the first run (it ends by continuing as new) and the last (it starts from the carried state)
  await save(
    FIXTURES,
    'consignment-period-continued',
    h.env.client.workflow.getHandle(caseNumber, first.firstExecutionRunId),
  );
  await save(FIXTURES, 'consignment-continued-closed', d.handle);
  await save(
    FIXTURES,
    'consignment-period-continued',
    h.env.client.workflow.getHandle(caseNumber, first.firstExecutionRunId),
    ERA_BASELINE,
  );
  await save(FIXTURES, 'consignment-continued-closed', d.handle, ERA_BASELINE);
});

test('record: the deliberately changed complaint (non-deterministic against today’s code)', async () => {
  const options = workflowBundleOptions();
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue: 'replay-record-changed',
    workflowsPath: join(__dirname, 'changed', 'index.ts'),
    bundlerOptions: options.bundlerOptions,
    activities: h.recorded.activities,
  });
  await worker.runUntil(async () => {
    const reportedAt = new Date(await h.env.currentTimeMs());
    const caseNumber = 'KS202611-9999';
    const input: ComplaintWorkflowInput = {
      organisationId: 'org-test',
      storeId: null,
      caseNumber,
      reportedAt: reportedAt.toISOString(),
      reportedBy: people.sales,
      customer: { name: '王先生', phone: null },
      intake: {
        customerName: '王先生',
        orderNumber: 'SO-1001',
        batchNumber: 'B2611',
        shipDate: '2026-11-01',
        defectiveQuantity: 1,
        demand: 'replace',
        reasons: 'does not power on',
        channel: 'phone',
        attachments: [],
        salesOpinion: '',
      },
      policy: defaultPolicy,
    };
    const handle = await h.env.client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: caseNumber,
      taskQueue: 'replay-record-changed',
      args: [input],
    });
    await h.env.sleep('2 minutes');
    await h.driver(caseNumber).complete('cs_registration', people.cs, {
      type: 'RegisterComplaint',
      cause: 'product_quality',
      severity: 'general',
    });
    await save(NONDETERMINISTIC, 'complaint-sleeps-first', handle);
    await handle.terminate('recorded');
  });
});

test('record: monthly review (001 §28) from its starter to close (人事公布单 published, 奖罚通知单 approved by the GM and applied)', async () => {
  // the review's own activities beside the recorders, on a worker of its own
  const review = reviewActivities(h.recorded);
  const taskQueue = 'replay-record-review';
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: { ...h.recorded.activities, ...review.activities },
  });
  const running = worker.run();
  try {
    review.sources.set('org-replay/2026-11', [
      {
        caseNumber: 'KS202611-0101',
        closedAt: '2026-11-10T08:00:00.000Z',
        cause: 'product_quality',
        responsibleUnit: 'rnd',
        responsiblePersons: ['rnd-01'],
        formRevision: 1,
        penalties: [
          { personId: 'rnd-01', kind: 'warning', amountFen: 0 },
          { personId: 'rnd-01', kind: 'bonus_deduction', amountFen: 20_000 },
        ],
      },
    ]);
    const starter = h.env.client.workflow.getHandle(
      (
        await h.env.client.workflow.start(MONTHLY_REVIEW_START_WORKFLOW_TYPE, {
          workflowId: 'monthly-review-start:org-replay:2026-11',
          taskQueue,
          args: [{ organisationId: 'org-replay', month: '2026-11' }],
        })
      ).workflowId,
    );
    const { caseNumber } = (await starter.result()) as MonthlyReviewStartResult;
    const d = h.driver(caseNumber);
    const gmo = { userId: 'gmo-01', department: 'gm_office' as const, roles: ['staff' as const] };
    const hr = { userId: 'hr-01', department: 'hr' as const, roles: ['staff' as const] };
    await d.complete('monthly_review', gmo, {
      type: 'ConfirmReview',
      administrative: [{ ref: 'KS202611-0101#0', confirm: true }],
      deductions: [{ ref: 'KS202611-0101#1', responsibleUnit: '研发部' }],
    });
    await d.complete('reward_penalty_notice_approval', people.gm, {
      type: 'ApproveNotice',
      approve: true,
    });
    await d.complete('personnel_announcement', hr, { type: 'PublishAnnouncement' });
    await d.complete('bonus_deduction_apply', hr, {
      type: 'ApplyDeductions',
      payrollRef: '2026-12 工资表',
    });
    await d.handle.result();
    await save(FIXTURES, 'monthly-review-start', starter);
    await save(FIXTURES, 'monthly-review-closed', d.handle);
  } finally {
    worker.shutdown();
    await running;
  }
});

// Recorded after the others, so their case numbers (and the follow-up's spot-check sampling,
// every 10th by number) stay as in the earlier eras.
test('record: a complaint reported 25 h before it opens — its first response overdue at once (escalated to the sales manager), then answered and the case run to its close', async () => {
  const reportedAt = new Date(((await h.env.currentTimeMs()) as number) - 25 * 3_600_000);
  const c = await h.startComplaint({ reportedAt });
  await eventually(async () => (await c.task('first_response')).overdue, 'first response overdue');
  await firstResponse(c);
  await apologyFromRegistrationToClose(c);
  await save(FIXTURES, 'complaint-opened-overdue-closed', c.handle, ERA_WAKE_FROM_CHECK);
  await save(FIXTURES, 'complaint-opened-overdue-closed', c.handle, ERA_BASELINE);
});

test('record: a policy-v2 store-channel complaint — owner named by the CS manager, first response, a supplier coordinated, the 48 h store result, an apology, closed with its summary and preventive measure', async () => {
  const c = await h.startComplaint({ policy: policyV2, channel: 'store' });
  await c.complete('owner_assignment', people.csManager, {
    type: 'AssignComplaintOwner',
    ownerId: people.cs.userId,
  });
  await firstResponse(c);
  await register(c);
  await investigate(c, { externalParty: 'Shenzhen Power Parts Co. (supplier)' });
  await c.complete('supplier_coordination', people.cs, {
    type: 'RecordSupplierCoordination',
    outcome: 'the supplier replaces the power boards of batch B2611',
  });
  await propose(c, 'apology');
  await approve(c);
  await c.complete('store_result', people.sales, {
    type: 'RecordStoreResult',
    channel: 'store',
    summary: 'the store told the customer the result',
  });
  await customerResponds(c, true);
  await c.complete('close', people.cs, {
    type: 'CloseComplaint',
    summary: 'cold solder joints on batch B2611 (supplier power boards)',
    preventiveMeasure: 'incoming inspection of the supplier boards',
  });
  await c.result();
  await save(FIXTURES, 'complaint-v2-store-closed', c.handle, ERA_V2);
});

test('record: a customer’s own return (no parent complaint) — the supervisor’s answer does not settle it, approved, received, reconciled, refunded', async () => {
  const now = (await h.env.currentTimeMs()) as number;
  const r = await startStandaloneReturn(h, {
    deliveredAt: new Date(now - 2 * 86_400_000),
    requestedAt: new Date(now - 3_600_000),
    policy: policyV2,
  });
  await answerUnresolved(r);
  await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
  await r.complete('goods_receipt', people.warehouse, {
    type: 'ReceiveGoods',
    quantity: 1,
    complete: true,
    undamaged: true,
  });
  await r.complete('reconciliation', people.finance, { type: 'Reconcile', voucherNumber: 'PZ-9' });
  await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 39_900 });
  await eventually(async () => {
    const history = await r.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes);
  }, 'the return to complete');
  await save(FIXTURES, 'return-standalone-refunded', r.handle, ERA_V2);
  await save(FIXTURES, 'return-standalone-refunded', r.handle, ERA_BASELINE);
  await save(FIXTURES, 'return-standalone-refunded', r.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record: the daily follow-up plan run (F06 004 五.(一)) — a new customer bought Fri 2026-12-04, the fire of Mon 7 Dec opens the first call', async () => {
  const taskQueue = 'replay-record-plan-run';
  let seq = 900;
  const plans: FollowUpPlanActivities = {
    async followUpPlanCustomers() {
      return [
        {
          customerRef: 'N-REPLAY',
          name: '客户N-REPLAY',
          phone: '13800138000',
          kind: 'new',
          purchaseDate: '2026-12-04',
          storeId: 'store-1',
        },
      ];
    },
    async reservePlanCalls({ keys, at }) {
      return keys.map((key) => ({ key, caseNumber: caseNumberAt('HF', new Date(at), ++seq) }));
    },
  };
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: { ...h.recorded.activities, ...plans },
  });
  const running = worker.run();
  try {
    const handle = await h.env.client.workflow.start(FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, {
      workflowId: 'follow-up-plan:org-replay:2026-12-07',
      taskQueue,
      args: [{ organisationId: 'org-replay', date: '2026-12-07' }],
    });
    const result = (await handle.result()) as FollowUpPlanRunResult;
    expect(result.opened).toHaveLength(1);
    await save(FIXTURES, 'follow-up-plan-run', handle, ERA_V2);
  } finally {
    worker.shutdown();
    await running;
  }
});

/**
 * A driver whose steps carry the request time as the API stamps it (TaskActionInput.requestedAt,
 * the gateway's instant of the request): what every step of a case since `time-from-request` has.
 */
function stampedLikeTheApi<S>(d: CaseDriver<S>): CaseDriver<S> {
  d.complete = async (
    type: string,
    actor: CaseActor,
    command: { type: string; [k: string]: unknown },
    comment?: string,
  ) => {
    const task = await d.task(type);
    return d.handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: task.taskId,
          actor,
          command: command as { type: string },
          ...(comment ? { comment } : {}),
          requestedAt: new Date(await h.env.currentTimeMs()).toISOString(),
        },
      ],
    });
  };
  return d;
}

test('record v3: a policy-v2 phone complaint whose steps carry their request time — the form from the intake, the customer told at acceptance and each stage, an apology accepted, closed', async () => {
  const c = stampedLikeTheApi(await h.startComplaint({ policy: policyV2 }));
  await c.complete('owner_assignment', people.csManager, {
    type: 'AssignComplaintOwner',
    ownerId: people.cs.userId,
  });
  await firstResponse(c);
  await register(c);
  await investigate(c);
  await propose(c, 'apology');
  await approve(c);
  await customerResponds(c, true);
  await c.complete('close', people.cs, {
    type: 'CloseComplaint',
    summary: 'a loose battery contact (batch B2611)',
    preventiveMeasure: 'the battery contact checked at final inspection',
  });
  await c.result();
  await save(FIXTURES, 'complaint-v2-apology-closed', c.handle, ERA_V3);
  await save(FIXTURES, 'complaint-v2-apology-closed', c.handle, ERA_BASELINE);
  await save(FIXTURES, 'complaint-v2-apology-closed', c.handle, ERA_FOLLOW_UP_LOCAL);
});

test('record v3: December’s monthly review start (M05 000 §六.2) — the review of 2026-12 also opens the annual appraisal, issued, the review closed', async () => {
  const review = reviewActivities(h.recorded);
  const taskQueue = 'replay-record-review-december';
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: { ...h.recorded.activities, ...review.activities },
  });
  const running = worker.run();
  try {
    review.annual.set('org-replay/2026', {
      year: '2026',
      months: [
        {
          month: '2026-11',
          caseNumber: 'YS202612-0001',
          status: 'closed',
          complaints: 1,
          totalDeductionFen: 20_000,
          approvedDeductionFen: 20_000,
          reviewedOnTime: true,
        },
      ],
      staffRatings: [
        {
          staffId: 'cs-01',
          calls: 2,
          scoreRate: 0.875,
          items: { attitude: { very_satisfied: 1, satisfied: 1 } },
          followUps: ['HF202611-0001', 'HF202611-0002'],
        },
      ],
    });
    const starter = await h.env.client.workflow.start(MONTHLY_REVIEW_START_WORKFLOW_TYPE, {
      workflowId: 'monthly-review-start:org-replay:2026-12',
      taskQueue,
      args: [{ organisationId: 'org-replay', month: '2026-12' }],
    });
    const { caseNumber } = (await starter.result()) as MonthlyReviewStartResult;
    const d = h.driver(caseNumber);
    const gmo = { userId: 'gmo-01', department: 'gm_office' as const, roles: ['staff' as const] };
    await d.complete('monthly_review', gmo, {
      type: 'ConfirmReview',
      administrative: [],
      deductions: [],
    });
    await d.complete('annual_appraisal', gmo, {
      type: 'IssueAnnualAppraisal',
      summary: '2026 年度: 客诉 1 件, 服务评价 87.5%',
    });
    await d.handle.result();
    await save(FIXTURES, 'monthly-review-start-december', starter, ERA_V3);
    await save(FIXTURES, 'monthly-review-december-closed', d.handle, ERA_V3);
  } finally {
    worker.shutdown();
    await running;
  }
});

test('record v3: an improvement measure (F17 003 §四.4) — set by the CS manager, overdue and escalated, the owner’s result, not yet effective and sent back with a new date, then effective and closed', async () => {
  const openedAt = new Date(await h.env.currentTimeMs());
  const caseNumber = caseNumberAt('GJ', openedAt, 1);
  const input: ImprovementWorkflowInput = {
    organisationId: 'org-replay',
    caseNumber,
    openedAt: openedAt.toISOString(),
    openedBy: people.csManager,
    source: { analysisMonth: '2026-11', finding: 'arrival_time below satisfied', followUps: [] },
    measure: '送货前一天电话确认到达时间',
    goal: '到达时间无一般及较差',
    owner: { department: 'warehouse', userId: people.warehouse.userId },
    dueDate: new Date(openedAt.getTime() + 10 * 86_400_000).toISOString().slice(0, 10),
    policy: policyV2,
  };
  const handle = await h.env.client.workflow.start(IMPROVEMENT_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  const m = stampedLikeTheApi(h.driver(caseNumber));
  await m.task('improvement_measure');
  await h.env.sleep('14 days'); // overdue: escalated to the CS manager, then the VP in charge
  await m.complete('improvement_measure', people.warehouse, {
    type: 'RecordImprovementResult',
    result: '已实行送货前电话确认',
  });
  await m.complete('improvement_check', people.csManager, {
    type: 'CheckImprovement',
    effective: false,
    note: '仍有迟到',
    newDueDate: new Date((await h.env.currentTimeMs()) + 10 * 86_400_000)
      .toISOString()
      .slice(0, 10),
  });
  await m.complete('improvement_measure', people.warehouse, {
    type: 'RecordImprovementResult',
    result: '增加一条配送线路',
  });
  await m.complete('improvement_check', people.csManager, {
    type: 'CheckImprovement',
    effective: true,
  });
  await handle.result();
  await save(FIXTURES, 'improvement-measure-closed', handle, ERA_V3);
  await save(FIXTURES, 'improvement-measure-closed', handle, ERA_BASELINE);
});

/**
 * `.random-spot-check`: since a follow-up draws its spot check at random (patch
 * `follow-up-random-spot-check`, follow-up/follow-up.workflow.ts). Only this scenario saves under it.
 */
const ERA_RANDOM_SPOT_CHECK = '.random-spot-check';

test('record random-spot-check: a follow-up drawn at random (rate 1) — called, reviewed, re-checked by the CS manager, closed', async () => {
  const closedAt = await h.now();
  const caseNumber = caseNumberAt('HF', closedAt, 611);
  const policy = {
    ...defaultPolicy,
    followUp: {
      ...defaultPolicy.followUp,
      spotCheck: { ...defaultPolicy.followUp.spotCheck, rate: 1 },
    },
  };
  const handle = await h.env.client.workflow.start(FOLLOW_UP_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [
      {
        organisationId: 'org-test',
        storeId: null,
        caseNumber,
        openedAt: closedAt.toISOString(),
        source: {
          kind: 'case_closed',
          parentCaseNumber: `KS${caseNumber.slice(2)}`,
          parentCaseType: 'complaint',
          closedAt: closedAt.getTime(),
        },
        customer: { name: '王先生', phone: '13800138000' },
        openedBy: { userId: 'system' },
        policy,
      } satisfies FollowUpWorkflowInput,
    ],
  });
  const f = h.driver(caseNumber);
  const satisfied = {
    attitude: 'satisfied',
    skill: 'satisfied',
    arrival_time: 'satisfied',
    promises_kept: 'satisfied',
  };
  await f.complete('follow_up_call', people.cs, {
    type: 'RecordCall',
    identityConfirmed: true,
    purposeStated: true,
    closingSaid: true,
    answers: { result: '满意', process: '较快', handler: '耐心' },
    survey: satisfied,
  });
  await f.complete('follow_up_review', people.csManager, {
    type: 'ReviewCallRecord',
    approve: true,
  });
  await f.complete('follow_up_spot_check', people.csManager, {
    type: 'RecordSpotCheck',
    consistent: true,
    note: '回拨核实一致',
  });
  await eventually(async () => {
    const history = await handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes);
  }, 'the follow-up to close');
  await save(FIXTURES, 'follow-up-random-spot-check-closed', handle, ERA_RANDOM_SPOT_CHECK);
  await save(FIXTURES, 'follow-up-random-spot-check-closed', handle, ERA_BASELINE);
});

/**
 * `.inactive-customers`: since the daily plan run also calls the long-inactive customers (patch
 * `follow-up-plan-inactive-customers`, follow-up/plan-run.workflow.ts). Only this scenario saves
 * under it.
 */
const ERA_INACTIVE_CUSTOMERS = '.inactive-customers';

test('record inactive-customers: the daily plan run (F02 004 三.(一)2) — an old customer last bought 2026-06-01, the run of Mon 30 Nov 2026 opens the quarterly and the long-inactive calls', async () => {
  const taskQueue = 'replay-record-plan-run-inactive';
  let seq = 950;
  const plans: FollowUpPlanActivities = {
    async followUpPlanCustomers() {
      return [
        {
          customerRef: 'I-REPLAY',
          name: '客户I-REPLAY',
          phone: '13800138000',
          kind: 'old',
          purchaseDate: null,
          storeId: 'store-1',
          lastPurchaseOn: '2026-06-01',
        },
      ];
    },
    async reservePlanCalls({ keys, at }) {
      return keys.map((key) => ({ key, caseNumber: caseNumberAt('HF', new Date(at), ++seq) }));
    },
  };
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: { ...h.recorded.activities, ...plans },
  });
  const running = worker.run();
  try {
    const handle = await h.env.client.workflow.start(FOLLOW_UP_PLAN_RUN_WORKFLOW_TYPE, {
      workflowId: 'follow-up-plan:org-replay:2026-11-30',
      taskQueue,
      args: [{ organisationId: 'org-replay', date: '2026-11-30' }],
    });
    const result = (await handle.result()) as FollowUpPlanRunResult;
    expect(result.opened.map((o) => o.plan)).toEqual(['old_customer', 'inactive_customer']);
    await save(FIXTURES, 'follow-up-plan-run', handle, ERA_INACTIVE_CUSTOMERS);
  } finally {
    worker.shutdown();
    await running;
  }
});

/**
 * `.deadlines-skip-closed-tasks`: since a ladder step reached by work already closed opens no
 * escalation (patch `deadlines-skip-closed-tasks`, shared/deadline-watch.ts checkDeadlines). The
 * marker is only in histories that hit it; only this scenario saves under it.
 */
const ERA_SKIP_CLOSED = '.deadlines-skip-closed-tasks';

test('record deadlines-skip-closed-tasks: a complaint whose first response is answered a second past its 24 h deadline, before the deadline timer (C36 001 §24.3(1)) — overdue, no escalation — then run to its close', async () => {
  const c = await h.startComplaint();
  const task = await c.task('first_response');
  const due = Date.parse(task.dueAt as string);
  await h.env.sleep(due - 1_000 - (await h.env.currentTimeMs()));
  await c.handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: task.taskId,
        actor: people.sales,
        command: { type: 'RecordFirstResponse', channel: 'phone', summary: 'called back' } as {
          type: string;
        },
        requestedAt: new Date(due + 1_000).toISOString(),
      },
    ],
  });
  await eventually(
    async () => (await c.view()).overdueStages.includes('firstResponse'),
    'first response overdue',
  );
  expect((await c.view()).tasks.filter((t) => t.escalatesTaskId === task.taskId)).toEqual([]);
  await apologyFromRegistrationToClose(c);
  expect(await patchesOf(c.handle)).toContain('deadlines-skip-closed-tasks');
  await save(FIXTURES, 'complaint-first-response-late-closed', c.handle, ERA_SKIP_CLOSED);
});
