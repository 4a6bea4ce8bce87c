import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../provision/paths';
import { login } from '../../../test/support/http';
import { startApi, startWorker, type AppProcess } from '../../../test/support/stack';
import { ensureSchemathesis } from '../ensure-schemathesis';
import { blockingFindings, failuresFrom, formatFigures, type RoleFigures } from '../figures';

/**
 * The fuzz tier: Schemathesis generates requests from the published OpenAPI document and checks
 * every response against it, as several roles (each sees different routes succeed), on the real
 * stack. Every check runs; the stateful phase chains responses into later requests (links).
 *
 *   npm run test:fuzz                      (per-role budget FUZZ_SECONDS_PER_ROLE, default 120)
 *   FUZZ_SECONDS_PER_ROLE=30 npm run test:fuzz
 *
 * The tier fails on any 5xx response or response-schema violation (BLOCKING_CHECKS in
 * ../figures.ts); failures of the other checks are printed as findings, and FUZZ_STRICT=1 makes
 * every check blocking. Reports (JUnit, NDJSON, the full output with `curl` reproducers and
 * `st replay` ids, summary.txt) are kept per role in .fuzz-report/ for triage.
 */
const ROLES = [
  { name: 'sales staff', username: 'sales-01' },
  { name: 'cs manager', username: 'cs-mgr-01' },
  { name: 'auditor', username: 'auditor-01' },
] as const;
const SECONDS_PER_ROLE = Number(process.env.FUZZ_SECONDS_PER_ROLE ?? 120);
const WORKERS = process.env.FUZZ_WORKERS ?? '2';
const reportRoot = join(repoRoot(), '.fuzz-report');

/**
 * Checks left out, each with its reason (prefer fixing the document to adding one here).
 * (none)
 */
const EXCLUDED_CHECKS: string[] = [];

function runSchemathesis(
  st: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // cwd: its example database (.schemathesis/) goes with the role's report, not the repo.
    const child = spawn(st, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('fuzz: Schemathesis against the published OpenAPI document', () => {
  const queue = 'fuzz';
  let worker: AppProcess;
  let api: AppProcess & { url: string };
  let st: string;

  beforeAll(async () => {
    st = ensureSchemathesis();
    [worker, api] = await Promise.all([startWorker(queue), startApi(queue)]);
    rmSync(reportRoot, { recursive: true, force: true });
  }, 600_000);
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
  });

  it(
    'no server errors and no response-schema violations, as each role',
    async () => {
      const figures: RoleFigures[] = [];
      for (const role of ROLES) {
        const session = await login(api.url, role.username);
        const dir = join(reportRoot, role.username);
        mkdirSync(dir, { recursive: true });
        const args = [
          'run',
          `${api.url}/docs/openapi.json`,
          '--url',
          api.url,
          '--checks',
          'all',
          ...(EXCLUDED_CHECKS.length ? ['--exclude-checks', EXCLUDED_CHECKS.join(',')] : []),
          '--phases',
          'examples,coverage,fuzzing,stateful',
          '--max-time',
          String(SECONDS_PER_ROLE),
          '--workers',
          WORKERS,
          '--request-timeout',
          '30',
          '--continue-on-failure',
          '--suppress-health-check',
          'all',
          '-H',
          `Authorization: Bearer ${session.accessToken}`,
          '--report',
          'junit,ndjson',
          '--report-dir',
          dir,
          '--output-truncate',
          'false',
        ];
        const started = Date.now();
        const { code, output } = await runSchemathesis(st, args, dir);
        figures.push({
          role: role.name,
          username: role.username,
          exitCode: code,
          seconds: (Date.now() - started) / 1000,
          output,
          ...failuresFrom(dir),
        });
      }
      const summary = formatFigures(figures);
      process.stdout.write(`${summary}\n`);
      writeFileSync(join(reportRoot, 'summary.txt'), `${summary}\n`);
      // Full Schemathesis output (reproducers: curl + `st replay`) kept per role for triage.
      for (const f of figures) writeFileSync(join(reportRoot, f.username, 'output.txt'), f.output);
      const blocking = figures.flatMap((f) => [
        ...(f.serverErrors > 0 ? [`${f.role}: ${f.serverErrors} responses with status 5xx`] : []),
        ...blockingFindings(f).map((x) => `${f.role}: ${x.check} ${x.operation} — ${x.title}`),
      ]);
      expect(blocking).toEqual([]);
    },
    (SECONDS_PER_ROLE + 120) * ROLES.length * 1000,
  );
});
