/**
 * Fault injection (not a test; issue 8's standing check): drives whole complaints over HTTP with
 * idempotency keys while it kill -9s the worker, the API and the Temporal dev server and crashes
 * PostgreSQL (`pg_ctl stop -m immediate`), each followed by a restart; then checks that every case
 * closed exactly once, nothing was done twice or falsely refused, every audit chain verifies and
 * agrees with the workflows' histories, and how fast each kind of fault was recovered from.
 *
 *   npm run chaos                                   # 100 cases, 40 faults, 8 at a time
 *   npm run chaos -- --cases 20 --injections 8 --concurrency 4 --seed 7
 *
 * Prints progress on stderr and the table on stdout; exits 1 when a goal figure is missed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { FOLLOW_UP_WORKFLOW_TYPE } from '../../libs/contracts/src';
import { actors, login, type ActorName, type Session } from '../../test/support/http';
import { runChecks, type Finding } from './checks';
import { driveComplaint, stepsOf, type CaseRun, type DriverContext } from './complaint-driver';
import { readHistories } from './history';
import { ChaosClient } from './http-client';
import { injectFaults, scheduleOf } from './injector';
import { parseOptions } from './options';
import { progress } from './progress';
import { Random } from './random';
import { formatReport } from './report';
import { CHAOS_ORG, CHAOS_PASSWORD, ChaosStack, NAMESPACE } from './stack';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const random = new Random(options.seed);
  const runDir = mkdtempSync(join(tmpdir(), 'aso-chaos-'));
  const started = Date.now();
  const stack = await ChaosStack.start(runDir);
  // Ctrl-C: take the stack down with us (nothing of a run may outlive it).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  const overBudget = () => options.budgetS > 0 && Date.now() > started + options.budgetS * 1000;
  try {
    const client = new ChaosClient(stack.apiUrl, {
      attemptTimeoutMs: 90_000,
      maxWaitMs: options.maxWaitS * 1000,
    });
    const sessions = await loginEveryone(stack.apiUrl);
    const runId = `chaos${options.seed}-${Date.now().toString(36)}`;
    const runs: CaseRun[] = Array.from({ length: options.cases }, (_, i) => ({
      ref: `c${i + 1}`,
      orderNumber: `CH-${runId}-${i + 1}`,
      method: random.int(10) < 3 ? 'discount' : 'apology',
      closedByClient: false,
    }));
    const totalSteps = runs.reduce((n, r) => n + stepsOf(r.method), 0);
    let steps = 0;
    let loadDone = false;
    const ctx: DriverContext = {
      client,
      sessions,
      runId,
      taskWaitMs: options.maxWaitS * 1000,
      onStep: () => {
        steps += 1;
        if (steps % 50 === 0) progress(`load: ${steps}/${totalSteps} steps`);
      },
    };
    const probeRuns: CaseRun[] = []; // the probe adds its complaints here
    progress(
      `driving ${options.cases} complaints (${options.concurrency} at a time) with ${options.injections} faults, seed ${options.seed}`,
    );
    const watch = setInterval(() => reportRetrying(client), 30_000);
    const begun: CaseRun[] = [];
    const load = pool(runs, options.concurrency, async (run) => {
      if (overBudget()) return; // not started: not requested
      begun.push(run);
      await driveComplaint(ctx, run);
    }).finally(() => {
      loadDone = true;
      clearInterval(watch);
      progress('load finished');
    });
    const injections = await injectFaults({
      stack,
      client,
      ctx,
      runs: probeRuns,
      sessions,
      schedule: scheduleOf(options.injections, random),
      random,
      loadProgress: () => steps / totalSteps,
      loadDone: () => loadDone,
      overBudget,
    });
    progress('all faults injected; waiting for the load to finish');
    await load;
    const allRuns = [...begun, ...probeRuns];

    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const temporal = new Client({ connection, namespace: NAMESPACE });
      await settle(temporal);
      progress('reading workflow histories and checking');
      const histories = await readHistories(temporal);
      const checks = await runChecks({
        databaseUrl: stack.databaseUrl,
        client,
        auditor: sessions.auditor,
        runs: allRuns,
        histories,
      });
      const perKind = Object.entries(
        injections.reduce<Record<string, number>>(
          (acc, i) => ({ ...acc, [i.part]: (acc[i.part] ?? 0) + 1 }),
          {},
        ),
      )
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      const { text, missed } = formatReport({
        header:
          `chaos: ${begun.length} complaints (+${probeRuns.length} probe) over HTTP, ${options.concurrency} at a time; ` +
          `${injections.length} faults (${perKind}); seed ${options.seed}; ${((Date.now() - started) / 1000).toFixed(0)} s` +
          (begun.length < options.cases || injections.length < options.injections
            ? `\nTIME BUDGET (${options.budgetS} s) SPENT: ${begun.length} of ${options.cases} complaints started, ${injections.length} of ${options.injections} faults injected`
            : ''),
        checks,
        slowCommands: slowCommands(client, allRuns),
        injections,
        processStats: stack.processStats(),
        logsIn: runDir,
      });
      process.stdout.write(`${text}\n`);
      // A run cut short by its budget did not do what was asked: never a pass.
      const cutShort = begun.length < options.cases || injections.length < options.injections;
      return missed.length || cutShort ? 1 : 0;
    } finally {
      await connection.close();
    }
  } finally {
    await stack.stop();
  }
}

async function loginEveryone(apiUrl: string): Promise<Record<ActorName, Session>> {
  const names = Object.keys(actors) as ActorName[];
  const sessions = await Promise.all(
    names.map((n) => login(apiUrl, actors[n], CHAOS_ORG, CHAOS_PASSWORD)),
  );
  return Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as Record<ActorName, Session>;
}

/** Commands answered only after more than 30 s of retries with their key. */
function slowCommands(client: ChaosClient, runs: CaseRun[]): Finding {
  const byRef = new Map(runs.map((r) => [r.ref, r]));
  const slow = client.commands
    .map((c) => ({ c, ms: (c.attempts.at(-1)?.endedAt ?? 0) - (c.attempts[0]?.sentAt ?? 0) }))
    .filter(({ ms }) => ms > 30_000)
    .sort((a, b) => b.ms - a.ms)
    .map(({ c, ms }) => {
      const codes = [
        ...new Set(
          c.attempts.map((a) => (a.status ? `${a.status} ${a.code ?? ''}`.trim() : a.error)),
        ),
      ];
      return `${byRef.get(c.caseRef)?.caseNumber ?? c.caseRef} ${c.label}: ${(ms / 1000).toFixed(0)} s, ${c.attempts.length} attempts (${codes.join(', ')}) → ${c.gaveUp ? 'no answer' : c.status}`;
    });
  return {
    name: 'commands answered only after > 30 s of retries',
    value: slow.length,
    examples: slow,
  };
}

