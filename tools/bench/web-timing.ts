/**
 * Figures of the web app (not a test; issue 11), in real Chromium against the real stack (the
 * Temporal dev server, PostgreSQL, the built worker and API serving dist/web):
 *
 *  1. navigation → the inbox's first page rendered, for cs-01 with 10,000 open tasks in the CS
 *     department (a page load: the app, the session renewed from the refresh cookie, GET
 *     /inbox, the table drawn). Goal ≤ 1.5 s.
 *  2. task form submit → the inbox updated, counted from the moment the API answered POST
 *     /tasks/:id/complete (the refetched inbox drawn without the task). Goal ≤ 300 ms.
 *
 *   npm run web:timing
 *   WEB_TIMING_TASKS=20000 WEB_TIMING_RUNS=10 npm run web:timing
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { chromium, type Page } from '@playwright/test';
import { migrate } from '../../libs/persistence/src';
import { findChromium } from '../provision/chromium';
import { freeLoopbackPort } from '../provision/free-port';
import { freshDatabase, startPostgres } from '../provision/postgres';
import { startDevServer } from '../provision/temporal-server';
import { seedDemo } from '../seed-demo';
import { http, startApp, stop } from './support';

const ORG = 'web-timing';
const PASSWORD = 'web-timing-password';
const TASKS = Number(process.env.WEB_TIMING_TASKS ?? 10_000);
const RUNS = Number(process.env.WEB_TIMING_RUNS ?? 5);

/** `n` open CS tasks (registration, proposal, closing) with due dates ±10 days around now. */
async function fillInbox(db: Pool, n: number): Promise<void> {
  await db.query(
    `INSERT INTO tasks (task_id, organisation_id, case_number, type, stage, candidate_department,
       candidate_roles, assignee, priority, status, commands, overdue, due_at, due_provisional,
       escalation_level, created_at, completed_at, completed_by, updated_at)
     SELECT 'SYN-' || g || '-T1', $1, 'KS209901-' || lpad(g::text, 6, '0'),
            d.type, d.stage, 'cs', '{}'::text[], NULL, 1 + g % 3, 'open', ARRAY[d.command],
            due < now(), due, false, 0, due - interval '2 days', NULL, NULL, now()
       FROM generate_series(1, $2) AS g
       CROSS JOIN LATERAL (SELECT now() + ((g * 7919) % 28800 - 14400) * interval '1 minute' AS due) t
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES
           (0, 'cs_registration', 'registration', 'RegisterComplaint'),
           (1, 'resolution_proposal', 'proposal', 'ProposeResolution'),
           (2, 'close', 'close', 'CloseComplaint')
         ) AS v(k, type, stage, command) WHERE v.k = g % 3) d`,
    [ORG, n],
  );
  await db.query('ANALYZE tasks');
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? NaN;
  return `median ${median.toFixed(0)} ms, min ${s[0]?.toFixed(0)} ms, max ${s[s.length - 1]?.toFixed(0)} ms (runs: ${ms.map((m) => m.toFixed(0)).join(', ')})`;
};

/** Records, in the page, when POST …/complete answered and when each GET /inbox answered. */
const INSTRUMENT = `(() => {
  const times = (window.__asoTimes = { complete: [], inbox: [] });
  const orig = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const method = (init && init.method) || (typeof input === 'string' ? 'GET' : input.method);
    const started = performance.now();
    const res = await orig(input, init);
    const path = new URL(url, location.href).pathname;
    if (method === 'POST' && /\\/tasks\\/[^/]+\\/complete$/.test(path))
      times.complete.push(performance.now());
    if (method === 'GET' && path === '/inbox') times.inbox.push({ started, answered: performance.now() });
    return res;
  };
})();`;

/**
 * Where a navigation's time went (the page's resource timing, ms from navigation start): the
 * document and scripts loaded, DOMContentLoaded, the refresh call and the first GET /inbox.
 */
const PHASES = `(() => {
  const r = performance.getEntriesByType('resource');
  const nav = performance.getEntriesByType('navigation')[0];
  const path = (e) => new URL(e.name).pathname;
  const js = r.filter((e) => e.initiatorType === 'script' || /\\.js$/.test(path(e)));
  const refresh = r.find((e) => path(e) === '/auth/web/refresh');
  const inbox = r.filter((e) => path(e) === '/inbox');
  const out = {
    'document answered': nav ? nav.responseEnd : NaN,
    'scripts loaded': js.length ? Math.max(...js.map((e) => e.responseEnd)) : NaN,
    'DOMContentLoaded': nav ? nav.domContentLoadedEventEnd : NaN,
    'refresh sent': refresh ? refresh.startTime : NaN,
    'refresh answered': refresh ? refresh.responseEnd : NaN,
    'first GET /inbox sent': inbox.length ? inbox[0].startTime : NaN,
    'first GET /inbox answered': inbox.length ? inbox[0].responseEnd : NaN,
    'GET /inbox calls': inbox.length,
  };
  return out;
})()`;

