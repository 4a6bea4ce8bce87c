import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { call, E2E_ORG, login, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * A second organisation made by the admin command (issue 12 #8): the built
 * `dist/tools/org-create.js` — what `npm run org:create -- <id>` runs after its build — is run
 * against the e2e database; its printed admin then logs in and sees nothing of the first
 * organisation's real cases and users, and the first's admin sees nothing of it.
 */
const TASK_QUEUE = `e2e-organisations-${process.pid}`;
const NEW_ORG = `acme-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const orgCreate = (...args: string[]) =>
  spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'tools', 'org-create.js'), ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: process.env.ASO_E2E_DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('organisations', () => {
  test('org:create makes a second organisation and its first admin; tenants never see each other', async () => {
    // real data in the first organisation: a complaint and its users
    const firstSales = await login(api.url, 'sales-01');
    const firstAdmin = await login(api.url, 'admin-01');
    const opened = await call(api.url, 'POST', '/complaints', firstSales, {
      customer: { name: '吴十', phone: '13300133000' },
      orderNumber: `SO-TENANT-${process.pid}`,
      batchNumber: 'B2612-03',
      shipDate: '2026-11-26',
      defectDescription: '录音笔无声',
      demand: '退货',
      quantity: 1,
      channel: 'phone',
    });
    expect(opened.status).toBe(201);
    const caseNumber = opened.body.caseNumber as string;
    await eventually(async () =>
      (await call(api.url, 'GET', `/cases/${caseNumber}`, firstSales)).status === 200
        ? true
        : undefined,
    );

    const run = orgCreate(NEW_ORG, '--name', 'Acme 售后');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const m = /username (\S+)\s+password (\S+)/.exec(run.stdout);
    expect(m).not.toBeNull();
    const [, username, password] = m as RegExpExecArray;
    expect(username).toBe('admin');

    const admin: Session = await login(api.url, username as string, NEW_ORG, password);
    expect(admin.user).toMatchObject({ organisation: NEW_ORG, roles: ['admin'] });

    // the new admin sees only their own organisation
    const users = await call(api.url, 'GET', '/admin/users', admin);
    expect(users.status).toBe(200);
    expect((users.body as Array<{ username: string }>).map((u) => u.username)).toEqual(['admin']);
    expect((await call(api.url, 'GET', '/cases', admin)).body).toMatchObject({ total: 0 });
    expect((await call(api.url, 'GET', `/cases/${caseNumber}`, admin)).status).toBe(404);
    expect((await call(api.url, 'GET', `/cases/${caseNumber}/audit`, admin)).status).toBe(404);
    expect((await call(api.url, 'GET', '/inbox', admin)).body).toMatchObject({ total: 0 });
    const policies = await call(api.url, 'GET', '/policies', admin);
    expect((policies.body as Array<{ version: number }>).map((p) => p.version)).toEqual([1, 2]);
    const firstUserId = firstSales.user.id;
    expect(
      (await call(api.url, 'PATCH', `/admin/users/${firstUserId}`, admin, { displayName: 'x' }))
        .status,
    ).toBe(404);
    // the first organisation's users cannot log in to the new one
    expect(
      (
        await call(api.url, 'POST', '/auth/login', undefined, {
          organisation: NEW_ORG,
          username: 'sales-01',
          password: 'e2e-demo-password',
        })
      ).status,
    ).toBe(401);

    // the new admin creates a user there; the first organisation's admin never sees them
    const created = await call(api.url, 'POST', '/admin/users', admin, {
      username: 'cs-01',
      displayName: 'Acme 客服',
      password: 'acme-password-0123',
      department: 'cs',
      roles: ['staff'],
    });
    expect(created.status).toBe(201);
    const firstUsers = await call(api.url, 'GET', '/admin/users', firstAdmin);
    expect(
      (firstUsers.body as Array<{ id: string; organisation: string }>).filter(
        (u) => u.id === created.body.id || u.organisation !== E2E_ORG,
      ),
    ).toEqual([]);

    // the command never adds an admin to an organisation that exists
    const again = orgCreate(NEW_ORG);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const seeded = orgCreate(E2E_ORG);
    expect(seeded.status).toBe(1);
    expect(seeded.stderr).toMatch(/already exists/);
    expect(orgCreate('Bad Id!').status).toBe(1);
  });
});