/** Commands still being retried: where the load is waiting (e.g. on a key left in progress). */
function reportRetrying(client: ChaosClient): void {
  const now = Date.now();
  const waiting = client.commands.filter(
    (c) => c.status === 0 && !c.gaveUp && c.attempts.length > 1,
  );
  if (waiting.length === 0) return;
  const lines = waiting.map((c) => {
    const last = c.attempts.at(-1)!;
    const outcome = last.status ? `${last.status} ${last.code ?? ''}` : (last.error ?? 'pending');
    return `${c.caseRef} ${c.label} ×${c.attempts.length} for ${((now - c.attempts[0]!.sentAt) / 1000).toFixed(0)} s (last: ${outcome})`;
  });
  progress(`retrying: ${lines.join('; ')}`);
}

/**
 * Waits (bounded) until no complaint workflow runs any more: a case left running is a finding,
 * not a hang. The HF follow-ups closing complaints start keep running (their call is nobody's
 * step here), so they are not waited for.
 */
async function settle(temporal: Client, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const query = `ExecutionStatus="Running" AND WorkflowType!="${FOLLOW_UP_WORKFLOW_TYPE}"`;
  for (;;) {
    let running = 0;
    for await (const _ of temporal.workflow.list({ query })) running++;
    if (running === 0) return;
    if (Date.now() > deadline) {
      progress(`${running} workflow(s) still running after ${timeoutMs / 1000} s; checking anyway`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
