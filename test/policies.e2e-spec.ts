import { Client } from 'pg';
import { defaultPolicy, defaultPolicyInput, policyV2Input } from '@aso/domain';
import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Policy versions for admins (issue 12 #5), over HTTP against the real api + worker + Temporal
 * + PostgreSQL. The suite seeds an organisation of its own: a version published here must not
 * change what the other suites' cases pin. New cases pin the newest built-in version (2) until
 * an admin publishes one (3).
 */
const TASK_QUEUE = `e2e-policies-${process.pid}`;
const ORG = `e2e-policies-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let admin: Session;
let sales: Session;
let cs: Session;
let auditor: Session;
let csManager: Session;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  const who = (u: string) => login(api.url, u, ORG);
  [admin, sales, cs, auditor, csManager] = await Promise.all([
    who('admin-01'),
    who('sales-01'),
    who('cs-01'),
    who('auditor-01'),
    who('cs-mgr-01'),
  ]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const complaint = (order: string) => ({
  customer: { name: '孙八', phone: '13500135000' },
  orderNumber: order,
  batchNumber: 'B2612-01',
  shipDate: '2026-11-20',
  defectDescription: '录音笔无法充电',
  demand: '换货',
  quantity: 1,
  channel: 'phone',
});

async function open(order: string): Promise<{ caseNumber: string; policyVersion: number }> {
  const res = await call(api.url, 'POST', '/complaints', sales, complaint(order));
  expect(res.status).toBe(201);
  return res.body;
}

/** The case as GET /cases/:n shows it once the read model and the live view are there. */
const caseView = (caseNumber: string) =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/cases/${caseNumber}`, cs);
    return res.status === 200 && res.body.live ? res.body : undefined;
  });

/**
 * The built-in v2 counts the 6 days of 001 §26.1 in calendar days (Decision 2); the admin's v3
 * goes back to working days through `unit` (Decision 2 keeps them selectable).
 */
const v3 = {
  ...policyV2Input,
  version: 3,
  name: 'After-sales policy v3 (6 working days to close)',
  effectiveFrom: '2027-01-01',
  deadlines: {
    ...policyV2Input.deadlines,
    complaint: {
      ...policyV2Input.deadlines.complaint,
      close: { ...policyV2Input.deadlines.complaint.close, unit: 'working_days' as const },
    },
  },
};

