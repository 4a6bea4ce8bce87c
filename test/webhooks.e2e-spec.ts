import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { freeLoopbackPort } from '../tools/provision/free-port';
import { verifyWebhookSignature } from '../apps/worker/src/webhooks/webhook-signature';
import { assignOwner, close, proposal, register, report } from './support/complaint-commands';
import { actors, call, E2E_PASSWORD, login, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * Outgoing webhooks (issue 11, Notifications) over HTTP against the real api + worker + Temporal
 * dev server + PostgreSQL, delivered to a real HTTP receiver on loopback (so this suite allows
 * loopback URLs: WEBHOOK_ALLOW_PRIVATE_URLS=true; the production default refuses them, see
 * test/bad-input.e2e-spec.ts). Retries start after 300 ms and double up to 1 s here.
 */
const TASK_QUEUE = `e2e-webhooks-${process.pid}`;
const ORG = `e2e-webhooks-${process.pid}`;
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
  WEBHOOK_RETRY_INITIAL_MS: '300',
  WEBHOOK_RETRY_MAX_MS: '1000',
  WEBHOOK_SWEEP_MS: '500',
};
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
const as = {} as Record<ActorName, Session>;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}
/** A webhook receiver on loopback: records every request, answers 204. */
class Receiver {
  readonly received: Received[] = [];
  private server?: Server;
  constructor(readonly port: number) {}
  url(path: string) {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  listen(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
        res.statusCode = 204;
        res.end();
      });
    });
    return new Promise((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }
  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
  of(path: string, eventId?: string) {
    return this.received.filter(
      (r) => r.path === path && (!eventId || r.headers['x-aso-event-id'] === eventId),
    );
  }
}
let receiver: Receiver;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  receiver = new Receiver(await freeLoopbackPort()); // not listening yet: the receiver is down
  [api, worker] = await Promise.all([
    startApi(TASK_QUEUE, WEBHOOK_ENV),
    startWorker(TASK_QUEUE, WEBHOOK_ENV),
  ]);
  const names = Object.keys(actors) as ActorName[];
  const sessions = await Promise.all(names.map((n) => login(api.url, actors[n], ORG)));
  names.forEach((n, i) => (as[n] = sessions[i] as Session));
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop(), receiver?.close()]);
  await db?.end();
});

const { taskFor, complete } = taskClient(() => api.url);

const complaint = (n: number) => ({
  customer: { name: '钱七', phone: '13500135000' },
  orderNumber: `SO-WEBHOOK-${process.pid}-${n}`,
  batchNumber: 'B2612-03',
  shipDate: '2026-11-28',
  defectDescription: '录音笔录音有杂音',
  demand: '道歉并说明原因',
  quantity: 1,
  channel: 'phone',
});

