import { Client } from 'pg';
import { call, loginAll, type ActorName, type Session } from './support/http';
import {
  assignOwner,
  close,
  firstResponse,
  proposal,
  register,
  report,
} from './support/complaint-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { type InboxTask, taskClient } from './support/tasks';

/**
 * The complaint process over HTTP only: api + worker processes + Temporal dev server +
 * PostgreSQL, all real, nothing faked. Tasks are found in each person's inbox by the command
 * that completes them.
 */
const TASK_QUEUE = `e2e-complaint-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
/** Seeded users of the e2e organisation, logged in (tools/test-setup/e2e.global-setup.ts). */
let actors: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  actors = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const complaint = {
  customer: { name: '张三', phone: '13800138000' },
  orderNumber: 'SO-20261122-01',
  batchNumber: 'B2611-07',
  shipDate: '2026-11-10',
  defectDescription: '收到的录音笔无法开机',
  demand: '退货或折价',
  quantity: 3,
  channel: 'phone',
};

const { inbox, taskFor, complete } = taskClient(() => api.url);

async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', actors.sales, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const caseRow = async (caseNumber: string) =>
  (await db.query('SELECT * FROM cases WHERE case_number = $1', [caseNumber])).rows[0];
const taskRows = async (caseNumber: string) =>
  (
    await db.query('SELECT * FROM tasks WHERE case_number = $1 ORDER BY created_at, task_id', [
      caseNumber,
    ])
  ).rows;

describe('the complaint process over HTTP', () => {
  test('DOMAIN.md §1: sales → CS → R&D → VP → CS → approver → sales → finance, each department sees its own task, the case closes and its audit trail verifies', async () => {
    const caseNumber = await openCase();
    expect(caseNumber).toMatch(/^KS20\d{4}-\d{4,}$/);
    expect(await caseRow(caseNumber)).toMatchObject({
      organisation_id: 'e2e-org',
      type: 'complaint',
      policy_version: 2, // new cases pin the newest built-in version (DOMAIN.md's seed decisions)
    });
    // C11 001 §20 (v2): the CS manager names the owner — here a CS clerk
    await complete(actors.csManager, caseNumber, assignOwner(actors.cs.user.id));

    // 2. registration: CS sees it, R&D does not
    await taskFor(actors.cs, caseNumber, 'RegisterComplaint');
    expect(
      (await inbox(actors.rnd, caseNumber)).some((t) => t.commands.includes('RegisterComplaint')),
    ).toBe(false);
    await complete(actors.cs, caseNumber, register);
    // 3–4. investigation report by R&D, approved by the VP in charge (001 §25.3)
    await complete(actors.rnd, caseNumber, report);
    await complete(actors.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
    // 5–6. CS proposes a discount; ¥930 loss → the CS manager approves (核决权限 ≤ ¥5,000)
    await complete(actors.cs, caseNumber, proposal('discount'));
    const approval = await taskFor(actors.csManager, caseNumber, 'ApproveResolution');
    expect((await inbox(actors.cs, caseNumber)).map((t) => t.taskId)).not.toContain(
      approval.taskId,
    );
    await complete(actors.csManager, caseNumber, { type: 'ApproveResolution' });
    // 7. sales relays the decision; the customer accepts
    await complete(actors.sales, caseNumber, {
      type: 'RecordCustomerResponse',
      accepted: true,
      via: 'phone',
    });
    // 8. discount certificate: sales issues, the sales VP signs, the customer signs, finance books (001 §29.1)
    await complete(actors.sales, caseNumber, {
      type: 'IssueDiscountCertificate',
      certificateNumber: `ZK-${caseNumber}`,
      amountFen: 90_000,
    });
    await complete(actors.salesVp, caseNumber, { type: 'SignDiscountCertificate' });
    await complete(actors.sales, caseNumber, { type: 'RecordCertificateCustomerSignature' });
    await complete(actors.finance, caseNumber, { type: 'BookDiscountCertificate' });
    // 10. close (the follow-up call is handed off): v2 wants the first response first
    // (Decision 3) and the summary and preventive measure at the close (C29)
    await complete(actors.sales, caseNumber, firstResponse);
    await complete(actors.cs, caseNumber, close);

    const row = await eventually(async () => {
      const r = await caseRow(caseNumber);
      return r.status === 'closed' ? r : undefined;
    });
    expect(row.closed_at).not.toBeNull();
    expect(row.closed_on_time).toBe(true);
    expect(Number(row.loss_amount_fen)).toBe(93_000); // 3 × ¥300 + ¥20 freight + ¥10 handling
    const open = (await taskRows(caseNumber)).filter(
      (t) => t.status === 'open' || t.status === 'claimed',
    );
    expect(open).toEqual([]);

    const docs = await call(api.url, 'GET', `/cases/${caseNumber}/documents`, actors.cs);
    expect(docs.body.map((d: { docType: string }) => d.docType)).toEqual(
      expect.arrayContaining(['complaint_form', 'discount_certificate', 'complaint_summary']),
    );

    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, actors.cs);
    // Audit actions are namespaced by their source (`complaint.…`, `task.…`) since the rewrite.
    const actions: string[] = history.body.map((e: { action: string }) =>
      e.action.replace(/^complaint\./, ''),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'ComplaintReported',
        'ComplaintRegistered',
        'ResolutionApproved',
        'ComplaintClosed',
      ]),
    );
    expect(history.body.map((e: { seq: number }) => e.seq)).toEqual(actions.map((_, i) => i + 1));
    const approved = history.body.find(
      (e: { action: string }) => e.action.replace(/^complaint\./, '') === 'ResolutionProposed',
    );
    expect(JSON.stringify(approved.data)).toContain('handling-cs-manager'); // the matched row of the explanation record
    expect(
      (await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, actors.cs)).body,
    ).toMatchObject({ valid: true });
  });

  test('C27 R01 DOMAIN.md §1 + §2 (001 §29): a return decision → the TH child case: sales VP approves the slip, warehouse and finance work it, the complaint closes; each department’s inbox holds exactly its own step', async () => {
    const caseNumber = await openCase();
    const departments = [
      'sales',
      'cs',
      'rnd',
      'vp',
      'csManager',
      'salesVp',
      'finance',
      'warehouse',
    ] as const;
    /** The commands waiting in each person's inbox for `n`. */
    const inboxes = async (n: string) =>
      Object.fromEntries(
        await Promise.all(
          departments.map(
            async (d) =>
              [d, (await inbox(actors[d], n)).flatMap((t) => t.commands).sort()] as const,
          ),
        ),
      ) as Record<(typeof departments)[number], string[]>;
    /**
     * Exactly these people hold these steps of `n` (alongside e.g. a send-back). Anyone else may
     * only see a step of their own department (a task with no role restriction is open to every
     * working role of the department, e.g. the sales VP sees sales' steps) — never another's.
     */
    const departmentOf = (d: (typeof departments)[number]) => actors[d].user.department;
    const expectOnly = async (
      n: string,
      holders: Partial<Record<(typeof departments)[number], string>>,
    ) => {
      const now = await inboxes(n);
      for (const d of departments) {
        const command = holders[d];
        if (command) {
          expect({ [d]: now[d] }).toEqual({ [d]: expect.arrayContaining([command]) });
          continue;
        }
        const ownDepartments = departments.filter(
          (h) => holders[h] && departmentOf(h) === departmentOf(d),
        );
        const allowed = ownDepartments.flatMap((h) => now[h] ?? []);
        const foreign = (now[d] ?? []).filter((c) => !allowed.includes(c));
        expect({ [d]: foreign }).toEqual({ [d]: [] });
      }
    };

    await complete(actors.sales, caseNumber, firstResponse);
    await complete(actors.csManager, caseNumber, assignOwner(actors.csManager.user.id)); // in person
    await complete(actors.cs, caseNumber, register);
    await expectOnly(caseNumber, { rnd: 'SubmitInvestigationReport' });
    await complete(actors.rnd, caseNumber, report);
    await expectOnly(caseNumber, { vp: 'ApproveInvestigationReport' });
    await complete(actors.vp, caseNumber, {
      type: 'ApproveInvestigationReport',
      remarks: '同意退货',
    });
    await complete(actors.cs, caseNumber, proposal('return', { approvedReturnQuantity: 3 }));
    await expectOnly(caseNumber, { csManager: 'ApproveResolution' });
    await complete(actors.csManager, caseNumber, { type: 'ApproveResolution' });
    await expectOnly(caseNumber, { sales: 'RecordCustomerResponse' });
    await complete(actors.sales, caseNumber, {
      type: 'RecordCustomerResponse',
      accepted: true,
      via: 'letter',
    });

    // 8. the return child (TH…), linked both ways
    const child = await eventually(
      async () => (await caseRow(caseNumber)).child_case_numbers[0] as string | undefined,
      60_000,
    );
    expect(child).toMatch(/^TH20\d{4}-\d{4,}$/);
    // R02 001 §29.1(2): sales fills in the slip (reason, handling method, basis)
    await taskFor(actors.sales, child, 'FillReturnSlip');
    await expectOnly(child, { sales: 'FillReturnSlip' });
    await complete(actors.sales, child, {
      type: 'FillReturnSlip',
      reason: '3 台录音笔无法开机',
      method: 'refund',
      basis: `${caseNumber} 客户投诉处理表: 退货 3 台`,
    });
    await taskFor(actors.salesVp, child, 'ApproveReturnSlip');
    await expectOnly(child, { salesVp: 'ApproveReturnSlip' });
    await complete(actors.salesVp, child, { type: 'ApproveReturnSlip' });
    // warehouse and finance now both hold their step (finance's clock waits for the goods)
    await taskFor(actors.warehouse, child, 'ReceiveGoods');
    await taskFor(actors.finance, child, 'Reconcile');
    await expectOnly(child, { warehouse: 'ReceiveGoods', finance: 'Reconcile' });
    await complete(actors.warehouse, child, {
      type: 'ReceiveGoods',
      quantity: 3,
      complete: true,
      undamaged: true,
    });
    await complete(actors.finance, child, { type: 'Reconcile', voucherNumber: `PZ-${child}` });
    await complete(actors.finance, child, { type: 'RecordRefund', amountFen: 90_000 });
    const childRow = await eventually(async () => {
      const r = await caseRow(child);
      return r?.status === 'completed' ? r : undefined;
    }, 60_000);
    expect(childRow).toMatchObject({ type: 'return', parent_case_number: caseNumber });

    // 10. CS closes the complaint
    await complete(actors.cs, caseNumber, close);
    const row = await eventually(async () => {
      const r = await caseRow(caseNumber);
      return r.status === 'closed' ? r : undefined;
    }, 60_000);
    expect(row).toMatchObject({ method: 'return', closed_on_time: true });
    for (const n of [caseNumber, child]) {
      expect(
        (await taskRows(n)).filter((t) => t.status === 'open' || t.status === 'claimed'),
      ).toEqual([]);
      expect(Object.values(await inboxes(n)).flat()).toEqual([]);
    }
    const slip = (
      await call(api.url, 'GET', `/cases/${child}/documents`, actors.warehouse)
    ).body.find((d: { docType: string }) => d.docType === 'return_slip');
    expect(slip.distribution.map((d: { department: string }) => d.department)).toEqual(
      expect.arrayContaining(['sales', 'warehouse', 'finance']),
    );
    const history = await call(api.url, 'GET', `/cases/${child}/audit`, actors.finance);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ReturnSlipApproved$/),
        expect.stringMatching(/GoodsReceived$/),
      ]),
    );
    // each trail verifies (read by someone who works that case: CS the complaint, finance the return)
    for (const [n, reader] of [
      [caseNumber, actors.cs],
      [child, actors.finance],
    ] as const) {
      expect((await call(api.url, 'GET', `/cases/${n}/audit/verify`, reader)).body).toMatchObject({
        valid: true,
      });
    }
  });

  test('refusals: another department (403), a second completion (409), bad payloads (400) — each refusal is in the audit trail and nothing moved', async () => {
    const caseNumber = await openCase();
    const task = await taskFor(actors.cs, caseNumber, 'RegisterComplaint');
    const wrong = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.rnd, {
      command: register,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WRONG_DEPARTMENT');

    const bad = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      command: { type: 'RegisterComplaint', cause: 'weather' },
    });
    expect(bad.status).toBe(400);
    const unknownCommand = await call(
      api.url,
      'POST',
      `/tasks/${task.taskId}/complete`,
      actors.cs,
      { command: { type: 'CloseComplaint' } },
    );
    expect(unknownCommand.status).toBe(400);
    expect(unknownCommand.body.details.issues[0].path).toBe('body.command.type');
    expect((await taskRows(caseNumber)).find((t) => t.task_id === task.taskId).status).toBe('open');

    expect(
      (
        await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
          command: register,
        })
      ).status,
    ).toBe(200);
    const again = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      command: register,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TASK_NOT_OPEN');

    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, actors.cs);
    const refusals = history.body.filter((e: { action: string }) => e.action === 'ActionRefused');
    expect(refusals.map((e: { data: { code: string } }) => e.data.code)).toEqual(
      expect.arrayContaining(['WRONG_DEPARTMENT', 'TASK_NOT_OPEN']),
    );
    expect(
      (await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, actors.cs)).body,
    ).toMatchObject({ valid: true });
  });

  test('claim, unclaim and delegate: a claimed task leaves the department queue and only its assignee may complete it', async () => {
    const caseNumber = await openCase();
    const task = await taskFor(actors.cs, caseNumber, 'RegisterComplaint');
    expect((await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, actors.cs, {})).status).toBe(
      200,
    );
    const taken = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, actors.cs2, {});
    expect(taken.status).toBe(409);
    await eventually(async () =>
      (await inbox(actors.cs2, caseNumber)).some((t) => t.taskId === task.taskId)
        ? undefined
        : true,
    );
    const byOther = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs2, {
      command: register,
    });
    expect(byOther.status).toBe(409);
    const delegated = await call(api.url, 'POST', `/tasks/${task.taskId}/delegate`, actors.cs, {
      to: { userId: actors.cs2.user.id },
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body.assignee).toBe(actors.cs2.user.id);
    expect(
      (
        await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs2, {
          command: register,
        })
      ).status,
    ).toBe(200);
  });

  test('C02 001 §24.1(1): the complaint is opened with the product spec and the occurrence time, and GET /cases/:n shows both', async () => {
    const res = await call(api.url, 'POST', '/complaints', actors.sales, {
      ...complaint,
      productSpec: 'R-300 16GB 黑色',
      occurredAt: '2026-11-12T09:30:00+08:00',
    });
    expect(res.status).toBe(201);
    const view = await call(api.url, 'GET', `/cases/${res.body.caseNumber as string}`, actors.cs);
    expect(view.status).toBe(200);
    expect(view.body.customer).toMatchObject({ name: '张三', phone: '13800138000' });
    // stored as the instant, in UTC
    expect(view.body.live.state.intake).toMatchObject({
      productSpec: 'R-300 16GB 黑色',
      occurredAt: '2026-11-12T01:30:00.000Z',
    });
  });

  test('C03 X07 003 §四.3, 002 ch.14, 003 四.1: anyone who works takes a complaint — the warehouse and R&D open one by each intake channel (phone, email, online, store); CS registers each and owes the 24 h first response; a fifth channel is 400 naming body.channel', async () => {
    const channels = ['phone', 'email', 'online', 'store'] as const;
    for (const [i, channel] of channels.entries()) {
      const opener = i % 2 === 0 ? actors.warehouse : actors.rnd;
      const res = await call(api.url, 'POST', '/complaints', opener, {
        ...complaint,
        orderNumber: `SO-C03-X07-${channel}`,
        channel,
      });
      expect({ channel, status: res.status }).toEqual({ channel, status: 201 });
      const caseNumber = res.body.caseNumber as string;
      const view = await call(api.url, 'GET', `/cases/${caseNumber}`, actors.cs);
      expect(view.body.live.state).toMatchObject({
        reportedBy: opener.user.id,
        firstResponder: 'cs',
        intake: expect.objectContaining({ channel }),
      });
      await taskFor(actors.cs, caseNumber, 'RegisterComplaint');
      const first = await taskFor(actors.cs, caseNumber, 'RecordFirstResponse');
      const { dueAt } = first as InboxTask & { dueAt: string };
      expect(new Date(dueAt).getTime() - view.body.live.state.reportedAt).toBe(24 * 3_600_000);
    }
    const pigeon = await call(api.url, 'POST', '/complaints', actors.warehouse, {
      ...complaint,
      channel: 'pigeon',
    });
    expect(pigeon.status).toBe(400);
    expect(pigeon.body.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.channel',
    ]);
  });

  test('invalid input is refused with 400 naming every bad field, and nothing is written', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const res = await call(api.url, 'POST', '/complaints', actors.sales, {
      customer: { name: '' },
      orderNumber: 42,
      quantity: -1,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining([
        'body.customer.name',
        'body.orderNumber',
        'body.defectDescription',
        'body.quantity',
        'body.shipDate',
      ]),
    );
    expect(typeof res.body.requestId).toBe('string');
    expect((await call(api.url, 'POST', '/complaints', actors.sales, '{"customer": ')).status).toBe(
      400,
    );
    expect((await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before);
  });

  test('unknown case → 404, malformed case number → 400, unknown task → 404, no token → 401, an auditor opening a complaint → 403 (Decision 1: anyone who works may)', async () => {
    expect((await call(api.url, 'GET', '/cases/KS209912-9999', actors.cs)).body.code).toBe(
      'CASE_NOT_FOUND',
    );
    expect((await call(api.url, 'GET', '/cases/not-a-case', actors.cs)).status).toBe(400);
    expect(
      (
        await call(api.url, 'POST', '/tasks/KS209912-9999-T1/complete', actors.cs, {
          command: register,
        })
      ).status,
    ).toBe(404);
    expect((await call(api.url, 'POST', '/complaints', undefined, complaint)).status).toBe(401);
    // Decision 1: anyone who works opens a complaint; an auditor only reads
    const byAuditor = await call(api.url, 'POST', '/complaints', actors.auditor, complaint);
    expect({ status: byAuditor.status, code: byAuditor.body.code }).toEqual({
      status: 403,
      code: 'AUDITOR_READ_ONLY',
    });
  });

  test('durability: the worker process is killed mid-case, a new one starts, and the case continues', async () => {
    const caseNumber = await openCase();
    await taskFor(actors.cs, caseNumber, 'RegisterComplaint');
    await worker.stop('SIGKILL');
    worker = await startWorker(TASK_QUEUE);
    await complete(actors.cs, caseNumber, register);
    await taskFor(actors.rnd, caseNumber, 'SubmitInvestigationReport');
    const row = await eventually(async () => {
      const r = await caseRow(caseNumber);
      return r.classification ? r : undefined;
    }, 60_000);
    expect(row).toMatchObject({ classification: 'quality', severity: 'general' });
  });

  test('health reports both PostgreSQL and Temporal', async () => {
    const res = await call(api.url, 'GET', '/healthz', undefined);
    expect(res.body).toEqual({ status: 'ok', postgres: 'ok', temporal: 'ok' });
  });
});