describe('policy versions for admins', () => {
  test('before any publication the organisation has the built-in versions 1 and 2 (by system); v2 counts the 6 days to close in calendar days (Decision 2)', async () => {
    const res = await call(api.url, 'GET', '/policies', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ version: 1, publishedBy: 'system', effectiveFrom: '2025-01-01' }),
      expect.objectContaining({ version: 2, publishedBy: 'system', effectiveFrom: '2026-12-01' }),
    ]);
    const one = await call(api.url, 'GET', '/policies/1', auditor);
    expect(one.status).toBe(200);
    expect(one.body.document.deadlines.complaint.close).toMatchObject({
      amount: 6,
      unit: 'working_days',
    });
    expect(one.body.document.complaint.decisions).toBeUndefined();
    const two = await call(api.url, 'GET', '/policies/2', auditor);
    expect(two.body.document.deadlines.complaint.close).toMatchObject({
      amount: 6,
      unit: 'calendar_days',
    });
    expect(two.body.document.complaint.decisions.firstResponseRequiredToClose.value).toBe(true);
  });

  test('an admin publishes v3: a new complaint pins v3 while the one opened before keeps v2; the diff names the change; the publication is audited; v2 is never edited', async () => {
    const old = await open(`SO-POLICY-OLD-${process.pid}`);
    expect(old.policyVersion).toBe(2);

    const published = await call(api.url, 'POST', '/policies', admin, v3);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: 3,
      name: v3.name,
      publishedBy: admin.user.id,
      document: { version: 3 },
    });
    expect(published.body.document.deadlines.complaint.close.unit).toBe('working_days');

    const fresh = await open(`SO-POLICY-NEW-${process.pid}`);
    expect(fresh.policyVersion).toBe(3);
    const [oldView, newView] = await Promise.all([
      caseView(old.caseNumber),
      caseView(fresh.caseNumber),
    ]);
    expect({ old: oldView.policyVersion, oldLive: oldView.live.policyVersion }).toEqual({
      old: 2,
      oldLive: 2,
    });
    expect({ fresh: newView.policyVersion, freshLive: newView.live.policyVersion }).toEqual({
      fresh: 3,
      freshLive: 3,
    });

    const list = await call(api.url, 'GET', '/policies', csManager);
    expect(list.status).toBe(200);
    expect((list.body as Array<{ version: number }>).map((v) => v.version)).toEqual([1, 2, 3]);

    const diff = await call(api.url, 'GET', '/policies/2/diff/3', auditor);
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      from: 2,
      to: 3,
      changes: [
        {
          path: 'deadlines.complaint.close.unit',
          old: 'calendar_days',
          new: 'working_days',
        },
        { path: 'effectiveFrom', old: '2026-12-01', new: '2027-01-01' },
        { path: 'name', old: policyV2Input.name, new: v3.name },
        { path: 'version', old: 2, new: 3 },
      ],
    });
    const back = await call(api.url, 'GET', '/policies/3/diff/2', auditor);
    expect(back.body.changes).toContainEqual({ path: 'version', old: 3, new: 2 });
    // v1 → v2 is the built-in upgrade: the seed decisions, among them the close clock's unit
    const builtIn = await call(api.url, 'GET', '/policies/1/diff/2', auditor);
    expect(builtIn.body.changes).toContainEqual({
      path: 'deadlines.complaint.close.unit',
      old: 'working_days',
      new: 'calendar_days',
    });
    expect(builtIn.body.changes).toContainEqual({
      path: 'name',
      old: defaultPolicyInput.name,
      new: policyV2Input.name,
    });

    // audited in the organisation's trail, chained like a case's
    const events = await db.query(
      `SELECT actor, action, data, policy_version FROM audit_events
        WHERE organisation_id = $1 AND case_number = $2 ORDER BY seq`,
      [ORG, `org:${ORG}`],
    );
    expect(events.rows).toEqual([
      {
        actor: admin.user.id,
        action: 'PolicyVersionPublished',
        policy_version: 3,
        data: expect.objectContaining({
          version: 3,
          supersedes: 2,
          changes: ['deadlines.complaint.close.unit', 'effectiveFrom', 'name', 'version'],
        }),
      },
    ]);

    // never edited in place: the same number again is refused, and the table refuses an UPDATE
    const again = await call(api.url, 'POST', '/policies', admin, { ...v3, name: 'v3 edited' });
    expect(again.status).toBe(400);
    expect(again.body.details.issues).toEqual([
      expect.objectContaining({ path: 'body.version', message: expect.stringContaining('4') }),
    ]);
    await expect(
      db.query(`UPDATE policy_versions SET content = '{}' WHERE organisation_id = $1`, [ORG]),
    ).rejects.toThrow(/never edited/);
    const still = await call(api.url, 'GET', '/policies/3', admin);
    expect(still.body.name).toBe(v3.name);
  });

  test('an organisation recorded before v2 existed (version 1 only) gets v2 on its first use: its next complaint pins v2, the stored v1 stays as it was', async () => {
    const OLD = `${ORG}-old`;
    await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
      organisationId: OLD,
      password: E2E_PASSWORD,
    });
    // what an installation of the v1-only product left behind
    await db.query(
      `INSERT INTO policy_versions (organisation_id, version, content, created_by)
       VALUES ($1, 1, $2::jsonb, 'system')`,
      [OLD, JSON.stringify(defaultPolicy)],
    );
    const [oldAdmin, oldSales] = await Promise.all([
      login(api.url, 'admin-01', OLD),
      login(api.url, 'sales-01', OLD),
    ]);
    const res = await call(
      api.url,
      'POST',
      '/complaints',
      oldSales,
      complaint('SO-POLICY-UPGRADE'),
    );
    expect({ status: res.status, policyVersion: res.body.policyVersion }).toEqual({
      status: 201,
      policyVersion: 2,
    });
    const versions = await call(api.url, 'GET', '/policies', oldAdmin);
    expect(
      (versions.body as Array<{ version: number; publishedBy: string }>).map((v) => [
        v.version,
        v.publishedBy,
      ]),
    ).toEqual([
      [1, 'system'],
      [2, 'system'],
    ]);
    // the stored v1 is the one it had, never rewritten
    const one = await call(api.url, 'GET', '/policies/1', oldAdmin);
    expect(one.body.document).toEqual(defaultPolicy);
  });

  test('two admins publishing the same next version at once: one version lands, the other is refused', async () => {
    const versions = await call(api.url, 'GET', '/policies', admin);
    const next = (versions.body as Array<{ version: number }>).length + 1;
    const doc = { ...v3, version: next, name: `v${next}` };
    const other = await login(api.url, 'admin-01', ORG);
    const answers = await Promise.all([
      call(api.url, 'POST', '/policies', admin, doc),
      call(api.url, 'POST', '/policies', other, { ...doc, name: `v${next} (other)` }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    const after = await call(api.url, 'GET', '/policies', admin);
    expect((after.body as unknown[]).length).toBe(next);
  });

  test('a missing version is 404 NOT_FOUND; staff and supervisors may not read versions; only admins publish', async () => {
    expect((await call(api.url, 'GET', '/policies/99', admin)).body).toMatchObject({
      code: 'NOT_FOUND',
      details: { version: 99 },
    });
    expect((await call(api.url, 'GET', '/policies/1/diff/99', admin)).status).toBe(404);
    expect((await call(api.url, 'GET', '/policies', cs)).body.code).toBe('WRONG_ROLE');
    const byManager = await call(api.url, 'POST', '/policies', csManager, { ...v3, version: 9 });
    expect(byManager).toMatchObject({ status: 403, body: { code: 'WRONG_ROLE' } });
    const byAuditor = await call(api.url, 'POST', '/policies', auditor, { ...v3, version: 9 });
    expect(byAuditor).toMatchObject({ status: 403, body: { code: 'AUDITOR_READ_ONLY' } });
  });
});
