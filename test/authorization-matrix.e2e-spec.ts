import 'reflect-metadata';
import { MODULE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type Type } from '@nestjs/common';
import {
  Client as TemporalClient,
  type Connection,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  type CaseActor,
  claimTaskUpdate,
  completeTaskUpdate,
  delegateTaskUpdate,
  unclaimTaskUpdate,
} from '@aso/contracts';
import { seedDemo } from '../tools/seed-demo';
import { AppModule } from '../apps/api/src/app.module';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { serviceRequest } from './support/repair-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { connectTestTemporal } from './support/temporal';

/**
 * Every endpoint × every seeded role, over HTTP against the real api + worker + Temporal dev
 * server + PostgreSQL. The routes are discovered from the Nest module graph the API boots
 * (AppModule's imports and controllers, read from their decorators), so an endpoint added
 * without a row here fails the suite. A cell is what the role gets: `200`/`201`/`204` when
 * allowed (on fresh cases, so no cell depends on another), `403 <CODE>` when not.
 *
 * The suite seeds an organisation of its own: other suites log the same usernames in and out
 * of theirs at the same time.
 */
const TASK_QUEUE = `e2e-matrix-${process.pid}`;
const ORG = `e2e-matrix-${process.pid}`;

const ROLES = {
  'sales staff': 'sales-01',
  'sales supervisor': 'sales-sup-01',
  sales_vp: 'svp-01',
  'cs staff': 'cs-01',
  'cs manager': 'cs-mgr-01',
  'rnd staff': 'rnd-01',
  'rnd manager': 'rnd-mgr-01',
  finance: 'fin-01',
  warehouse: 'wh-01',
  tech: 'tech-01',
  vp: 'vp-01',
  gm: 'gm-01',
  auditor: 'auditor-01',
  admin: 'admin-01',
} as const;
type Role = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as Role[];

let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<Role, Session>;
/** cs-02 and cs-mgr-02: the second CS person (assignee of claimed tasks), the limited approver */
let cs2: Session;
let csLimited: Session;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  const sessions = await Promise.all(ALL.map((r) => login(api.url, ROLES[r], ORG)));
  as = Object.fromEntries(ALL.map((r, i) => [r, sessions[i]])) as Record<Role, Session>;
  [cs2, csLimited] = await Promise.all([
    login(api.url, 'cs-02', ORG),
    login(api.url, 'cs-mgr-02', ORG),
  ]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

// ---------------------------------------------------------------------------------------------
// Route discovery
// ---------------------------------------------------------------------------------------------

type ModuleRef =
  Type<unknown> | { module: Type<unknown>; imports?: unknown[]; controllers?: Type<unknown>[] };

/** `GET /cases/:caseNumber`, … for every controller reachable from AppModule. */
function discoverRoutes(root: Type<unknown>): string[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (ref: unknown): void => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    const dynamic = typeof ref === 'object' && 'module' in (ref as object);
    const cls = (dynamic ? (ref as { module: Type<unknown> }).module : ref) as Type<unknown>;
    const extra = dynamic ? (ref as Exclude<ModuleRef, Type<unknown>>) : undefined;
    const imports: unknown[] = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as unknown[] | undefined) ?? []),
      ...(extra?.imports ?? []),
    ];
    for (const c of [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) as Type<unknown>[] | undefined) ??
        []),
      ...(extra?.controllers ?? []),
    ])
      controllers.add(c);
    for (const i of imports) {
      // forwardRef(() => X)
      const resolved =
        i && typeof i === 'object' && 'forwardRef' in i
          ? (i as { forwardRef: () => unknown }).forwardRef()
          : i;
      visit(resolved);
    }
  };
  visit(root);
  const routes: string[] = [];
  for (const ctrl of controllers) {
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
    const proto = ctrl.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (method === undefined || paths === undefined) continue;
      for (const b of base)
        for (const p of ([] as string[]).concat(paths)) {
          const path = `/${[b, p]
            .map((s) => s.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          routes.push(`${RequestMethod[method]} ${path}`);
        }
    }
  }
  return [...new Set(routes)].sort();
}

// ---------------------------------------------------------------------------------------------
// Fixtures: fresh cases in known states
// ---------------------------------------------------------------------------------------------

const complaint = {
  customer: { name: '赵六', phone: '13600136000' },
  orderNumber: 'SO-MATRIX-01',
  batchNumber: 'B2611-10',
  shipDate: '2026-11-10',
  defectDescription: '录音笔屏幕不亮',
  demand: '维修',
  quantity: 3,
  channel: 'phone',
};
const register = { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' };

interface Task {
  taskId: string;
  commands: string[];
  assignee: string | null;
}

async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as['sales staff'], complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const taskFor = (s: Session, caseNumber: string, command: string, scope = 'all'): Promise<Task> =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?scope=${scope}&caseNumber=${caseNumber}`, s);
    return (res.body.items as Task[]).find((t) => t.commands.includes(command));
  });

/** A fresh case and its open CS registration task. */
async function registrationTask(): Promise<{ caseNumber: string; taskId: string }> {
  const caseNumber = await openCase();
  const { taskId } = await taskFor(as['cs staff'], caseNumber, 'RegisterComplaint');
  return { caseNumber, taskId };
}

/** A fresh registration task claimed by cs-02 (not one of the matrix's roles). */
async function claimedByCs2(): Promise<{ caseNumber: string; taskId: string }> {
  const t = await registrationTask();
  expect((await call(api.url, 'POST', `/tasks/${t.taskId}/claim`, cs2, {})).status).toBe(200);
  await taskFor(cs2, t.caseNumber, 'RegisterComplaint', 'mine');
  return t;
}

async function complete(
  s: Session,
  caseNumber: string,
  command: { type: string } & Record<string, unknown>,
) {
  const task = await taskFor(s, caseNumber, command.type);
  const res = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, s, { command });
  expect({ command: command.type, status: res.status, body: res.body }).toMatchObject({
    status: 200,
  });
}