async function main(): Promise<void> {
  const pg = await startPostgres();
  const temporal = await startDevServer();
  const children: ChildProcess[] = [];
  const url = await freshDatabase(pg.adminUrl, 'aso_web_timing');
  const db = new Pool({ connectionString: url, max: 2 });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    await migrate(url);
    await seedDemo(url, { organisationId: ORG, password: PASSWORD });
    await fillInbox(db, TASKS);
    const env = {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: 'web-timing',
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
    };
    const port = await freeLoopbackPort();
    children.push(
      ...(await Promise.all([
        startApp('worker', env, /worker polling/),
        startApp('api', { ...env, PORT: String(port), HOST: '127.0.0.1' }, /API listening/),
      ])),
    );
    const base = `http://127.0.0.1:${port}`;
    const sales = (
      await http(base, 'POST', '/auth/login', undefined, {
        organisation: ORG,
        username: 'sales-01',
        password: PASSWORD,
      })
    ).body.accessToken as string;

    const csToken = (
      await http(base, 'POST', '/auth/login', undefined, {
        organisation: ORG,
        username: 'cs-01',
        password: PASSWORD,
      })
    ).body.accessToken as string;

    // The app's CSP (script-src 'self') forbids the string predicates the probes evaluate; the
    // figures measure the app, not the CSP, so the measuring context bypasses it.
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
    });
    await context.addInitScript(INSTRUMENT);
    const page: Page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('#organisation').fill(ORG);
    await page.locator('#username').fill('cs-01');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('tr[data-case-number]').first().waitFor({ timeout: 60_000 });

    // --- 1. navigation → the inbox's first page rendered ----------------------------------
    const nav: number[] = [];
    const phases: Record<string, number[]> = {};
    for (let i = 0; i < RUNS + 1; i += 1) {
      await page.goto(`${base}/app/`, { waitUntil: 'commit' });
      await page.waitForFunction(
        "document.querySelectorAll('tr[data-case-number]').length > 0",
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const ms = await page.evaluate<number>('performance.now()');
      if (i > 0) {
        nav.push(ms); // the first warms the API's caches and the browser's
        for (const [k, v] of Object.entries(await page.evaluate<Record<string, number>>(PHASES)))
          (phases[k] ??= []).push(v);
      }
    }

    // --- 2. submit → the inbox updated, after the API answered ---------------------------
    const submit: number[] = [];
    const apiMs: number[] = [];
    for (let i = 0; i < RUNS + 1; i += 1) {
      const opened = await http(base, 'POST', '/complaints', sales, {
        customer: { name: '计时', phone: '13800138000' },
        orderNumber: `SO-TIMING-${i}`,
        batchNumber: 'B1',
        shipDate: '2026-11-01',
        defectDescription: '计时用',
        demand: '折价',
        quantity: 1,
        channel: 'phone',
      });
      const caseNumber = opened.body.caseNumber as string;
      let taskId: string | undefined;
      for (let tries = 0; !taskId && tries < 300; tries += 1) {
        const r = await http(base, 'GET', `/inbox?scope=all&caseNumber=${caseNumber}`, csToken);
        taskId = ((r.body.items ?? []) as Array<{ taskId: string; commands: string[] }>).find((t) =>
          t.commands.includes('RegisterComplaint'),
        )?.taskId;
        if (!taskId) await new Promise((r2) => setTimeout(r2, 200));
      }
      if (!taskId) throw new Error(`no registration task for ${caseNumber}`);
      await page.evaluate(
        `window.history.pushState({}, '', '/app/tasks/${taskId}');` +
          `window.dispatchEvent(new PopStateEvent('popstate'));`,
      );
      await page.getByTestId('task-form').waitFor();
      for (const [id, option] of [
        ['cause', '产品质量'],
        ['severity', '一般'],
      ] as const) {
        await page.locator(`#${id}`).click();
        await page
          .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
          .click();
      }
      await page.evaluate('window.__asoTimes.complete = []; window.__asoTimes.inbox = [];');
      const clicked = await page.evaluate<number>('performance.now()');
      await page.getByTestId('submit').click();
      // Drawn: the inbox route with rows, the task's row gone, and a GET /inbox answered after
      // the complete did (the refetch, not the cache).
      await page.waitForFunction(
        `(() => {
          const t = window.__asoTimes;
          const done = t.complete[0];
          if (done === undefined || !/^\\/app\\/?$/.test(location.pathname)) return false;
          if (!t.inbox.some((x) => x.answered > done)) return false;
          if (document.querySelector('tr[data-task-id="${taskId}"]')) return false;
          if (!document.querySelector('tr[data-case-number]')) return false;
          window.__asoDrawn = performance.now();
          return true;
        })()`,
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const [answered, drawn] = await page.evaluate<[number, number]>(
        '[window.__asoTimes.complete[0], window.__asoDrawn]',
      );
      if (i > 0) {
        submit.push(drawn - answered);
        apiMs.push(answered - clicked);
      }
    }

    const ok = (v: number[], goal: number) =>
      [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]! <= goal ? 'within' : 'OVER';
    console.log(`web timing (${TASKS} open tasks in the CS department, cs-01, ${RUNS} runs each)`);
    console.log(
      `  navigation → inbox first page rendered: ${stats(nav)}  [goal ≤ 1500 ms: ${ok(nav, 1500)}]`,
    );
    for (const [k, v] of Object.entries(phases)) {
      const sorted = [...v].sort((a, b) => a - b);
      console.log(`      ${k.padEnd(28)} median ${sorted[Math.floor(v.length / 2)]?.toFixed(0)}`);
    }
    console.log(
      `  submit → inbox updated after the API answered: ${stats(submit)}  [goal ≤ 300 ms: ${ok(submit, 300)}]`,
    );
    console.log(
      `  (the API's answer to POST /tasks/:id/complete, click → answer: ${stats(apiMs)})`,
    );
  } finally {
    await browser.close().catch(() => undefined);
    for (const c of children.reverse()) await stop(c);
    await db.end().catch(() => undefined);
    await temporal.stop().catch(() => undefined);
    await pg.stop().catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
