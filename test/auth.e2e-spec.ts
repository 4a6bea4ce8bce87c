import { SignJWT } from 'jose';
import {
  actors as usernames,
  call,
  E2E_JWT_SECRET,
  E2E_PASSWORD,
  login,
  loginAll,
  OTHER_ORG,
  type ActorName,
  type Session,
} from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Authentication and authorization over HTTP: api + worker processes + Temporal dev server +
 * PostgreSQL, all real. Users are the demo users seeded into two organisations by the e2e
 * global setup (tools/seed-demo.ts).
 */
const TASK_QUEUE = `e2e-auth-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;
let other: Record<ActorName, Session>;

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  [as, other] = await Promise.all([loginAll(api.url), loginAll(api.url, OTHER_ORG)]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const PHONE = '13912345678';
const complaint = {
  customer: { name: '李四', phone: PHONE },
  orderNumber: 'SO-AUTH-01',
  batchNumber: 'B2611-08',
  shipDate: '2026-11-10',
  defectDescription: '录音笔无法充电',
  demand: '换货',
  quantity: 3,
  channel: 'phone',
};
const register = { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' };

async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as.sales, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const taskFor = (s: Session, caseNumber: string, command: string) =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, s);
    return (res.body.items as Array<{ taskId: string; commands: string[] }>).find((t) =>
      t.commands.includes(command),
    );
  });

const forge = (claims: { sub: string; org: string }, exp: number, key = E2E_JWT_SECRET) =>
  new SignJWT({ org: claims.org, typ: 'access' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer('after-sales-api')
    .setAudience('after-sales-api')
    .setIssuedAt(exp - 900)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(key));

describe('authentication', () => {
  test('login returns short-lived access + refresh tokens and the user from the record; /auth/me echoes it', async () => {
    const s = await login(api.url, usernames.csManagerLimited);
    expect(s.expiresIn).toBe(900);
    expect(s.user).toMatchObject({
      organisation: 'e2e-org',
      username: 'cs-mgr-02',
      department: 'cs',
      roles: ['manager'],
      approvalLimitFen: 50_000,
    });
    const me = await call(api.url, 'GET', '/auth/me', s);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(s.user);
  });

  test('wrong password, unknown user, unknown organisation → the same 401 INVALID_CREDENTIALS', async () => {
    for (const body of [
      { organisation: 'e2e-org', username: 'cs-01', password: 'wrong-password' },
      { organisation: 'e2e-org', username: 'nobody', password: E2E_PASSWORD },
      { organisation: 'no-such-org', username: 'cs-01', password: E2E_PASSWORD },
    ]) {
      const res = await call(api.url, 'POST', '/auth/login', undefined, body);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
  });

  test('refresh rotates the refresh token; replaying a used one ends every session of that user', async () => {
    const s = await login(api.url, usernames.cs2);
    const r1 = await call(api.url, 'POST', '/auth/refresh', undefined, {
      refreshToken: s.refreshToken,
    });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s.refreshToken);
    expect((await call(api.url, 'GET', '/auth/me', r1.body)).body.username).toBe('cs-02');
    const replay = await call(api.url, 'POST', '/auth/refresh', undefined, {
      refreshToken: s.refreshToken,
    });
    expect({ status: replay.status, code: replay.body.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const afterReplay = await call(api.url, 'POST', '/auth/refresh', undefined, {
      refreshToken: r1.body.refreshToken,
    });
    expect(afterReplay.status).toBe(401);
  });

  test('no token, a garbage token, a token signed with another key and an expired token → 401 UNAUTHENTICATED', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sub = { sub: as.cs.user.id, org: 'e2e-org' };
    const cases: Array<[string, { authorization: string } | undefined]> = [
      ['none', undefined],
      ['garbage', { authorization: 'Bearer not.a.jwt' }],
      ['not bearer', { authorization: 'Basic Y3MtMDE6cGFzcw==' }],
      ['other key', { authorization: `Bearer ${await forge(sub, now + 600, 'x'.repeat(40))}` }],
      ['expired', { authorization: `Bearer ${await forge(sub, now - 60)}` }],
    ];
    for (const [name, auth] of cases) {
      for (const [method, path] of [
        ['GET', '/inbox'],
        ['GET', '/cases'],
        ['POST', '/complaints'],
        ['GET', '/auth/me'],
      ] as const) {
        const res = await call(
          api.url,
          method,
          path,
          auth,
          method === 'POST' ? complaint : undefined,
        );
        expect({ name, path, status: res.status, code: res.body.code }).toEqual({
          name,
          path,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
    const expired = await call(api.url, 'GET', '/inbox', {
      authorization: `Bearer ${await forge(sub, now - 60)}`,
    });
    expect(expired.body.details.reason).toBe('expired');
    // A correctly signed token naming the user under another organisation resolves to nobody.
    const crossed = await call(api.url, 'GET', '/auth/me', {
      authorization: `Bearer ${await forge({ sub: as.cs.user.id, org: OTHER_ORG }, now + 600)}`,
    });
    expect(crossed.status).toBe(401);
    expect((await call(api.url, 'GET', '/healthz', undefined)).status).toBe(200);
  });
});

describe('authorization', () => {
  test('auditors read everything but every write is 403 AUDITOR_READ_ONLY, and nothing moved', async () => {
    const caseNumber = await openCase();
    const task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/complaints', complaint],
      ['POST', `/tasks/${task.taskId}/claim`, {}],
      ['POST', `/tasks/${task.taskId}/unclaim`, {}],
      ['POST', `/tasks/${task.taskId}/delegate`, { to: { userId: as.cs2.user.id } }],
      ['POST', `/tasks/${task.taskId}/complete`, { command: register }],
      [
        'POST',
        '/admin/users',
        {
          username: 'x-1',
          displayName: 'x',
          password: 'long-enough-password',
          department: 'cs',
          roles: ['staff'],
        },
      ],
      ['PATCH', `/admin/users/${as.cs.user.id}`, { roles: ['manager'] }],
      ['POST', `/admin/users/${as.cs.user.id}/deactivate`, {}],
    ];
    for (const [method, path, body] of writes) {
      const res = await call(api.url, method, path, as.auditor, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'AUDITOR_READ_ONLY',
      });
    }
    for (const path of [
      `/cases/${caseNumber}`,
      `/cases/${caseNumber}/audit`,
      `/cases/${caseNumber}/audit/verify`,
      `/cases/${caseNumber}/documents`,
      `/cases/${caseNumber}/customer-view`,
      '/cases',
    ]) {
      expect({ path, status: (await call(api.url, 'GET', path, as.auditor)).status }).toEqual({
        path,
        status: 200,
      });
    }
    const row = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
    expect(row.body.tasks.find((t: { taskId: string }) => t.taskId === task.taskId)).toMatchObject({
      status: 'open',
      assignee: null,
    });
  });

  test("another organisation's users cannot see or act on this organisation's case: 404, nothing leaks", async () => {
    const caseNumber = await openCase();
    const task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    for (const who of [other.cs, other.auditor, other.gm]) {
      for (const path of [
        `/cases/${caseNumber}`,
        `/cases/${caseNumber}/documents`,
        `/cases/${caseNumber}/audit`,
        `/cases/${caseNumber}/audit/verify`,
        `/cases/${caseNumber}/customer-view`,
      ]) {
        const res = await call(api.url, 'GET', path, who);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'CASE_NOT_FOUND',
        });
        expect(JSON.stringify(res.body)).not.toContain(complaint.customer.name);
      }
      const inbox = await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, who);
      expect(inbox.body.items).toEqual([]);
      const list = await call(api.url, 'GET', '/cases?limit=200', who);
      expect(list.body.items.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(
        caseNumber,
      );
    }
    for (const [path, body] of [
      [`/tasks/${task.taskId}/complete`, { command: register }],
      [`/tasks/${task.taskId}/claim`, {}],
    ] as const) {
      const res = await call(api.url, 'POST', path, other.cs, body);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'TASK_NOT_FOUND',
      });
    }
    // an admin of the other organisation cannot touch this organisation's users either
    const res = await call(api.url, 'PATCH', `/admin/users/${as.cs.user.id}`, other.admin, {
      roles: ['manager'],
    });
    expect(res.status).toBe(404);
    // …and the case is still waiting for this organisation's CS
    expect((await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs)).body.status).toBe(
      'awaiting_registration',
    );
  });

  test('X05 002 ch.4: role and department scoping: other departments cannot read a case they do not work', async () => {
    const caseNumber = await openCase();
    await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const warehouse = await call(api.url, 'GET', `/cases/${caseNumber}`, as.warehouse);
    expect({ status: warehouse.status, code: warehouse.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const rndClaim = await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, as.rnd, {});
    expect(rndClaim.status).toBe(403);
    // releasing someone else's claim needs a lead of the department
    expect((await call(api.url, 'POST', `/tasks/${task.taskId}/claim`, as.cs, {})).status).toBe(
      200,
    );
    const byPeer = await call(api.url, 'POST', `/tasks/${task.taskId}/unclaim`, as.cs2, {});
    expect({ status: byPeer.status, code: byPeer.body.code }).toEqual({
      status: 403,
      code: 'WRONG_ROLE',
    });
    // delegating to a user of another department is refused before the workflow is asked
    const toRnd = await call(api.url, 'POST', `/tasks/${task.taskId}/delegate`, as.cs, {
      to: { userId: as.rnd.user.id },
    });
    expect(toRnd.body.code).toBe('WRONG_DEPARTMENT');
  });

  test('X05 C22 002 ch.4, 001 §25.6: customer-facing view carries no internal form; lists mask phone numbers; the internal view is for those who work the case', async () => {
    const caseNumber = await openCase();
    await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const view = await call(api.url, 'GET', `/cases/${caseNumber}/customer-view`, as.sales);
    expect(view.status).toBe(200);
    expect(Object.keys(view.body).sort()).toEqual(
      [
        'acceptedAt',
        'caseNumber',
        'closedAt',
        'customer',
        'decision',
        'defectDescription',
        'notices',
        'openedAt',
        'orderNumber',
        'progress',
        'quantity',
        'type',
      ].sort(),
    );
    const text = JSON.stringify(view.body);
    for (const internal of ['lossAmount', 'penalt', 'responsible', 'severity', 'tasks', PHONE]) {
      expect(text).not.toContain(internal);
    }
    expect(view.body.customer.phone).toBe('139****5678');
    const list = await call(api.url, 'GET', '/cases?limit=200', as.sales);
    const item = list.body.items.find((c: { caseNumber: string }) => c.caseNumber === caseNumber);
    expect(item.customer.phone).toBe('139****5678');
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
    const internal = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
    expect(internal.body.customer.phone).toBe(PHONE);
  });

  test('admin endpoints: non-admins are refused; an admin creates a user, sets department, roles and limit, and deactivates them', async () => {
    const newUser = {
      username: `fin-${process.pid}`,
      displayName: '财务 新人',
      password: 'a-long-enough-password',
      department: 'finance',
      roles: ['staff'],
    };
    for (const who of [as.cs, as.csManager, as.gm, as.sales]) {
      for (const [method, path, body] of [
        ['GET', '/admin/users', undefined],
        ['POST', '/admin/users', newUser],
        ['PATCH', `/admin/users/${as.cs2.user.id}`, { approvalLimitFen: 1 }],
        ['POST', `/admin/users/${as.cs2.user.id}/deactivate`, {}],
      ] as const) {
        const res = await call(api.url, method, path, who, body);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 403,
          code: 'WRONG_ROLE',
        });
      }
    }
    const created = await call(api.url, 'POST', '/admin/users', as.admin, newUser);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ department: 'finance', roles: ['staff'], active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);
    expect((await call(api.url, 'POST', '/admin/users', as.admin, newUser)).body.code).toBe(
      'USERNAME_TAKEN',
    );
    const s = await login(api.url, newUser.username, 'e2e-org', newUser.password);
    const changed = await call(api.url, 'PATCH', `/admin/users/${created.body.id}`, as.admin, {
      department: 'cs',
      roles: ['manager'],
      approvalLimitFen: 123_400,
    });
    expect(changed.body).toMatchObject({
      department: 'cs',
      roles: ['manager'],
      approvalLimitFen: 123_400,
    });
    // the access token is re-read per request: the change shows at once
    expect((await call(api.url, 'GET', '/auth/me', s)).body).toMatchObject({
      department: 'cs',
      approvalLimitFen: 123_400,
    });
    // …and it ended the refresh session issued before it
    expect(
      (await call(api.url, 'POST', '/auth/refresh', undefined, { refreshToken: s.refreshToken }))
        .status,
    ).toBe(401);
    const off = await call(
      api.url,
      'POST',
      `/admin/users/${created.body.id}/deactivate`,
      as.admin,
      {},
    );
    expect(off.body.active).toBe(false);
    expect((await call(api.url, 'GET', '/auth/me', s)).status).toBe(401);
    const relogin = await call(api.url, 'POST', '/auth/login', undefined, {
      organisation: 'e2e-org',
      username: newUser.username,
      password: newUser.password,
    });
    expect(relogin.status).toBe(401);
  });

  // Drives the complaint to its approval: depends on the complaint workflow (being rewritten).
  test('a manager whose personal approval limit is below the amount is refused with 403 APPROVAL_LIMIT_EXCEEDED', async () => {
    const caseNumber = await openCase();
    const complete = async (s: Session, command: { type: string } & Record<string, unknown>) => {
      const task = await taskFor(s, caseNumber, command.type);
      return call(api.url, 'POST', `/tasks/${task.taskId}/complete`, s, { command });
    };
    expect((await complete(as.cs, register)).status).toBe(200);
    expect(
      (
        await complete(as.rnd, {
          type: 'SubmitInvestigationReport',
          report: {
            cause: 'product_quality',
            findings: '充电口虚焊',
            qualityClaimVerified: true,
            responsibleUnit: '装配车间',
            responsiblePersons: ['worker-17'],
            correctiveAction: '加强焊接检验',
            externalParty: null,
          },
        })
      ).status,
    ).toBe(200);
    expect((await complete(as.vp, { type: 'ApproveInvestigationReport' })).status).toBe(200);
    expect(
      (
        await complete(as.cs, {
          type: 'ProposeResolution',
          responsibleUnit: '装配车间',
          responsiblePersons: ['worker-17'],
          method: 'discount',
          trackImprovement: false,
          humanNegligence: false,
          lossBasis: {
            unitCostFen: 30_000,
            quantity: 3,
            freightFen: 2_000,
            handlingFen: 1_000,
            compensationFen: 0,
          },
          penalties: [],
        })
      ).status,
    ).toBe(200);
    // ¥920 > cs-mgr-02's personal limit of ¥500 (the CS manager role allows ¥5,000)
    const refused = await complete(as.csManagerLimited, { type: 'ApproveResolution' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'APPROVAL_LIMIT_EXCEEDED',
    });
    expect((await complete(as.csManager, { type: 'ApproveResolution' })).status).toBe(200);
  });

  test('logs are structured, carry request id, user and case number, and never hold passwords, tokens or full phone numbers', async () => {
    const caseNumber = await openCase();
    await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
    await call(api.url, 'POST', '/auth/login', undefined, {
      organisation: 'e2e-org',
      username: 'cs-01',
      password: 'a-wrong-password-42',
    });
    const lines = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const detail = lines.find(
      (l) => l.caseNumber === caseNumber && (l.req as { method?: string })?.method === 'GET',
    );
    expect(detail).toMatchObject({ userId: as.cs.user.id, organisationId: 'e2e-org' });
    expect(typeof (detail?.req as { id?: string }).id).toBe('string');
    const all = api.output();
    for (const secret of [
      E2E_PASSWORD,
      'a-wrong-password-42',
      as.cs.accessToken,
      as.cs.refreshToken,
      PHONE,
      '13800138000',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  test('issue 8 #7: two refused actions with the same X-Request-Id are two ActionRefused events, and the chain verifies', async () => {
    const caseNumber = await openCase();
    const task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
    const requestId = `reused-${process.pid}`;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${api.url}/tasks/${task.taskId}/complete`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${as.rnd.accessToken}`,
          'x-request-id': requestId,
        },
        body: JSON.stringify({ command: register }),
      });
      expect(res.status).toBe(403);
    }
    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.cs);
    const refusals = (
      history.body as Array<{ action: string; data: { requestId?: string } }>
    ).filter((e) => e.action === 'ActionRefused');
    expect(refusals).toHaveLength(2);
    // the client's id is kept as correlation data only
    expect(refusals.map((e) => e.data.requestId)).toEqual([requestId, requestId]);
    expect(
      (await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, as.cs)).body,
    ).toMatchObject({ valid: true });
  });

  test('issue 8 #9: secrets and phone numbers in a request URL query are [REDACTED] in the request log', async () => {
    const marker = `q${process.pid}`;
    const query =
      `?password=pw-${marker}&access_token=at-${marker}&token=tk-${marker}` +
      `&refresh_token=rt-${marker}&phone=13700137000&mark=${marker}`;
    await call(api.url, 'GET', `/cases${query}`, as.cs);
    await call(api.url, 'POST', `/auth/login${query}`, undefined, {
      organisation: 'e2e-org',
      username: 'cs-01',
      password: E2E_PASSWORD,
    });
    const logged = await eventually(async () => {
      const lines = api
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes(`mark=${marker}`))
        .map((l) => JSON.parse(l) as { req?: { url?: string } });
      return lines.length >= 2 ? lines : undefined;
    }, 10_000);
    for (const line of logged) {
      expect(line.req?.url).toContain('password=[REDACTED]');
      expect(line.req?.url).toContain('access_token=[REDACTED]');
      expect(line.req?.url).toContain('refresh_token=[REDACTED]');
      expect(line.req?.url).toContain('phone=[REDACTED]');
    }
    const all = api.output();
    for (const secret of [
      `pw-${marker}`,
      `at-${marker}`,
      `tk-${marker}`,
      `rt-${marker}`,
      '13700137000',
    ])
      expect(all).not.toContain(secret);
  });
});