let userSerial = 0;
async function freshUser(): Promise<string> {
  const res = await call(api.url, 'POST', '/admin/users', as.admin, {
    username: `matrix-${process.pid}-${++userSerial}`,
    displayName: '临时用户',
    password: 'matrix-password-0123',
    department: 'cs',
    roles: ['staff'],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

// A 1×1 PNG: the smallest file an attachment upload accepts.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
async function upload(s: Session, caseNumber: string): Promise<{ status: number; body: Body }> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  form.append('kind', 'photo');
  const res = await fetch(`${api.url}/cases/${caseNumber}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.accessToken}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Body) : undefined };
}

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

// Response bodies differ per route; the matrix reads only `code`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;
type Result = { status: number; body: Body };
interface Row {
  /** what each role gets */
  expect: (role: Role) => string;
  /** one request as `role`; `allowed` cells get fresh resources when the request changes state */
  run: (role: Role, allowed: boolean) => Promise<Result>;
}

const everyone =
  (status: string) =>
  (_: Role): string =>
    status;
const only =
  (ok: string, allowed: readonly Role[], refused: (r: Role) => string) =>
  (r: Role): string =>
    allowed.includes(r) ? ok : `403 ${refused(r)}`;

const SALES: Role[] = ['sales staff', 'sales supervisor', 'sales_vp'];
const CS: Role[] = ['cs staff', 'cs manager'];
const GM_OFFICE: Role[] = ['vp', 'gm', 'auditor'];
/** Who works a case at registration: its opener's department (sales, which also owes the first
 * response), CS (registration), and those who see every case (GM office, auditors). */
const CASE_READERS = [...SALES, ...CS, ...GM_OFFICE];
const REPORT_READERS: Role[] = ['sales_vp', 'cs manager', 'rnd manager', 'vp', 'gm', 'auditor'];
const auditorOr = (code: string) => (r: Role) => (r === 'auditor' ? 'AUDITOR_READ_ONLY' : code);
/** Admins publish policy versions; auditors and managers (manager, sales VP, VP, GM) read them. */
const POLICY_READERS: Role[] = [
  'sales_vp',
  'cs manager',
  'rnd manager',
  'vp',
  'gm',
  'auditor',
  'admin',
];
const WORKERS_AND_ADMIN = ALL.filter((r) => r !== 'auditor');
/** A fresh user of the role's department and roles: a delegate who fits (one per role). */
const delegates = new Map<Role, Promise<string>>();
const delegateFor = (r: Role): Promise<string> => {
  let id = delegates.get(r);
  if (!id) {
    id = call(api.url, 'POST', '/admin/users', as.admin, {
      username: `matrix-${process.pid}-stand-in-${r.replace(/\W/g, '')}`,
      displayName: '代理人',
      password: 'matrix-password-0123',
      department: as[r].user.department,
      roles: as[r].user.roles,
    }).then((res) => {
      expect(res.status).toBe(201);
      return res.body.id as string;
    });
    delegates.set(r, id);
  }
  return id;
};

/** Read-only fixtures shared by the cells that change nothing (built once, lazily). */
let readCase: Promise<string> | undefined;
const aCase = () =>
  (readCase ??= openCase().then(async (n) => {
    await taskFor(as['cs staff'], n, 'RegisterComplaint');
    return n;
  }));
let refusedTask: Promise<{ caseNumber: string; taskId: string }> | undefined;
const aRegistrationTask = () => (refusedTask ??= registrationTask());
let refusedClaimed: Promise<{ caseNumber: string; taskId: string }> | undefined;
const aClaimedTask = () => (refusedClaimed ??= claimedByCs2());
let attachment: Promise<{ caseNumber: string; id: string }> | undefined;
const anAttachment = () =>
  (attachment ??= aCase().then(async (caseNumber) => {
    const res = await upload(as['sales staff'], caseNumber);
    expect(res.status).toBe(201);
    return { caseNumber, id: res.body.id as string };
  }));

/** A fresh webhook endpoint of the organisation (issue 11), registered by the admin. */
const freshWebhook = async (): Promise<string> => {
  const res = await call(api.url, 'POST', '/webhooks', as.admin, {
    url: 'https://hooks.example.com/aso-matrix',
    events: ['case.closed'],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
let matrixWebhook: Promise<string> | undefined;
const aWebhook = () => (matrixWebhook ??= freshWebhook());

/** The organisation's review of January 2026 (001 §28), started once by the admin. */
let matrixReview: Promise<string> | undefined;
const aReview = () =>
  (matrixReview ??= call(api.url, 'POST', '/monthly-reviews', as.admin, { month: '2026-01' }).then(
    (res) => {
      expect(res.status).toBe(201);
      return res.body.month as string;
    },
  ));

const get = (path: string | (() => Promise<string>)) => async (r: Role) =>
  call(api.url, 'GET', typeof path === 'string' ? path : await path(), as[r]);

/** A request of the web app to /auth/web/… (its header, the refresh cookie when given). */
async function webAuth(path: string, cookie?: string, body?: unknown): Promise<Result> {
  const res = await fetch(`${api.url}/auth/web/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aso-web': '1',
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Body) : undefined };
}
/** A fresh web login's refresh cookie (`aso_refresh=…`). */
async function webCookie(r: Role): Promise<string> {
  const res = await fetch(`${api.url}/auth/web/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aso-web': '1' },
    body: JSON.stringify({ organisation: ORG, username: ROLES[r], password: E2E_PASSWORD }),
  });
  const m = /aso_refresh=[^;]*/.exec(res.headers.getSetCookie().join('\n'));
  if (!m) throw new Error(`web login ${r}: ${res.status}`);
  return m[0];
}

const MATRIX: Record<string, Row> = {
  'POST /auth/login': {
    expect: everyone('200'),
    run: (r) =>
      call(api.url, 'POST', '/auth/login', undefined, {
        organisation: ORG,
        username: ROLES[r],
        password: E2E_PASSWORD,
      }),
  },
  'POST /auth/refresh': {
    expect: everyone('200'),
    run: async (r) => {
      const s = await login(api.url, ROLES[r], ORG);
      return call(api.url, 'POST', '/auth/refresh', undefined, { refreshToken: s.refreshToken });
    },
  },
  'GET /auth/me': { expect: everyone('200'), run: get('/auth/me') },
  'GET /healthz': { expect: everyone('200'), run: get('/healthz') },
  // Loopback peer, no METRICS_TOKEN: open to the scraper whatever the user (metrics-access.ts).
  'GET /metrics': {
    expect: everyone('200'),
    run: async () => {
      const res = await fetch(`${api.url}/metrics`);
      return { status: res.status, body: await res.text() };
    },
  },
  'GET /docs': {
    expect: everyone('200'),
    run: async () => {
      const res = await fetch(`${api.url}/docs`);
      return { status: res.status, body: await res.text() };
    },
  },
  'GET /docs/openapi.json': { expect: everyone('200'), run: get('/docs/openapi.json') },
  'POST /complaints': {
    // Decision 1: anyone who works takes a complaint; auditors only read.
    expect: (r) => (r === 'auditor' ? '403 AUDITOR_READ_ONLY' : '201'),
    run: (r) => call(api.url, 'POST', '/complaints', as[r], complaint),
  },
  // 001 §7: CS takes service requests (any working role of CS); everyone else is refused.
  'POST /repairs': {
    expect: only('201', CS, auditorOr('WRONG_DEPARTMENT')),
    run: (r) => call(api.url, 'POST', '/repairs', as[r], serviceRequest),
  },
  // 001 篇3 退货流程 1: a customer's own return is recorded by sales or CS; nobody else.
  'POST /returns': {
    expect: only('201', [...SALES, ...CS], auditorOr('WRONG_DEPARTMENT')),
    run: (r) =>
      call(api.url, 'POST', '/returns', as[r], {
        kind: 'return',
        orderNumber: 'TB-MATRIX-1',
        serialNumber: 'SN-MATRIX-1',
        reason: 'no_reason',
        reasonText: '不想要了',
        requestedAt: new Date(Date.now() - 60_000).toISOString(),
        deliveredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        customer: { account: 'wangwang:matrix', name: '孙八' },
        customerKind: 'retail',
        channel: 'online',
        quantity: 1,
        partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
      }),
  },
  // 002 ch.12 1: sales counts the consigned goods and opens the consignment; nobody else.
  'POST /consignments': {
    expect: only('201', SALES, auditorOr('WRONG_DEPARTMENT')),
    run: (r) =>
      call(api.url, 'POST', '/consignments', as[r], {
        consignor: { name: '李明', surname: '李' },
        customerKind: 'wholesale',
        goods: [{ item: 'Espresso machine EM-3', quantity: 2, priceFen: 129_900 }],
        terms: { commissionBp: 1500, durationMonths: 3 },
        customerPresent: true,
      }),
  },
  'GET /inbox': { expect: everyone('200'), run: get('/inbox') },
  // Open a case (issue 11): everyone reads the offer (with mayOpen), auditors too.
  'GET /case-types': { expect: everyone('200'), run: get('/case-types') },
  'GET /cases': { expect: everyone('200'), run: get('/cases') },
  'GET /tasks/board': {
    expect: only(
      '200',
      ['sales supervisor', 'sales_vp', 'cs manager', 'rnd manager', 'vp', 'gm'],
      () => 'WRONG_ROLE',
    ),
    run: get('/tasks/board'),
  },
  'GET /cases/:caseNumber': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}`),
  },
  'GET /cases/:caseNumber/as-of': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/as-of?at=${new Date().toISOString()}`),
  },
  'GET /cases/:caseNumber/customer-view': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/customer-view`),
  },
  'GET /cases/:caseNumber/documents': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/documents`),
  },
  'GET /cases/:caseNumber/audit': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/audit`),
  },
  'GET /cases/:caseNumber/audit/verify': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/audit/verify`),
  },
  'GET /cases/:caseNumber/audit/export': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${await aCase()}/audit/export`),
  },
  // Readers of the case who may write; an auditor reads it but is read-only.
  'POST /cases/:caseNumber/attachments': {
    expect: only('201', [...SALES, ...CS, 'vp', 'gm'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : 'FORBIDDEN',
    ),
    run: async (r) => upload(as[r], await aCase()),
  },
  'GET /cases/:caseNumber/attachments': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    run: get(async () => `/cases/${(await anAttachment()).caseNumber}/attachments`),
  },
  'GET /cases/:caseNumber/attachments/:id': {
    expect: only('200', CASE_READERS, () => 'FORBIDDEN'),
    // The file itself (not JSON): only the status and, when refused, the error body matter.
    run: async (r) => {
      const a = await anAttachment();
      const res = await fetch(`${api.url}/cases/${a.caseNumber}/attachments/${a.id}`, {
        headers: { authorization: `Bearer ${as[r].accessToken}` },
      });
      return {
        status: res.status,
        body: res.ok ? await res.arrayBuffer() : ((await res.json()) as Body),
      };
    },
  },
  // The registration task: CS, any working role (cs staff and cs manager, each on a fresh case).
  'POST /tasks/:taskId/claim': {
    expect: only('200', CS, auditorOr('WRONG_DEPARTMENT')),
    run: async (r, allowed) => {
      const t = allowed ? await registrationTask() : await aRegistrationTask();
      return call(api.url, 'POST', `/tasks/${t.taskId}/claim`, as[r], {});
    },
  },
  'POST /tasks/:taskId/complete': {
    expect: only('200', CS, auditorOr('WRONG_DEPARTMENT')),
    run: async (r, allowed) => {
      const t = allowed ? await registrationTask() : await aRegistrationTask();
      return call(api.url, 'POST', `/tasks/${t.taskId}/complete`, as[r], { command: register });
    },
  },
  // A task claimed by cs-02: released or handed on by its assignee or a lead of it (CS's
  // supervisor or manager, the VP in charge, the GM: TASK_LEADS).
  'POST /tasks/:taskId/unclaim': {
    expect: only('200', ['cs manager', 'vp', 'gm'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : r === 'cs staff' ? 'WRONG_ROLE' : 'WRONG_DEPARTMENT',
    ),
    run: async (r, allowed) => {
      const t = allowed ? await claimedByCs2() : await aClaimedTask();
      return call(api.url, 'POST', `/tasks/${t.taskId}/unclaim`, as[r], {});
    },
  },
  'POST /tasks/:taskId/delegate': {
    expect: only('200', ['cs manager', 'vp', 'gm'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : r === 'cs staff' ? 'WRONG_ROLE' : 'WRONG_DEPARTMENT',
    ),
    run: async (r, allowed) => {
      const t = allowed ? await claimedByCs2() : await aClaimedTask();
      return call(api.url, 'POST', `/tasks/${t.taskId}/delegate`, as[r], {
        to: { userId: as['cs staff'].user.id },
      });
    },
  },
  // Delegate candidates: asked by those who may hand the task on (as the delegate row).
  'GET /tasks/:taskId/delegates': {
    expect: only('200', ['cs manager', 'vp', 'gm'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : r === 'cs staff' ? 'WRONG_ROLE' : 'WRONG_DEPARTMENT',
    ),
    run: async (r) => get(`/tasks/${(await aClaimedTask()).taskId}/delegates`)(r),
  },
  'GET /admin/users': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: get('/admin/users'),
  },
  'POST /admin/users': {
    expect: only('201', ['admin'], auditorOr('WRONG_ROLE')),
    run: (r) =>
      call(api.url, 'POST', '/admin/users', as[r], {
        username: `matrix-${process.pid}-${r.replace(/\W/g, '')}`,
        displayName: '新用户',
        password: 'matrix-password-0123',
        department: 'cs',
        roles: ['staff'],
      }),
  },
  'PATCH /admin/users/:id': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: async (r, allowed) =>
      call(
        api.url,
        'PATCH',
        `/admin/users/${allowed ? await freshUser() : as['cs staff'].user.id}`,
        as[r],
        { displayName: '改名' },
      ),
  },
  'POST /admin/users/:id/deactivate': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: async (r, allowed) =>
      call(
        api.url,
        'POST',
        `/admin/users/${allowed ? await freshUser() : as['cs staff'].user.id}/deactivate`,
        as[r],
        {},
      ),
  },
  'GET /webhooks': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: get('/webhooks'),
  },
  'POST /webhooks': {
    expect: only('201', ['admin'], auditorOr('WRONG_ROLE')),
    run: (r) =>
      call(api.url, 'POST', '/webhooks', as[r], {
        url: 'https://hooks.example.com/aso-matrix',
        events: ['case.closed'],
      }),
  },
  'POST /webhooks/:id/disable': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: async (r, allowed) =>
      call(
        api.url,
        'POST',
        `/webhooks/${allowed ? await freshWebhook() : await aWebhook()}/disable`,
        as[r],
        {},
      ),
  },
  'GET /webhooks/:id/deliveries': {
    expect: only('200', ['admin'], auditorOr('WRONG_ROLE')),
    run: get(async () => `/webhooks/${await aWebhook()}/deliveries`),
  },
  'GET /reports/kpis': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/kpis?from=2026-01-01&to=2026-12-31'),
  },
  // X10 000 §六.1: sales (any role) and admins record the month's sales volume
  'PUT /reports/sales-volumes/:month': {
    expect: only('200', [...SALES, 'admin'], auditorOr('WRONG_DEPARTMENT')),
    run: (r) => call(api.url, 'PUT', '/reports/sales-volumes/2026-01', as[r], { units: 120 }),
  },
  'GET /reports/repair-kpis': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/repair-kpis?from=2026-01-01&to=2026-12-31'),
  },
  'POST /follow-ups': {
    expect: only('201', CS, auditorOr('WRONG_DEPARTMENT')),
    run: (r) =>
      call(api.url, 'POST', '/follow-ups', as[r], {
        plan: 'key_customer',
        planRef: 'C-0001',
        customer: { name: '钱七' },
      }),
  },
  // F01 F06 F07 (004 三.(一)): CS keeps the follow-up plans; the GM office, auditors and admins
  // read them. A run of a past day is idempotent: every allowed cell gets the same cases.
  'GET /follow-up-plans': {
    expect: only('200', [...CS, ...GM_OFFICE, 'admin'], () => 'WRONG_DEPARTMENT'),
    run: get('/follow-up-plans?date=2026-10-08'),
  },
  'POST /follow-up-plans/customers': {
    expect: only('201', CS, auditorOr('WRONG_DEPARTMENT')),
    run: (r) =>
      call(api.url, 'POST', '/follow-up-plans/customers', as[r], {
        customerRef: 'C-MATRIX-1',
        name: '钱七',
        kind: 'key',
      }),
  },
  'POST /follow-up-plans/runs': {
    expect: only('201', CS, auditorOr('WRONG_DEPARTMENT')),
    run: (r) => call(api.url, 'POST', '/follow-up-plans/runs', as[r], { date: '2026-01-05' }),
  },
  // F13 001 §14: a CS manager starts an ad hoc opinion survey; idempotent by campaign id, so
  // every allowed cell gets the same cases
  'POST /follow-up-plans/campaigns': {
    expect: only('201', ['cs manager'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : r === 'cs staff' ? 'WRONG_ROLE' : 'WRONG_DEPARTMENT',
    ),
    run: async (r) => {
      await call(api.url, 'POST', '/follow-up-plans/customers', as['cs manager'], {
        customerRef: 'C-MATRIX-1',
        name: '钱七',
        kind: 'key',
      });
      return call(api.url, 'POST', '/follow-up-plans/campaigns', as[r], {
        campaignId: 'MATRIX-F13',
        customerRefs: ['C-MATRIX-1'],
      });
    },
  },
  // 001 §28: the GM office (and admins) start a month's review by hand; the GM office, HR and
  // admins read the reviews. One month is reviewed once: every allowed cell gets the same case.
  'POST /monthly-reviews': {
    expect: only('201', ['vp', 'gm', 'admin'], auditorOr('WRONG_DEPARTMENT')),
    run: (r) => call(api.url, 'POST', '/monthly-reviews', as[r], { month: '2026-01' }),
  },
  'GET /monthly-reviews': {
    expect: only('200', [...GM_OFFICE, 'admin'], () => 'WRONG_DEPARTMENT'),
    run: get('/monthly-reviews'),
  },
  'GET /monthly-reviews/:month': {
    expect: only('200', [...GM_OFFICE, 'admin'], () => 'WRONG_DEPARTMENT'),
    run: get(async () => `/monthly-reviews/${await aReview()}`),
  },
  'GET /reports/follow-up-kpis': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/follow-up-kpis?from=2026-01-01&to=2026-12-31'),
  },
  // F17 003 §四.4: the follow-up analysis report of a month, with its improvement measures
  'GET /reports/follow-up-analysis': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/follow-up-analysis?month=2026-11'),
  },
  // F16 004 八.(二)2: the supervision ledger of a month's spot checks
  'GET /reports/supervision-ledger': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/supervision-ledger?month=2026-11'),
  },
  // F17 003 §四.4: a CS manager sets an improvement measure (owner, goal, completion date)
  'POST /improvement-measures': {
    expect: only('201', ['cs manager'], (r) =>
      r === 'auditor' ? 'AUDITOR_READ_ONLY' : r === 'cs staff' ? 'WRONG_ROLE' : 'WRONG_DEPARTMENT',
    ),
    run: (r) =>
      call(api.url, 'POST', '/improvement-measures', as[r], {
        analysisMonth: '2026-11',
        finding: 'arrival_time below satisfied',
        measure: '送货前电话确认',
        goal: '到达时间无一般及较差',
        owner: { userId: as.warehouse.user.id },
        dueDate: '2027-03-14',
      }),
  },
  // M06 003 §五.2: the service appraisal by month, quarter and year
  'GET /reports/service-appraisal': {
    expect: only('200', REPORT_READERS, () => 'WRONG_ROLE'),
    run: get('/reports/service-appraisal?year=2026'),
  },
  // Policy versions (issue 12 #5): read by admins, auditors and managers; published by admins.
  'GET /policies': {
    expect: only('200', POLICY_READERS, () => 'WRONG_ROLE'),
    run: get('/policies'),
  },
  'GET /policies/:version': {
    expect: only('200', POLICY_READERS, () => 'WRONG_ROLE'),
    run: get('/policies/1'),
  },
  'GET /policies/:a/diff/:b': {
    expect: only('200', POLICY_READERS, () => 'WRONG_ROLE'),
    run: get('/policies/1/diff/1'),
  },
  'POST /policies': {
    expect: only('201', ['admin'], auditorOr('WRONG_ROLE')),
    run: async (r) => {
      // the latest document again as the next version (same rules: other rows are unaffected)
      const versions = await call(api.url, 'GET', '/policies', as.admin);
      const latest = (versions.body as Array<{ version: number }>).at(-1)?.version ?? 1;
      const doc = await call(api.url, 'GET', `/policies/${latest}`, as.admin);
      return call(api.url, 'POST', '/policies', as[r], {
        ...doc.body.document,
        version: latest + 1,
        name: `matrix ${r}`,
      });
    },
  },
  // Absences (issue 12 #7): every user records and cancels their own; auditors change nothing.
  'POST /users/me/absences': {
    expect: only('201', WORKERS_AND_ADMIN, () => 'AUDITOR_READ_ONLY'),
    run: async (r) =>
      call(api.url, 'POST', '/users/me/absences', as[r], {
        startsAt: '2031-01-06T09:00:00+08:00',
        endsAt: '2031-01-07T18:00:00+08:00',
        delegateUserId: await delegateFor(r),
      }),
  },
  'GET /users/me/absences': { expect: everyone('200'), run: get('/users/me/absences') },
  'POST /users/me/absences/:id/cancel': {
    expect: only('200', WORKERS_AND_ADMIN, () => 'AUDITOR_READ_ONLY'),
    run: async (r, allowed) => {
      let id = '00000000-0000-4000-8000-000000000000';
      if (allowed) {
        const res = await call(api.url, 'POST', '/users/me/absences', as[r], {
          startsAt: '2031-02-03T09:00:00+08:00',
          endsAt: '2031-02-04T18:00:00+08:00',
          delegateUserId: await delegateFor(r),
        });
        expect(res.status).toBe(201);
        id = res.body.id as string;
      }
      return call(api.url, 'POST', `/users/me/absences/${id}/cancel`, as[r], {});
    },
  },
  // The web app's cookie session (auth/web-session.ts): self-service like the JSON flow.
  'POST /auth/web/login': {
    expect: everyone('200'),
    run: async (r) =>
      webAuth('login', undefined, {
        organisation: ORG,
        username: ROLES[r],
        password: E2E_PASSWORD,
      }),
  },
  'POST /auth/web/refresh': {
    expect: everyone('200'),
    run: async (r) => webAuth('refresh', await webCookie(r)),
  },
  'POST /auth/web/logout': {
    expect: everyone('204'),
    run: async (r) => webAuth('logout', await webCookie(r)),
  },
  // Last: it ends the user's refresh sessions (its own login, so the matrix's session stays).
  'POST /auth/logout': {
    expect: everyone('204'),
    run: async (r) => call(api.url, 'POST', '/auth/logout', await login(api.url, ROLES[r], ORG)),
  },
};

