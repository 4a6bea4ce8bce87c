import { actors, call, loginAll, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * The inbox as the web app reads it (issue 11), over HTTP against the real api + worker +
 * Temporal + PostgreSQL: each row carries its case's type, the customer with the phone masked
 * and the working time left; the filters (case type, task type, overdue, due range, case
 * number / customer search); the delegate candidates of a task.
 */
const TASK_QUEUE = `e2e-inbox-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url);
});
afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

// A customer of this suite only: the searches below find just this suite's cases.
const PHONE = '13712340917';
const NAME = `王收件${process.pid}`;
const complaint = {
  customer: { name: NAME, phone: PHONE },
  orderNumber: 'SO-INBOX-01',
  batchNumber: 'B2611-11',
  shipDate: '2026-11-10',
  defectDescription: '录音笔按键失灵',
  demand: '换货',
  quantity: 2,
  channel: 'phone',
};

interface Item {
  taskId: string;
  caseNumber: string;
  caseType: string | null;
  customer: { name: string; phone: string | null } | null;
  remainingBusinessMs: number | null;
  dueAt: string | null;
  overdue: boolean;
  commands: string[];
}
const inbox = async (s: Session, query: string): Promise<Item[]> => {
  const res = await call(api.url, 'GET', `/inbox?${query}`, s);
  expect(res.status).toBe(200);
  return res.body.items as Item[];
};

let caseNumber: string;
let task: Item;

beforeAll(async () => {
  const res = await call(api.url, 'POST', '/complaints', as.sales, complaint);
  expect(res.status).toBe(201);
  caseNumber = res.body.caseNumber as string;
  // The case's read model and the task's row are written asynchronously: wait for both.
  task = await eventually(async () =>
    (await inbox(as.cs, `caseNumber=${caseNumber}`)).find(
      (t) => t.commands.includes('RegisterComplaint') && t.caseType !== null,
    ),
  );
});

describe('inbox rows', () => {
  it('carry the case type, the customer with the phone masked, and the working time left', () => {
    expect(task.caseType).toBe('complaint');
    expect(task.customer).toEqual({ name: NAME, phone: '137****0917' });
    expect(task.dueAt).not.toBeNull();
    // Due in working time: never more than the calendar time left, and a number of ms.
    expect(Number.isInteger(task.remainingBusinessMs)).toBe(true);
    const calendarLeft = Date.parse(task.dueAt as string) - Date.now();
    expect(Math.abs(task.remainingBusinessMs as number)).toBeLessThanOrEqual(
      Math.abs(calendarLeft) + 60_000,
    );
    if (!task.overdue) expect(task.remainingBusinessMs).toBeGreaterThanOrEqual(0);
  });
});

describe('inbox filters', () => {
  const has = (items: Item[]) => items.some((t) => t.taskId === task.taskId);

  it('search by case number fragment, customer name, or phone digits', async () => {
    expect(has(await inbox(as.cs, `q=${caseNumber.slice(-6)}`))).toBe(true);
    expect(has(await inbox(as.cs, `q=${encodeURIComponent(NAME)}`))).toBe(true);
    expect(has(await inbox(as.cs, 'q=0917'))).toBe(true);
    expect(has(await inbox(as.cs, 'q=99999999'))).toBe(false);
    // LIKE wildcards are text, not patterns.
    expect(has(await inbox(as.cs, 'q=%25'))).toBe(false);
  });

  it('case type and task type', async () => {
    expect(has(await inbox(as.cs, 'caseType=complaint'))).toBe(true);
    expect(has(await inbox(as.cs, 'caseType=return'))).toBe(false);
    const type = (await inbox(as.cs, `caseNumber=${caseNumber}`))[0]!;
    expect(has(await inbox(as.cs, `caseNumber=${caseNumber}&type=nope`))).toBe(false);
    expect(type.taskId).toBe(task.taskId);
  });

  it('due range and overdue', async () => {
    const due = Date.parse(task.dueAt as string);
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(has(await inbox(as.cs, `dueFrom=${at(due - 1000)}&dueTo=${at(due + 1000)}`))).toBe(true);
    expect(has(await inbox(as.cs, `dueFrom=${at(due + 1000)}`))).toBe(false);
    expect(has(await inbox(as.cs, `dueTo=${at(due - 1000)}`))).toBe(false);
    expect(has(await inbox(as.cs, 'overdue=true'))).toBe(task.overdue);
  });

  it('a malformed due range is a 400 naming the field', async () => {
    const res = await call(api.url, 'GET', '/inbox?dueFrom=tomorrow', as.cs);
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].path).toBe('query.dueFrom');
  });
});

describe('delegate candidates', () => {
  it('a lead sees the active users who fit the task (CS workers), not sales, auditors or themself', async () => {
    const claimed = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, as.cs, {});
    expect(claimed.status).toBe(200);
    const res = await call(api.url, 'GET', `/tasks/${task.taskId}/delegates`, as.csManager);
    expect(res.status).toBe(200);
    const names = (res.body.items as Array<{ username: string; department: string }>).map(
      (u) => u.username,
    );
    expect(names).toEqual(expect.arrayContaining([actors.cs, actors.cs2]));
    expect(names).not.toContain(actors.sales);
    expect(names).not.toContain(actors.auditor);
    expect(names).not.toContain(actors.csManager);
    for (const u of res.body.items as Array<{ department: string }>)
      expect(u.department).toBe('cs');
    // A candidate is accepted by delegate itself.
    const delegated = await call(api.url, 'POST', `/tasks/${task.taskId}/delegate`, as.csManager, {
      to: { userId: as.cs2.user.id },
    });
    expect(delegated.status).toBe(200);
  });

  it('someone who may not hand the task on is refused', async () => {
    const res = await call(api.url, 'GET', `/tasks/${task.taskId}/delegates`, as.rnd);
    expect(res.status).toBe(403);
  });
});
