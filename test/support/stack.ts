import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from '../../tools/provision/free-port';
import { E2E_JWT_SECRET } from './http';

/**
 * Starts the built api and worker as real processes against the e2e tier's PostgreSQL and
 * Temporal dev server (see tools/test-setup/e2e.global-setup.ts). Each suite gets its own task
 * queue so suites never steal each other's work.
 */
const root = join(__dirname, '..', '..');

/** The e2e deployment's schedule task queue (TEMPORAL_SCHEDULE_TASK_QUEUE of every worker). */
export const E2E_SCHEDULE_TASK_QUEUE = 'e2e-schedules';

export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function baseEnv(taskQueue: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.ASO_E2E_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.ASO_E2E_TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: process.env.ASO_E2E_TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    // One schedule queue for every suite's worker: the organisations' schedules (shared by the
    // suites through one Temporal server and database) must not follow the last worker started.
    TEMPORAL_SCHEDULE_TASK_QUEUE: E2E_SCHEDULE_TASK_QUEUE,
    AUTH_JWT_SECRET: E2E_JWT_SECRET,
    // JSON request logs go to stdout: kept (and searched by the redaction test), not printed.
    LOG_LEVEL: 'info',
    // Every suite logs in from 127.0.0.1 against one database: the per-address login limit
    // would add up their failures. test/login-throttle.e2e-spec.ts sets its own thresholds.
    LOGIN_ADDRESS_MAX_FAILURES: '1000000',
    // Absence hand-overs sweep only in the suite that tests them (test/absences.e2e-spec.ts).
    ABSENCE_SWEEP_MS: '0',
  };
}

function startProcess(
  app: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  readyLine: RegExp,
): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', app, 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const proc: AppProcess = {
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${app} did not start in time:\n${output}`)),
      120_000,
    );
    // ASO_E2E_LOG_DIR=/some/dir keeps each process's output in a file, for debugging a failure.
    const logFile = process.env.ASO_E2E_LOG_DIR
      ? join(process.env.ASO_E2E_LOG_DIR, `${env.TEMPORAL_TASK_QUEUE}-${app}.log`)
      : undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (logFile) appendFileSync(logFile, chunk);
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${app} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** `env` overrides (e.g. DATABASE_URL through a proxy, a test-only delay) for one process. */
export function startWorker(taskQueue: string, env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  return startProcess('worker', { ...baseEnv(taskQueue), ...env }, /worker polling/);
}

/** `env`: variables to set or override for this api process (e.g. throttling thresholds). */
export async function startApi(
  taskQueue: string,
  env: NodeJS.ProcessEnv = {},
): Promise<AppProcess & { url: string }> {
  const port = await freeLoopbackPort();
  const proc = await startProcess(
    'api',
    { ...baseEnv(taskQueue), ...env, PORT: String(port), HOST: '127.0.0.1' },
    /API listening/,
  );
  return { ...proc, url: `http://127.0.0.1:${port}` };
}

/** Polls until `probe` returns a defined value (read models are written asynchronously). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