/** Auth self-service: every role, auditors included, logs in and out of its own session. */
const SELF_SERVICE = new Set([
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /auth/logout',
  'POST /auth/web/login',
  'POST /auth/web/refresh',
  'POST /auth/web/logout',
]);

const discovered = discoverRoutes(AppModule as Type<unknown>);

const outcome = (res: Result): string =>
  res.status < 300 ? String(res.status) : `${res.status} ${res.body?.code ?? '(no code)'}`;

describe('authorization matrix: every endpoint × every seeded role', () => {
  // Rows ahead of a route (written for an endpoint another change registers) are not run.
  test('every route Nest serves has a row', () => {
    expect(discovered.length).toBeGreaterThan(20);
    const rows = Object.keys(MATRIX).sort();
    expect({ missingRows: discovered.filter((r) => !rows.includes(r)) }).toEqual({
      missingRows: [],
    });
  });

  test('auditors: every write outside their own session is 403 AUDITOR_READ_ONLY', () => {
    const writes = discovered.filter((r) => !r.startsWith('GET ') && !SELF_SERVICE.has(r));
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      expect({ route, auditor: MATRIX[route]?.expect('auditor') }).toEqual({
        route,
        auditor: '403 AUDITOR_READ_ONLY',
      });
    }
  });

  test.each(Object.keys(MATRIX).filter((r) => discovered.includes(r)))('%s', async (route) => {
    const row = MATRIX[route] as Row;
    const expected = Object.fromEntries(ALL.map((r) => [r, row.expect(r)]));
    const actual: Record<string, string> = {};
    await Promise.all(
      ALL.map(async (r) => {
        actual[r] = outcome(await row.run(r, !row.expect(r).startsWith('403')));
      }),
    );
    expect(actual).toEqual(expected);
  });
});

