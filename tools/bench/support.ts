/** What the benchmarks share: the built apps as processes, HTTP calls, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { ComplaintWorkflowInput } from '../../libs/contracts/src';
import { repoRoot } from '../provision/paths';

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Runs `fn` over `items` with at most `limit` in flight (the benches' "N driven at a time"). */
export async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** p50, p99 and mean of a sample, as fixed-width columns. */
export const summary = (ms: number[]): string => {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return [percentile(s, 50), percentile(s, 99), mean]
    .map((v) => v.toFixed(1).padStart(8))
    .join(' ');
};

/** The built app as a process; output is drained (a full pipe would stall it), not kept. */
export function startApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return startNode(app, join(repoRoot(), 'dist', 'apps', app, 'src', 'main.js'), env, ready);
}

/** A built script as a process, resolved once it printed `ready` (startApp, bench:floor's worker). */
export function startNode(
  app: string,
  main: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  // BENCH_APP_PROFILE=<dir>: the app writes V8 CPU profiles there when it stops (node --cpu-prof)
  const profile = process.env.BENCH_APP_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, main], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let isReady = false;
  // BENCH_APP_LOG_DIR=<dir>: the app's output is kept there as <app>.log (its request log
  // lines carry pino-http's responseTime: the time inside the process)
  const logDir = process.env.BENCH_APP_LOG_DIR;
  if (logDir) {
    const file = createWriteStream(join(logDir, `${app}.log`), { flags: 'a' });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (isReady) return;
      output += chunk.toString();
      if (ready.test(output)) {
        isReady = true;
        output = '';
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      if (!isReady) reject(new Error(`${app} exited with ${code}:\n${output}`));
    });
  });
}

export const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * The benches' HTTP client: node:http on one keep-alive connection per API. Not `fetch`: undici's
 * fetch costs the client ~1.5 ms of CPU per request here against ~0.7 ms for node:http
 * (bench:api prints both for GET /auth/me), time that is the benchmark's, not the API's.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export function http(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
            });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The same request by `fetch`, for the side-by-side row of bench:api. */
export async function httpByFetch(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
): Promise<{ status: number }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  await res.text();
  return { status: res.status };
}

/** Runs `fn` `warm + n` times and keeps the last n durations (ms). */
export async function timed(
  n: number,
  warm: number,
  fn: () => Promise<unknown>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warm + n; i++) {
    const t = performance.now();
    await fn();
    if (i >= warm) out.push(performance.now() - t);
  }
  return out;
}

/** The intake form of a bench complaint started straight on Temporal (one order per case). */
export const benchIntake = (orderNumber: string): ComplaintWorkflowInput['intake'] => ({
  customerName: 'bench',
  orderNumber,
  batchNumber: 'B1',
  shipDate: '2026-11-01',
  defectiveQuantity: 1,
  demand: 'fix',
  reasons: 'bench',
  channel: 'phone',
  attachments: [],
  salesOpinion: '',
});