async function register_(path: string, events: string[]) {
  const res = await call(api.url, 'POST', '/webhooks', as.admin, {
    url: receiver.url(path),
    events,
    description: `e2e ${path}`,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; url: string; events: string[] };
}

const deliveries = async (id: string) => {
  const res = await call(api.url, 'GET', `/webhooks/${id}/deliveries`, as.admin);
  expect(res.status).toBe(200);
  return res.body as Array<{
    eventId: string;
    eventType: string;
    caseNumber: string;
    status: string;
    attempts: Array<{ attempt: number; statusCode: number | null; error: string | null }>;
  }>;
};

describe('issue 11 Notifications: outgoing webhooks', () => {
  let a: { id: string; secret: string };
  let b: { id: string; secret: string };
  let caseNumber: string;
  let assignedEventId: string;

  test('an admin registers endpoints (the secret once), lists them without secrets; registration and disabling are audited', async () => {
    a = await register_('/a', ['task.assigned', 'case.closed']);
    b = await register_('/b', ['task.assigned', 'task.escalated', 'case.closed']);
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const disabled = await call(api.url, 'POST', `/webhooks/${b.id}/disable`, as.admin, {});
    expect(disabled.body).toMatchObject({ id: b.id, enabled: false });
    expect(disabled.body.secret).toBeUndefined();
    const list = await call(api.url, 'GET', '/webhooks', as.admin);
    expect(list.body.map((e: { id: string; enabled: boolean }) => [e.id, e.enabled])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(a.secret);
    const audit = await db.query(
      `SELECT action, data FROM audit_events WHERE case_number = $1 ORDER BY seq`,
      [`org:${ORG}`],
    );
    expect(audit.rows.map((r) => [r.action, r.data.webhookId])).toEqual(
      expect.arrayContaining([
        ['WebhookRegistered', a.id],
        ['WebhookRegistered', b.id],
        ['WebhookDisabled', b.id],
      ]),
    );
    expect(JSON.stringify(audit.rows)).not.toContain(a.secret);
  });

  test('task assigned while the receiver is down: retried with backoff, delivered once later under the same event id, signed; the disabled endpoint gets nothing', async () => {
    const opened = await call(api.url, 'POST', '/complaints', as.cs, complaint(1));
    expect(opened.status).toBe(201);
    caseNumber = opened.body.caseNumber as string;
    const task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const claimed = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, as.cs, {});
    expect(claimed.status).toBe(200);

    // the receiver is down: attempts fail (connection refused) and are logged, none delivered
    const failing = await eventually(async () => {
      const d = (await deliveries(a.id)).find(
        (x) => x.eventType === 'task.assigned' && x.attempts.length >= 2,
      );
      return d;
    }, 60_000);
    assignedEventId = failing.eventId;
    expect(assignedEventId).toMatch(new RegExp(`^${caseNumber}:wf:\\d+$`));
    expect(failing.status).toBe('pending');
    expect(failing.attempts.slice(0, 2)).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: null, error: expect.any(String) }),
      expect.objectContaining({ attempt: 2, statusCode: null, error: expect.any(String) }),
    ]);

    await receiver.listen(); // the receiver is back
    const delivered = await eventually(async () => {
      const d = (await deliveries(a.id)).find((x) => x.eventId === assignedEventId);
      return d?.status === 'delivered' ? d : undefined;
    }, 60_000);
    const last = delivered.attempts[delivered.attempts.length - 1];
    expect(last).toMatchObject({ statusCode: 204, error: null });
    expect(last?.attempt).toBeGreaterThanOrEqual(3);

    await new Promise((r) => setTimeout(r, 2_500)); // no second delivery follows
    const got = receiver.of('/a', assignedEventId);
    expect(got).toHaveLength(1);
    const req = got[0] as Received;
    expect(req.headers['x-aso-event-type']).toBe('task.assigned');
    expect(req.headers['x-aso-delivery-attempt']).toBe(String(last?.attempt));
    expect(req.headers['content-type']).toBe('application/json');
    const signature = String(req.headers['x-aso-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(a.secret, signature, req.body, now)).toBe(true);
    expect(verifyWebhookSignature(b.secret, signature, req.body, now)).toBe(false);
    expect(verifyWebhookSignature(a.secret, signature, `${req.body} `, now)).toBe(false);
    expect(JSON.parse(req.body)).toMatchObject({
      id: assignedEventId,
      type: 'task.assigned',
      organisationId: ORG,
      caseNumber,
      caseType: 'complaint',
      data: {
        taskId: task.taskId,
        assignee: as.cs.user.id,
        assignedBy: as.cs.user.id,
        via: 'claimed',
      },
    });

    // the disabled endpoint: nothing sent, nothing queued
    expect(receiver.of('/b')).toEqual([]);
    expect(await deliveries(b.id)).toEqual([]);
  });

  test('case closed: one case.closed event per case; disabling an endpoint stops what it would get', async () => {
    await complete(as.cs, caseNumber, {
      type: 'RecordFirstResponse',
      channel: 'phone',
      summary: '已致电客户说明处理流程',
    });
    await complete(as.csManager, caseNumber, assignOwner(as.cs.user.id)); // C11 (policy v2)
    await complete(as.cs, caseNumber, register);
    await complete(as.rnd, caseNumber, report);
    await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
    await complete(as.cs, caseNumber, proposal('apology'));
    await complete(as.csManager, caseNumber, { type: 'ApproveResolution' });
    await complete(as.sales, caseNumber, {
      type: 'RecordCustomerResponse',
      accepted: true,
      via: 'phone',
    });
    await complete(as.cs, caseNumber, close);
    const closedId = `${caseNumber}:closed`;
    await eventually(async () => (receiver.of('/a', closedId).length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1_500));
    const got = receiver.of('/a', closedId);
    expect(got).toHaveLength(1);
    expect(JSON.parse((got[0] as Received).body)).toMatchObject({
      id: closedId,
      type: 'case.closed',
      caseNumber,
      data: { closedAt: expect.any(String) },
    });
    expect(
      verifyWebhookSignature(
        a.secret,
        String(got[0]?.headers['x-aso-signature']),
        String(got[0]?.body),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    // each event delivered once; the log has one delivered row per event
    const log = await deliveries(a.id);
    expect(log.filter((d) => d.eventId === closedId).map((d) => d.status)).toEqual(['delivered']);
    const ids = receiver.of('/a').map((r) => r.headers['x-aso-event-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.of('/b')).toEqual([]);

    // disabled now: a new assignment reaches nobody
    await call(api.url, 'POST', `/webhooks/${a.id}/disable`, as.admin, {});
    const before = receiver.received.length;
    const opened = await call(api.url, 'POST', '/complaints', as.cs, complaint(2));
    const next = opened.body.caseNumber as string;
    const task = await taskFor(as.cs, next, 'RegisterComplaint');
    expect((await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, as.cs, {})).status).toBe(
      200,
    );
    await new Promise((r) => setTimeout(r, 2_500));
    expect(receiver.received.length).toBe(before);
    expect((await deliveries(a.id)).filter((d) => d.caseNumber === next)).toEqual([]);
  });

  test('C33 002 服务流程 3; 003 §四.3: at acceptance the customer notice goes out as case.customer_notice — what to say, on which channel, the expected time — signed and delivered once', async () => {
    const c = await register_('/c', ['case.customer_notice']);
    const opened = await call(api.url, 'POST', '/complaints', as.cs, complaint(3));
    const number = opened.body.caseNumber as string;
    await complete(as.cs, number, {
      type: 'RecordFirstResponse',
      channel: 'phone',
      summary: '已致电客户',
    });
    await complete(as.csManager, number, assignOwner(as.cs.user.id)); // C11 (policy v2)
    await complete(as.cs, number, register);
    const notice = await eventually(async () => receiver.of('/c')[0], 60_000);
    const body = JSON.parse(notice.body);
    expect(notice.headers['x-aso-event-type']).toBe('case.customer_notice');
    expect(body).toMatchObject({
      id: expect.stringMatching(new RegExp(`^${number}:wf:\\d+$`)),
      type: 'case.customer_notice',
      caseNumber: number,
      data: { stage: 'accepted', channel: 'phone', expectedBy: expect.any(String) },
    });
    expect(body.data.message).toContain('处理流程');
    expect(
      verifyWebhookSignature(
        c.secret,
        String(notice.headers['x-aso-signature']),
        notice.body,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.of('/c', body.id)).toHaveLength(1);
    expect((await deliveries(c.id)).map((d) => [d.eventType, d.status])).toEqual([
      ['case.customer_notice', 'delivered'],
    ]);
  });

  test('another organisation’s admin sees no endpoint of this one (404)', async () => {
    const other = await login(api.url, 'admin-01');
    expect((await call(api.url, 'GET', `/webhooks/${a.id}/deliveries`, other)).status).toBe(404);
    expect((await call(api.url, 'POST', `/webhooks/${a.id}/disable`, other, {})).status).toBe(404);
    const list = await call(api.url, 'GET', '/webhooks', other);
    expect(list.body.map((e: { id: string }) => e.id)).not.toContain(a.id);
  });
});