describe('approval limits', () => {
  test('cs-mgr-02 (personal limit ¥500) approving a ¥930 resolution → 403 APPROVAL_LIMIT_EXCEEDED, nothing moves; cs-mgr-01 approves it', async () => {
    const caseNumber = await openCase();
    await complete(as['cs staff'], caseNumber, register);
    await complete(as['rnd staff'], caseNumber, {
      type: 'SubmitInvestigationReport',
      report: {
        cause: 'product_quality',
        findings: '屏幕排线松动',
        qualityClaimVerified: true,
        responsibleUnit: '装配车间',
        responsiblePersons: ['worker-21'],
        correctiveAction: '加固排线',
        externalParty: null,
      },
    });
    await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
    await complete(as['cs staff'], caseNumber, {
      type: 'ProposeResolution',
      responsibleUnit: '装配车间',
      responsiblePersons: ['worker-21'],
      method: 'discount',
      trackImprovement: false,
      humanNegligence: false,
      // 3 × ¥300 + ¥20 + ¥10 = ¥930: within the CS manager role's limit, above cs-mgr-02's own
      lossBasis: {
        unitCostFen: 30_000,
        quantity: 3,
        freightFen: 2_000,
        handlingFen: 1_000,
        compensationFen: 0,
      },
      penalties: [],
    });
    const approval = await taskFor(csLimited, caseNumber, 'ApproveResolution');
    const refused = await call(api.url, 'POST', `/tasks/${approval.taskId}/complete`, csLimited, {
      command: { type: 'ApproveResolution' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'APPROVAL_LIMIT_EXCEEDED',
      details: { amountFen: 93_000, limitFen: 50_000 },
    });
    const still = await taskFor(as['cs manager'], caseNumber, 'ApproveResolution');
    expect(still.taskId).toBe(approval.taskId);
    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.auditor);
    expect(
      history.body.some(
        (e: { action: string; data: { code?: string } }) =>
          e.action === 'ActionRefused' && e.data.code === 'APPROVAL_LIMIT_EXCEEDED',
      ),
    ).toBe(true);
    const approved = await call(
      api.url,
      'POST',
      `/tasks/${approval.taskId}/complete`,
      as['cs manager'],
      { command: { type: 'ApproveResolution' } },
    );
    expect(approved.status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// The task rule book, at the API and in the workflow (issue 9 #3)
// ---------------------------------------------------------------------------------------------

/**
 * claim / complete / unclaim / delegate × every role of the matrix and a CS supervisor × a CS
 * task, a sales task and a company-wide task (department null). A cell is the API's answer.
 * When the API refuses, the same update is also sent straight to the case's workflow (the real
 * Temporal server), with the actor the API would have sent, and the validator's code is put
 * beside it: a cell reads `403 CODE` when both refuse alike and `403 CODE | workflow OTHER`
 * when they differ (auditors only: AUDITOR_READ_ONLY is the API's own answer). An allowed cell
 * is a 2xx from the API, which it gives only once the workflow accepted the update (a workflow
 * refusal comes back as its 403/409 code). The table is written out, not computed.
 */
type RuleRole = Role | 'cs supervisor';
type TaskKind = 'cs task' | 'sales task' | 'company-wide task';
type TaskAction = 'claim' | 'complete' | 'unclaim' | 'delegate';
const RULE_ROLES: RuleRole[] = [...ALL, 'cs supervisor'];

let connection: Connection;
let closeTemporal: (() => Promise<void>) | undefined;
let temporal: TemporalClient;
let ruleAs: Record<RuleRole, Session>;
/** holders of claimed tasks (not in the table): cs-02, a second sales staff, a second VP */
let holders: Record<TaskKind, Session>;

async function extraUser(name: string, department: string, role: string): Promise<Session> {
  const username = `rules-${process.pid}-${name}`;
  const res = await call(api.url, 'POST', '/admin/users', as.admin, {
    username,
    displayName: name,
    password: 'matrix-password-0123',
    department,
    roles: [role],
  });
  expect(res.status).toBe(201);
  return login(api.url, username, ORG, 'matrix-password-0123');
}

interface TaskFixture {
  /** a fresh case and its task, open */
  open: () => Promise<{ caseNumber: string; taskId: string }>;
  delegateTo: () => Session;
  command: { type: string } & Record<string, unknown>;
}

const RULE_FIXTURES: Record<TaskKind, TaskFixture> = {
  'cs task': { open: registrationTask, delegateTo: () => as['cs staff'], command: register },
  'sales task': {
    open: async () => {
      const caseNumber = await openCase();
      const { taskId } = await taskFor(as['sales staff'], caseNumber, 'RecordFirstResponse');
      return { caseNumber, taskId };
    },
    delegateTo: () => as['sales staff'],
    command: { type: 'RecordFirstResponse', channel: 'phone', summary: '已致电客户' },
  },
  // the VP in charge's review of a severe complaint (001 §18): department null, roles ['vp']
  'company-wide task': {
    open: async () => {
      const caseNumber = await openCase();
      await complete(as['cs staff'], caseNumber, { ...register, severity: 'severe' });
      const task = await eventually(async () => {
        const res = await call(api.url, 'GET', `/inbox?scope=all&caseNumber=${caseNumber}`, as.vp);
        return (res.body.items as (Task & { candidateDepartment: string | null })[]).find((t) =>
          t.commands.includes('CompleteSevereReview'),
        );
      });
      expect(task.candidateDepartment).toBeNull();
      return { caseNumber, taskId: task.taskId };
    },
    delegateTo: () => as.vp,
    command: { type: 'CompleteSevereReview', remarks: '已阅' },
  },
};

const ruleNeedsClaimed = (a: TaskAction) => a === 'unclaim' || a === 'delegate';

async function ruleFixture(kind: TaskKind, action: TaskAction) {
  const t = await RULE_FIXTURES[kind].open();
  if (ruleNeedsClaimed(action)) {
    const holder = holders[kind];
    const res = await call(api.url, 'POST', `/tasks/${t.taskId}/claim`, holder, {});
    expect(res.status).toBe(200);
  }
  return t;
}

const actorOf = (s: Session): CaseActor => ({
  userId: s.user.id,
  department: s.user.department as CaseActor['department'],
  roles: s.user.roles as CaseActor['roles'],
  approvalLimitFen: s.user.approvalLimitFen,
});

async function ruleApi(
  kind: TaskKind,
  action: TaskAction,
  s: Session,
  t: { taskId: string },
): Promise<Result> {
  const path = `/tasks/${t.taskId}/${action}`;
  const body =
    action === 'delegate'
      ? { to: { userId: RULE_FIXTURES[kind].delegateTo().user.id } }
      : action === 'complete'
        ? { command: RULE_FIXTURES[kind].command }
        : {};
  return call(api.url, 'POST', path, s, body);
}

/** The same command sent to the workflow itself: the validator's code, or `accepted`. */
async function ruleWorkflow(
  kind: TaskKind,
  action: TaskAction,
  s: Session,
  t: { caseNumber: string; taskId: string },
): Promise<string> {
  const actor = actorOf(s);
  const handle = temporal.workflow.getHandle(t.caseNumber);
  const to = actorOf(RULE_FIXTURES[kind].delegateTo());
  const sent =
    action === 'claim'
      ? handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: t.taskId, actor }] })
      : action === 'unclaim'
        ? handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId: t.taskId, actor }] })
        : action === 'delegate'
          ? handle.executeUpdate(delegateTaskUpdate, {
              args: [
                {
                  taskId: t.taskId,
                  actor,
                  to: { userId: to.userId, department: to.department, roles: to.roles },
                },
              ],
            })
          : handle.executeUpdate(completeTaskUpdate, {
              args: [{ taskId: t.taskId, actor, command: RULE_FIXTURES[kind].command }],
            });
  try {
    await sent;
    return 'accepted';
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure)
      return e.cause.type ?? '(no type)';
    throw e;
  }
}

