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
import { slotIn } from './support/repair-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * A complaint decided as repair (DOMAIN.md §1 step 8, SEED_RULES P17) over HTTP only: api +
 * worker processes + Temporal dev server + PostgreSQL, all real. CS writes the service register
 * entry the complaint's intake lacks (001 §7), the WX repair runs as the complaint's child with
 * its own people (tech manager, technician, CS), and the complaint closes with its outcome.
 */
const TASK_QUEUE = `e2e-complaint-repair-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const { inbox, taskFor, complete } = taskClient(() => api.url);

const caseRow = async (caseNumber: string) =>
  (await db.query('SELECT * FROM cases WHERE case_number = $1', [caseNumber])).rows[0];

const people = [
  'sales',
  'cs',
  'rnd',
  'vp',
  'csManager',
  'finance',
  'warehouse',
  'techManager',
  'tech',
  'tech2',
] as const;
type Person = (typeof people)[number];

/** The commands waiting in each person's inbox for case `n`. */
const inboxes = async (n: string) =>
  Object.fromEntries(
    await Promise.all(
      people.map(async (p) => [p, (await inbox(as[p], n)).flatMap((t) => t.commands).sort()]),
    ),
  ) as Record<Person, string[]>;

/**
 * Exactly these people hold these steps of `n`; anyone else sees nothing of it but, at most, a
 * step of their own department (a task without a role restriction is open to the department).
 */
async function expectOnly(n: string, holders: Partial<Record<Person, string>>) {
  const now = await inboxes(n);
  const departmentOf = (p: Person) => as[p].user.department;
  for (const p of people) {
    const command = holders[p];
    if (command) {
      expect({ [p]: now[p] }).toEqual({ [p]: expect.arrayContaining([command]) });
      continue;
    }
    const allowed = people
      .filter((h) => holders[h] && departmentOf(h) === departmentOf(p))
      .flatMap((h) => now[h]);
    expect({ [p]: now[p].filter((c) => !allowed.includes(c)) }).toEqual({ [p]: [] });
  }
}

const registerRepair = {
  type: 'RegisterRepair',
  address: '上海市浦东新区世纪大道 1 号',
  productModel: 'DVR-X1',
  spec: '4K',
  purchaseDate: '2026-06-20',
  purchasePlace: '上海门店',
  serviceKind: 'C',
};

describe('a complaint decided as repair, end to end over HTTP', () => {
  test('P17 003 §四.2: sales → CS → R&D → VP → CS → CS manager → sales; CS writes the register entry (bad ones refused), the WX child runs tech manager → technician → CS, and the complaint closes with its outcome; each inbox holds exactly its step', async () => {
    const opened = await call(api.url, 'POST', '/complaints', as.sales, {
      customer: { name: '张三', phone: '13800138000' },
      orderNumber: 'SO-20261202-07',
      batchNumber: 'B2611-07',
      shipDate: '2026-11-10',
      defectDescription: '录音笔无法开机',
      demand: '上门维修',
      quantity: 1,
      channel: 'phone',
    });
    expect(opened.status).toBe(201);
    const ks = opened.body.caseNumber as string;

    await complete(as.sales, ks, firstResponse);
    await complete(as.csManager, ks, assignOwner(as.cs.user.id)); // C11 (policy v2)
    await complete(as.cs, ks, register);
    await complete(as.rnd, ks, report);
    await complete(as.vp, ks, { type: 'ApproveInvestigationReport', remarks: '同意维修' });
    await complete(as.cs, ks, proposal('repair'));
    await expectOnly(ks, { csManager: 'ApproveResolution' });
    await complete(as.csManager, ks, { type: 'ApproveResolution' });
    await complete(as.sales, ks, { type: 'RecordCustomerResponse', accepted: true, via: 'phone' });

    // 001 §7: CS writes the service register entry; nobody else holds it, no child yet
    const task = await taskFor(as.cs, ks, 'RegisterRepair');
    await expectOnly(ks, { cs: 'RegisterRepair' });
    expect((await caseRow(ks)).child_case_numbers).toEqual([]);
    const send = (who: Session, command: Record<string, unknown>) =>
      call(api.url, 'POST', `/tasks/${task.taskId}/complete`, who, { command });
    const noAddress = await send(as.cs, { ...registerRepair, address: '' });
    expect(noAddress.status).toBe(400);
    expect((noAddress.body.details.issues as Array<{ path: string }>).map((i) => i.path)).toContain(
      'body.command.address',
    );
    const internal = await send(as.cs, { ...registerRepair, serviceKind: 'D' });
    expect({ status: internal.status, code: internal.body.code }).toEqual({
      status: 400,
      code: 'COMMAND_INVALID',
    });
    expect(JSON.stringify(internal.body)).toContain('command.serviceKind');
    expect((await send(as.sales, registerRepair)).status).toBe(403);
    await complete(as.cs, ks, registerRepair);

    // the WX child, linked both ways, with the complaint's customer in its register entry
    const wx = await eventually(
      async () => (await caseRow(ks)).child_case_numbers[0] as string | undefined,
      60_000,
    );
    expect(wx).toMatch(/^WX20\d{4}-\d{4,}$/);
    await taskFor(as.techManager, wx, 'DispatchTechnician');
    expect(await caseRow(wx)).toMatchObject({ type: 'repair', parent_case_number: ks });
    const child = await call(api.url, 'GET', `/cases/${wx}`, as.cs);
    expect(child.status).toBe(200);
    expect(child.body.live.state).toMatchObject({
      parentCaseNumber: ks,
      voucher: { number: `FW${wx.slice(2)}` },
      entry: {
        customerName: '张三',
        phone: '13800138000',
        address: '上海市浦东新区世纪大道 1 号',
        serviceKind: 'C',
        problem: '录音笔无法开机',
        channel: 'complaint',
      },
    });
    await expectOnly(wx, { techManager: 'DispatchTechnician' });
    expect(Object.values(await inboxes(ks)).flat()).toEqual([]);

    await complete(as.techManager, wx, {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot: slotIn(30),
      outOfTown: false,
    });
    await expectOnly(wx, { tech: 'StartVisit' });
    await complete(as.tech, wx, { type: 'StartVisit' });
    const now = Date.now();
    await complete(as.tech, wx, {
      type: 'RecordVisit',
      actualStart: now - 75 * 60_000,
      actualEnd: now - 60_000,
      content: '更换电源板',
      resolvedOnSite: true,
    });
    await expectOnly(wx, { tech: 'RecordCustomerSignature' });
    await complete(as.tech, wx, { type: 'RecordCustomerSignature', signedBy: '张三' });
    await expectOnly(wx, { techManager: 'CountersignVoucher' });
    await complete(as.techManager, wx, { type: 'CountersignVoucher' });
    await expectOnly(wx, { cs: 'FileVoucher' });
    await complete(as.cs, wx, { type: 'FileVoucher' });
    // free service (C): no fee, so no finance step
    await expectOnly(wx, { cs: 'CloseRepair' });
    expect((await caseRow(ks)).status).toBe('executing');
    await complete(as.cs, wx, { type: 'CloseRepair' });

    // the complaint records the repair's outcome and goes on to its closing
    await eventually(async () => (await caseRow(ks)).status === 'ready_to_close', 60_000);
    await taskFor(as.cs, ks, 'CloseComplaint');
    await expectOnly(ks, { cs: 'CloseComplaint' });
    expect(Object.values(await inboxes(wx)).flat()).toEqual([]);
    const live = (await call(api.url, 'GET', `/cases/${ks}`, as.cs)).body.live;
    expect(live.state.execution).toMatchObject({
      kind: 'child_case',
      childType: 'repair',
      childCaseNumber: wx,
      completed: true,
      outcome: 'repaired on site',
    });
    await complete(as.cs, ks, close);
    const row = await eventually(async () => {
      const r = await caseRow(ks);
      return r.status === 'closed' ? r : undefined;
    }, 60_000);
    expect(row).toMatchObject({ method: 'repair', closed_on_time: true });
    expect((await caseRow(wx)).status).toBe('closed');
    for (const n of [ks, wx]) expect(Object.values(await inboxes(n)).flat()).toEqual([]);

    // both trails: the hand-over to the child and back, the follow-up of each; both verify
    const trail = async (n: string) =>
      (
        (await call(api.url, 'GET', `/cases/${n}/audit`, as.cs)).body as Array<{ action: string }>
      ).map((e) => e.action);
    expect(await trail(ks)).toEqual(
      expect.arrayContaining([
        'complaint.RepairRegistrationRequested',
        'complaint.RepairRegistered',
        'complaint.ChildCaseStarted',
        'complaint.ChildCaseCompleted',
        'complaint.FollowUpRequested',
      ]),
    );
    expect(await trail(wx)).toEqual(
      expect.arrayContaining([
        'repair.RepairOpened',
        'repair.RepairClosed',
        'repair.FollowUpRequested',
      ]),
    );
    for (const n of [ks, wx])
      expect((await call(api.url, 'GET', `/cases/${n}/audit/verify`, as.cs)).body).toMatchObject({
        valid: true,
      });
  });
});
