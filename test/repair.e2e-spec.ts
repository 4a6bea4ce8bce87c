import { Client } from 'pg';
import { BusinessCalendar, defaultPolicy } from '@aso/domain';
import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, loginAll, type ActorName, type Session } from './support/http';
import { serviceRequest, slotIn } from './support/repair-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * The repair / service-dispatch case (DOMAIN.md §3) over HTTP only: api + worker processes +
 * Temporal dev server + PostgreSQL, all real. The suite seeds an organisation of its own, so the
 * repair KPIs it reads are the figures of exactly its own cases.
 */
const TASK_QUEUE = `e2e-repair-${process.pid}`;
const ORG = `e2e-repair-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url, ORG);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const { inbox, taskFor, complete } = taskClient(() => api.url);

async function openRepair(body: unknown = serviceRequest): Promise<string> {
  const res = await call(api.url, 'POST', '/repairs', as.cs, body);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body.caseNumber as string;
}

/** The commands waiting in `who`'s inbox for the case. */
const commandsOf = async (who: ActorName, caseNumber: string) =>
  (await inbox(as[who], caseNumber)).flatMap((t) => t.commands).sort();

/** The case's service voucher as the read model holds it. */
const voucherOf = async (caseNumber: string) => {
  const docs = await call(api.url, 'GET', `/cases/${caseNumber}/documents`, as.cs);
  expect(docs.status).toBe(200);
  return (docs.body as Array<{ docType: string; status: string }>).find(
    (d) => d.docType === 'service_voucher',
  );
};
const voucherIn = (caseNumber: string, status: string) =>
  eventually(async () => {
    const v = await voucherOf(caseNumber);
    return v?.status === status ? v : undefined;
  });

/** The task of `command` in `who`'s inbox, completed with an error answer. */
async function refused(who: ActorName, caseNumber: string, command: Record<string, unknown>) {
  const task = await taskFor(as[who], caseNumber, String(command.type));
  return call(api.url, 'POST', `/tasks/${task.taskId}/complete`, as[who], { command });
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the repair case over HTTP (DOMAIN.md §3)', () => {
  /** The three repairs of the suite; the KPI test reads their figures. */
  const opened: string[] = [];
  const startedAt = Date.now();
  /** a slot right after tech-01's booking in the clash test (touching it) */
  let touching: { start: number; end: number } | undefined;

  test('P03 P04 P05 P06 001 §7–§10: CS takes the request (voucher FW…) → the tech manager dispatches tech-01 → tech-01 visits and resolves it, ¥300 collected on the spot → the customer signs, the tech manager countersigns, CS files → finance mails the invoice → CS closes; each inbox holds exactly its step', async () => {
    const caseNumber = await openRepair();
    opened.push(caseNumber);
    expect(caseNumber).toMatch(/^WX20\d{4}-\d{4,}$/);
    // 001 §7: the service voucher is drawn with its number, one per request
    const voucher = await voucherIn(caseNumber, 'registered');
    expect(voucher).toMatchObject({
      docNumber: `FW${caseNumber.slice(2)}`,
      content: expect.objectContaining({ customerName: '张先生', serviceKind: 'A' }),
    });

    // 001 §7: the tech department manager dispatches; nobody else holds the task
    await taskFor(as.techManager, caseNumber, 'DispatchTechnician');
    expect(await commandsOf('cs', caseNumber)).toEqual([]);
    expect(await commandsOf('tech', caseNumber)).toEqual([]);
    const slot = slotIn(1);
    await complete(as.techManager, caseNumber, {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot,
      outOfTown: false,
    });
    // the visit task is tech-01's, not the other technician's
    const visit = await taskFor(as.tech, caseNumber, 'StartVisit');
    expect(visit).toMatchObject({ candidateDepartment: 'tech' });
    expect(await commandsOf('tech2', caseNumber)).toEqual([]);
    expect(await commandsOf('techManager', caseNumber)).toEqual([]);
    await complete(as.tech, caseNumber, { type: 'StartVisit' });

    // 001 §8, §10: actual time and content; ¥300 ≤ ¥500 is collected on the spot (001 §9)
    const now = Date.now();
    await complete(as.tech, caseNumber, {
      type: 'RecordVisit',
      actualStart: now - 75 * 60_000,
      actualEnd: now - 60_000,
      content: '更换电源板',
      resolvedOnSite: true,
      feeFen: 30_000,
      collectedOnSiteFen: 30_000,
    });
    // 001 §8: the customer signs first (recorded by the technician), then the manager countersigns
    expect(await commandsOf('techManager', caseNumber)).not.toContain('CountersignVoucher');
    await complete(as.tech, caseNumber, { type: 'RecordCustomerSignature', signedBy: '张先生' });
    await taskFor(as.techManager, caseNumber, 'CountersignVoucher');
    expect(await commandsOf('tech', caseNumber)).toEqual([]);
    await complete(as.techManager, caseNumber, { type: 'CountersignVoucher', remarks: '同意' });
    await complete(as.cs, caseNumber, { type: 'FileVoucher' });
    // 001 §9: finance receives the cash and mails the invoice
    await taskFor(as.finance, caseNumber, 'ConfirmCashAndMailInvoice');
    expect(await commandsOf('cs', caseNumber)).toEqual([]);
    await complete(as.finance, caseNumber, {
      type: 'ConfirmCashAndMailInvoice',
      receivedFen: 30_000,
      invoiceNumber: `FP-${caseNumber}`,
    });
    await complete(as.cs, caseNumber, { type: 'CloseRepair' });

    // GET /cases/WX…: the repair with its tasks, live state, clocks, documents and audit trail
    const view = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
      return res.status === 200 && res.body.status === 'closed' ? res.body : undefined;
    });
    expect(view).toMatchObject({
      caseNumber,
      type: 'repair',
      stage: 'closed',
      classification: 'A',
      method: 'on_site',
      approvedAmountFen: 30_000,
      defectDescription: '录音笔无法开机',
      customer: { name: '张先生', phone: '13800000000' },
    });
    expect(view.closedAt).not.toBeNull();
    const types = (view.tasks as Array<{ type: string; status: string; dueAt: string | null }>).map(
      (t) => t.type,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'technician_dispatch',
        'technician_visit',
        'visit_report',
        'customer_signature',
        'voucher_countersign',
        'voucher_filing',
        'finance_invoice_mailing',
        'close',
      ]),
    );
    expect(view.tasks.every((t: { status: string }) => t.status === 'completed')).toBe(true);
    expect(
      view.tasks.find((t: { type: string }) => t.type === 'technician_dispatch').dueAt,
    ).not.toBeNull();
    // the live view of the finished workflow (its query still answers)
    expect(view.live).toMatchObject({ caseType: 'repair', status: 'closed' });
    expect(view.live.closingClock.closedAt).toBe(view.closedAt);
    expect(view.live.state).toMatchObject({
      voucher: { number: `FW${caseNumber.slice(2)}` },
      dispatch: { technicianId: as.tech.user.id, slot },
      fee: { collectedOnSiteFen: 30_000, settled: true },
    });
    const filed = await voucherOf(caseNumber);
    expect(filed).toMatchObject({
      status: 'closed',
      content: expect.objectContaining({
        serviceContent: '更换电源板',
        invoiceNumber: `FP-${caseNumber}`,
        register: { content: '更换电源板', serviceCostFen: 0 },
      }),
      distribution: [
        { department: 'cs', copy: 1 },
        { department: 'finance', copy: 2 },
      ],
    });
    expect(
      (filed as unknown as { signatures: Array<{ by: string; role: string }> }).signatures.map(
        (s) => [s.by, s.role],
      ),
    ).toEqual([
      [as.cs.user.id, 'registrar'],
      ['张先生', 'customer'],
      [as.techManager.user.id, 'tech_manager'],
    ]);
    const trail = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.techManager);
    expect(trail.status).toBe(200);
    const actions: string[] = trail.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'repair.RepairOpened',
        'repair.TechnicianDispatched',
        'repair.VisitRecorded',
        'repair.FeeCollectedOnSite',
        'repair.VoucherCustomerSigned',
        'repair.VoucherCountersigned',
        'repair.VoucherFiled',
        'repair.InvoiceMailed',
        'repair.RepairClosed',
        // 001 §16: the request is logged so the survey can follow
        'repair.FollowUpRequested',
      ]),
    );
    expect(trail.body.map((e: { seq: number }) => e.seq)).toEqual(actions.map((_, i) => i + 1));
    for (const query of ['', '?against=history']) {
      const verified = await call(
        api.url,
        'GET',
        `/cases/${caseNumber}/audit/verify${query}`,
        as.cs,
      );
      // the disagreements in the expectation, so a failure shows which
      expect({ query, body: verified.body }).toMatchObject({
        query,
        body: query ? { valid: true, disagreements: [] } : { valid: true },
      });
    }
  });

  test('P16 001 篇3 二.(二)4: a technician is never booked twice — the overlapping dispatch is refused with APPOINTMENT_CLASH naming the booked case, whatever bookings the client sends; P13 002 ch.10 3: Thai silver is refused at intake', async () => {
    const [first, second] = [await openRepair(), await openRepair()];
    opened.push(first, second);
    const booked = slotIn(30); // 2 h, about a day ahead
    await complete(as.techManager, first, {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot: booked,
      outOfTown: false,
    });
    await voucherIn(first, 'dispatched');

    // P13: an excluded item class is refused at the workshop intake, naming it
    const silver = await refused('techManager', second, {
      type: 'AcceptWorkshopItem',
      receiptNumber: `SR-${second}`,
      itemCode: 'TS-001',
      itemClass: 'thai_silver',
      partToRepair: '扣环',
      customerName: '张先生',
      photo: 'attachments/ts-001.jpg',
    });
    expect(silver.status).toBe(422);
    expect(silver.body).toMatchObject({
      code: 'REPAIR_ITEM_NOT_ACCEPTED',
      details: { itemClass: 'thai_silver', notAccepted: ['thai_silver'] },
    });

    // P16: one hour into tech-01's booking on the first case; the client claims no bookings
    const overlapping = { start: booked.start + 3_600_000, end: booked.end + 3_600_000 };
    const clash = await refused('techManager', second, {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot: overlapping,
      outOfTown: false,
      technicianBookings: [],
    });
    expect(clash.status).toBe(422);
    expect(clash.body).toMatchObject({
      code: 'APPOINTMENT_CLASH',
      details: {
        caseNumber: second,
        technicianId: as.tech.user.id,
        requested: overlapping,
        clashesWith: { caseNumber: first, start: booked.start, end: booked.end },
      },
    });
    expect(clash.body.message).toContain(first);
    // nothing moved: the dispatch task is still the manager's, the refusal is audited
    await taskFor(as.techManager, second, 'DispatchTechnician');
    const trail = await call(api.url, 'GET', `/cases/${second}/audit`, as.techManager);
    expect(
      trail.body
        .filter((e: { action: string; data: { code?: string } }) => e.action === 'ActionRefused')
        .map((e: { data: { code?: string } }) => e.data.code),
    ).toEqual(['REPAIR_ITEM_NOT_ACCEPTED', 'APPOINTMENT_CLASH']);

    // the dispatched person must be a technician (the visit task opens in their name)
    const notTech = await refused('techManager', second, {
      type: 'DispatchTechnician',
      technicianId: as.cs.user.id,
      slot: overlapping,
      outOfTown: false,
    });
    expect(notTech.status).toBe(400);
    expect(notTech.body.details.issues).toEqual([
      expect.objectContaining({ path: 'body.command.technicianId' }),
    ]);

    // another technician is free at that time; a slot that only touches tech-01's does not clash
    await complete(as.techManager, second, {
      type: 'DispatchTechnician',
      technicianId: as.tech2.user.id,
      slot: overlapping,
      outOfTown: false,
    });
    await taskFor(as.tech2, second, 'StartVisit');
    expect(await commandsOf('tech', second)).toEqual([]);
    touching = { start: booked.end, end: booked.end + 2 * 3_600_000 };
  });

  test('P08 001 §12: an out-of-town visit cannot start before the tech manager approved the 异地服务申请单 (the technician cannot approve it)', async () => {
    const caseNumber = await openRepair({
      entry: { ...serviceRequest.entry, serviceKind: 'C', address: '江苏省苏州市工业园区' },
    });
    opened.push(caseNumber);
    // right after tech-01's booking on the first case of the clash test: touching, not clashing
    await complete(as.techManager, caseNumber, {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot: touching ?? slotIn(60),
      outOfTown: true,
    });
    // before the approval the technician has only the application: StartVisit is refused
    const application = await taskFor(as.tech, caseNumber, 'ApplyOutOfTown');
    expect(application.commands).toEqual(['ApplyOutOfTown']);
    const early = await call(api.url, 'POST', `/tasks/${application.taskId}/complete`, as.tech, {
      command: { type: 'StartVisit' },
    });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 400,
      code: 'COMMAND_INVALID',
    });
    await complete(as.tech, caseNumber, {
      type: 'ApplyOutOfTown',
      destination: '苏州',
      reason: '客户在苏州',
      estimatedCostFen: 30_000,
    });
    // the approval is the tech manager's, not the applicant's
    expect(await commandsOf('tech', caseNumber)).toEqual([]);
    const selfApproval = await taskFor(as.techManager, caseNumber, 'DecideOutOfTown');
    const bySelf = await call(api.url, 'POST', `/tasks/${selfApproval.taskId}/complete`, as.tech, {
      command: { type: 'DecideOutOfTown', approve: true },
    });
    expect({ status: bySelf.status, code: bySelf.body.code }).toEqual({
      status: 403,
      code: 'WRONG_ROLE',
    });
    await complete(as.techManager, caseNumber, { type: 'DecideOutOfTown', approve: true });
    await complete(as.tech, caseNumber, { type: 'StartVisit' });
    await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.techManager);
      return res.body.status === 'on_site' ? res.body : undefined;
    });
    const trail = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.techManager);
    const actions: string[] = trail.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'repair.OutOfTownApplied',
        'approval.requested',
        'approval.signed',
        'repair.VisitStarted',
      ]),
    );
    expect(actions.indexOf('approval.signed')).toBeLessThan(actions.indexOf('repair.VisitStarted'));
  });

  test('P11 P12 P14 P15 002 ch.10 1–5, P06 001 §10, P05 001 §9: an item the workshop cannot fix goes to the external repairer on a handover sheet (copy 3 with the item, the customer told 1–6 months), comes back, is sorted, the customer called, shipped; the manager countersigns before the customer; ¥800 is invoiced and collected by finance', async () => {
    const caseNumber = await openRepair();
    opened.push(caseNumber);
    // P14: the receipt 收条 — date, item code, part to repair, photo (taken in through the dispatch task)
    await complete(as.techManager, caseNumber, {
      type: 'AcceptWorkshopItem',
      receiptNumber: `SR-${caseNumber}`,
      itemCode: 'AG-925-07',
      itemClass: 'silver',
      partToRepair: '扣环',
      customerName: '张先生',
      photo: 'attachments/ag-925-07.jpg',
    });
    // P11: in-house first (any technician); it cannot be fixed here
    await complete(as.tech2, caseNumber, {
      type: 'RecordWorkshopRepair',
      repaired: false,
      note: '需外送维修',
    });
    // P12: not before the customer was told 1–6 months and that the result may differ
    const untold = await refused('cs', caseNumber, {
      type: 'SendToExternalRepair',
      repairer: '金工坊',
      handoverSheetNumber: `JJ-${caseNumber}`,
      customerInformed: false,
    });
    expect({ status: untold.status, code: untold.body.code }).toEqual({
      status: 400,
      code: 'COMMAND_INVALID',
    });
    expect(untold.body.message).toContain('1–6 months');
    await complete(as.cs, caseNumber, {
      type: 'SendToExternalRepair',
      repairer: '金工坊',
      handoverSheetNumber: `JJ-${caseNumber}`,
      customerInformed: true,
    });
    const docs = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}/documents`, as.cs);
      const list = res.body as Array<{
        docType: string;
        docNumber: string;
        content: Record<string, unknown>;
        distribution: unknown;
      }>;
      return list.some((d) => d.docType === 'handover_sheet') ? list : undefined;
    });
    expect(docs.find((d) => d.docType === 'repair_receipt')).toMatchObject({
      docNumber: `SR-${caseNumber}`,
      content: expect.objectContaining({
        itemCode: 'AG-925-07',
        partToRepair: '扣环',
        photo: 'attachments/ag-925-07.jpg',
      }),
    });
    expect(docs.find((d) => d.docType === 'handover_sheet')).toMatchObject({
      docNumber: `JJ-${caseNumber}`,
      content: expect.objectContaining({
        repairer: '金工坊',
        customerName: '张先生',
        photo: 'attachments/ag-925-07.jpg',
        customerTold: { minMonths: 1, maxMonths: 6, resultMayDiffer: true },
      }),
      distribution: expect.arrayContaining([{ department: 'external_repairer', copy: 3 }]),
    });
    // the item is back, repaired, ¥800 for the repair
    await complete(as.cs, caseNumber, {
      type: 'RecordExternalReturn',
      repaired: true,
      note: '已修复',
      feeFen: 80_000,
    });
    // P15: sort, then call the customer, then ship
    await complete(as.cs, caseNumber, { type: 'SortReturnedItem' });
    await complete(as.cs, caseNumber, { type: 'RecordCustomerCalled', note: '客户确认寄回' });
    await complete(as.cs, caseNumber, { type: 'RecordItemShipped', shipment: `SF-${caseNumber}` });
    // P06 001 §10: the manager countersigns first, then the customer signs
    expect(await commandsOf('cs', caseNumber)).toEqual([]);
    await complete(as.techManager, caseNumber, { type: 'CountersignVoucher' });
    await complete(as.cs, caseNumber, { type: 'RecordCustomerSignature', signedBy: '张先生' });
    await complete(as.cs, caseNumber, { type: 'FileVoucher' });
    // P05 001 §9: above ¥500 finance invoices from the voucher, then collects
    await complete(as.finance, caseNumber, {
      type: 'IssueInvoice',
      invoiceNumber: `FP-${caseNumber}`,
    });
    const collection = await taskFor(as.finance, caseNumber, 'RecordFeeCollected');
    expect(collection).toMatchObject({ candidateDepartment: 'finance' });
    await complete(as.finance, caseNumber, { type: 'RecordFeeCollected', amountFen: 80_000 });
    await complete(as.cs, caseNumber, { type: 'CloseRepair' });
    const view = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
      return res.body.status === 'closed' ? res.body : undefined;
    });
    expect(view).toMatchObject({ method: 'external', approvedAmountFen: 80_000 });
    const trail = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.cs);
    const actions: string[] = trail.body.map((e: { action: string }) => e.action);
    const order = [
      'repair.ExternalRepairReturned',
      'repair.ReturnedItemSorted',
      'repair.CustomerCalled',
      'repair.ItemShipped',
      'repair.VoucherCountersigned',
      'repair.VoucherCustomerSigned',
      'repair.InvoiceIssued',
      'repair.FeeCollected',
    ].map((a) => actions.indexOf(a));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] ?? -1)))).toBe(true);
    expect(
      (await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, as.cs)).body,
    ).toMatchObject({
      valid: true,
    });
  });

  test('issue 10 §9: GET /reports/repair-kpis answers with the figures of the suite’s repairs (dispatch time in working hours, on-site resolution, fees collected vs invoiced)', async () => {
    expect(opened).toHaveLength(5);
    const day = shanghaiDay(startedAt);
    const res = await call(
      api.url,
      'GET',
      `/reports/repair-kpis?from=${day}&to=${shanghaiDay(Date.now())}`,
      as.techManager,
    );
    expect(res.status).toBe(200);
    // the dispatch measure of each case, from its own audit trail, on the default calendar
    const calendar = new BusinessCalendar(defaultPolicy.calendar);
    let expectedMs = 0;
    let elapsedMs = 0;
    for (const n of opened) {
      const trail = (await call(api.url, 'GET', `/cases/${n}/audit`, as.techManager))
        .body as Array<{
        action: string;
        occurredAt: string;
      }>;
      const at = (a: string) => Date.parse(trail.find((e) => e.action === a)?.occurredAt ?? '');
      if (Number.isNaN(at('repair.TechnicianDispatched'))) continue; // the workshop item
      expectedMs += calendar.workingTimeBetween(
        at('repair.RepairOpened'),
        at('repair.TechnicianDispatched'),
      ).ms;
      elapsedMs += at('repair.TechnicianDispatched') - at('repair.RepairOpened');
    }
    expect(res.body).toMatchObject({
      organisation: ORG,
      repairs: { opened: 5 },
      // the workshop item was taken in, never dispatched
      dispatch: { dispatched: 4, undispatched: 1, provisional: 0 },
      // two resolved: one on the spot (on its first visit), one by the external repairer
      onSiteResolution: { numerator: 1, denominator: 2, rate: 0.5 },
      firstVisitResolution: { numerator: 1, denominator: 1, rate: 1 },
      externalRepair: { returned: 1 },
      // ¥300 collected on the spot and invoiced by mail, ¥800 invoiced and collected (001 §9)
      fees: {
        invoicedFen: 110_000,
        collectedFen: 110_000,
        collectedOfInvoiced: { numerator: 110_000, denominator: 110_000, rate: 1 },
      },
    });
    // out and back within this run: a positive turnaround of less than the run's duration
    expect(res.body.externalRepair.totalDays).toBeGreaterThan(0);
    expect(res.body.externalRepair.totalDays * 86_400_000).toBeLessThan(Date.now() - startedAt);
    expect(res.body.externalRepair.meanDays).toBe(res.body.externalRepair.totalDays);
    expect(res.body.dispatch.totalWorkingHours).toBeCloseTo(expectedMs / 3_600_000, 6);
    // working time never exceeds the time that passed (hours are a float: 1 µs of slack)
    expect(res.body.dispatch.totalWorkingHours * 3_600_000).toBeLessThanOrEqual(elapsedMs + 0.001);
    // staff do not read reports
    expect(
      (await call(api.url, 'GET', `/reports/repair-kpis?from=${day}&to=${day}`, as.tech)).status,
    ).toBe(403);
  });

  test('exactly once: POST /repairs twice under one Idempotency-Key opens one repair (same number, same voucher); another request under the key is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = `repair-once-${process.pid}`;
    const post = async (body: unknown) => {
      const res = await fetch(`${api.url}/repairs`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${as.cs.accessToken}`,
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const [a, b] = await Promise.all([post(serviceRequest), post(serviceRequest)]);
    const first = a.status === 201 ? a : b;
    expect(first.status).toBe(201);
    const again = await post(serviceRequest);
    expect(again).toEqual(first);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM cases WHERE organisation_id = $1 AND case_number = $2`,
      [ORG, first.body.caseNumber],
    );
    expect(rows.rows[0].n).toBe(1);
    const other = await post({ entry: { ...serviceRequest.entry, problem: '屏幕不亮' } });
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });
});