/** Who may work each task (claim, complete) and who may hand it on (unclaim, delegate). */
const RULE_WORK: Record<TaskKind, Record<RuleRole, string>> = {
  'cs task': {
    'sales staff': '403 WRONG_DEPARTMENT',
    'sales supervisor': '403 WRONG_DEPARTMENT',
    sales_vp: '403 WRONG_DEPARTMENT',
    'cs staff': '200',
    'cs supervisor': '200',
    'cs manager': '200',
    'rnd staff': '403 WRONG_DEPARTMENT',
    'rnd manager': '403 WRONG_DEPARTMENT',
    finance: '403 WRONG_DEPARTMENT',
    warehouse: '403 WRONG_DEPARTMENT',
    tech: '403 WRONG_DEPARTMENT',
    vp: '403 WRONG_DEPARTMENT',
    gm: '403 WRONG_DEPARTMENT',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_DEPARTMENT',
    admin: '403 WRONG_DEPARTMENT',
  },
  'sales task': {
    'sales staff': '200',
    'sales supervisor': '200',
    sales_vp: '200',
    'cs staff': '403 WRONG_DEPARTMENT',
    'cs supervisor': '403 WRONG_DEPARTMENT',
    'cs manager': '403 WRONG_DEPARTMENT',
    'rnd staff': '403 WRONG_DEPARTMENT',
    'rnd manager': '403 WRONG_DEPARTMENT',
    finance: '403 WRONG_DEPARTMENT',
    warehouse: '403 WRONG_DEPARTMENT',
    tech: '403 WRONG_DEPARTMENT',
    vp: '403 WRONG_DEPARTMENT',
    gm: '403 WRONG_DEPARTMENT',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_DEPARTMENT',
    admin: '403 WRONG_DEPARTMENT',
  },
  'company-wide task': {
    'sales staff': '403 WRONG_ROLE',
    'sales supervisor': '403 WRONG_ROLE',
    sales_vp: '403 WRONG_ROLE',
    'cs staff': '403 WRONG_ROLE',
    'cs supervisor': '403 WRONG_ROLE',
    'cs manager': '403 WRONG_ROLE',
    'rnd staff': '403 WRONG_ROLE',
    'rnd manager': '403 WRONG_ROLE',
    finance: '403 WRONG_ROLE',
    warehouse: '403 WRONG_ROLE',
    tech: '403 WRONG_ROLE',
    vp: '200',
    gm: '403 WRONG_ROLE',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_ROLE',
    admin: '403 WRONG_ROLE',
  },
};

const RULE_HAND_ON: Record<TaskKind, Record<RuleRole, string>> = {
  'cs task': {
    'sales staff': '403 WRONG_DEPARTMENT',
    'sales supervisor': '403 WRONG_DEPARTMENT',
    sales_vp: '403 WRONG_DEPARTMENT',
    'cs staff': '403 WRONG_ROLE',
    'cs supervisor': '200',
    'cs manager': '200',
    'rnd staff': '403 WRONG_DEPARTMENT',
    'rnd manager': '403 WRONG_DEPARTMENT',
    finance: '403 WRONG_DEPARTMENT',
    warehouse: '403 WRONG_DEPARTMENT',
    tech: '403 WRONG_DEPARTMENT',
    vp: '200',
    gm: '200',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_DEPARTMENT',
    admin: '403 WRONG_DEPARTMENT',
  },
  'sales task': {
    'sales staff': '403 WRONG_ROLE',
    'sales supervisor': '200',
    sales_vp: '200',
    'cs staff': '403 WRONG_DEPARTMENT',
    'cs supervisor': '403 WRONG_DEPARTMENT',
    'cs manager': '403 WRONG_DEPARTMENT',
    'rnd staff': '403 WRONG_DEPARTMENT',
    'rnd manager': '403 WRONG_DEPARTMENT',
    finance: '403 WRONG_DEPARTMENT',
    warehouse: '403 WRONG_DEPARTMENT',
    tech: '403 WRONG_DEPARTMENT',
    vp: '200',
    gm: '200',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_DEPARTMENT',
    admin: '403 WRONG_DEPARTMENT',
  },
  'company-wide task': {
    'sales staff': '403 WRONG_ROLE',
    'sales supervisor': '403 WRONG_ROLE',
    sales_vp: '403 WRONG_ROLE',
    'cs staff': '403 WRONG_ROLE',
    'cs supervisor': '403 WRONG_ROLE',
    'cs manager': '403 WRONG_ROLE',
    'rnd staff': '403 WRONG_ROLE',
    'rnd manager': '403 WRONG_ROLE',
    finance: '403 WRONG_ROLE',
    warehouse: '403 WRONG_ROLE',
    tech: '403 WRONG_ROLE',
    vp: '200',
    gm: '200',
    auditor: '403 AUDITOR_READ_ONLY | workflow WRONG_ROLE',
    admin: '403 WRONG_ROLE',
  },
};

const RULE_EXPECTED: Record<TaskAction, Record<TaskKind, Record<RuleRole, string>>> = {
  claim: RULE_WORK,
  complete: RULE_WORK,
  unclaim: RULE_HAND_ON,
  delegate: RULE_HAND_ON,
};

const RULE_CELLS = (['claim', 'complete', 'unclaim', 'delegate'] as const).flatMap((action) =>
  (['cs task', 'sales task', 'company-wide task'] as const).map((kind) => [action, kind] as const),
);

describe('task rule book: the API and the workflow give one answer, every role × claim/complete/unclaim/delegate × CS, sales and company-wide tasks', () => {
  beforeAll(async () => {
    ({ connection, close: closeTemporal } = await connectTestTemporal());
    temporal = new TemporalClient({
      connection,
      namespace: process.env.ASO_E2E_TEMPORAL_NAMESPACE,
    });
    const [csSupervisor, sales2, vp2] = await Promise.all([
      extraUser('cs-sup', 'cs', 'supervisor'),
      extraUser('sales-02', 'sales', 'staff'),
      extraUser('vp-02', 'gm_office', 'vp'),
    ]);
    ruleAs = { ...as, 'cs supervisor': csSupervisor };
    holders = { 'cs task': cs2, 'sales task': sales2, 'company-wide task': vp2 };
  });
  afterAll(async () => {
    await closeTemporal?.();
  });

  test.each(RULE_CELLS)('%s a %s', async (action, kind) => {
    const expected = RULE_EXPECTED[action][kind];
    let shared: Promise<{ caseNumber: string; taskId: string }> | undefined;
    const actual: Record<string, string> = {};
    await Promise.all(
      RULE_ROLES.map(async (r) => {
        const allowed = !expected[r].startsWith('403');
        const t = allowed
          ? await ruleFixture(kind, action)
          : await (shared ??= ruleFixture(kind, action));
        const res = await ruleApi(kind, action, ruleAs[r], t);
        let cell = outcome(res);
        if (res.status >= 300) {
          const workflow = await ruleWorkflow(kind, action, ruleAs[r], t);
          if (workflow !== res.body?.code) cell += ` | workflow ${workflow}`;
        }
        actual[r] = cell;
      }),
    );
    expect(actual).toEqual(expected);
  });
});
