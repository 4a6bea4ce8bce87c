/**
 * Benchmark (not a test): the platform floor. Cases with the Temporal shape of a complaint
 * (floor/floor.workflow.ts: one local activity at open, then one update per step, each written by
 * one local activity) but no product code — no domain, task board, audit, SQL or PostgreSQL —
 * driven like bench:complaints (N open, 50 in flight), on the same dev server and SDK. Prints
 * cases/s, update p50/p99, workflow tasks and history events per case, and the CPU ms per case of
 * the Temporal server, the worker and this driver: what any case of that many steps costs here
 * before the product adds a line, so the complaint's figures can be read against it.
 *
 *   npm run bench:floor                   # 100 cases, 9 steps (the apology complaint's updates)
 *   BENCH_FLOOR_CASES=1000 BENCH_FLOOR_STEPS=9 BENCH_IN_FLIGHT=1 npm run bench:floor
 */
import { join } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { startDevServer } from '../provision/temporal-server';
import { floorCase, stepUpdate } from './floor/floor.workflow';
import { delta, pidsByCommandLine, selfProbe, snapshot, treeProbe, type CpuProbe } from './proc-cpu';
import { percentile, pool, startNode, stop } from './support';

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_FLOOR_CASES ?? 100);
  const steps = Number(process.env.BENCH_FLOOR_STEPS ?? 9);
  const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 50);
  const payload = 'x'.repeat(Number(process.env.BENCH_FLOOR_PAYLOAD ?? 256));
  const temporal = await startDevServer();
  const taskQueue = 'floor';
  const worker = await startNode(
    'floor worker',
    join(__dirname, 'floor', 'floor-worker.js'),
    {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
    },
    /floor worker polling/,
  );
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace });
  const temporalPid = pidsByCommandLine('start-dev', temporal.address.split(':')[1]!)[0];
  const probes: CpuProbe[] = [
    ...(temporalPid ? [treeProbe('temporal', temporalPid)] : []),
    treeProbe('worker', worker.pid!),
    selfProbe('driver'),
  ];
  try {
    // warm-up: the worker's first workflow pays for the bundle and the V8 context
    const warm = await client.workflow.start(floorCase, {
      workflowId: 'floor-warm',
      taskQueue,
      args: [1],
    });
    await warm.executeUpdate(stepUpdate, { args: [{ step: 1, payload }] });
    await warm.result();

    const before = snapshot(probes);
    const started = performance.now();
    const handles: WorkflowHandle<typeof floorCase>[] = [];
    for (let i = 0; i < n; i += 50) {
      const batch = Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        client.workflow.start(floorCase, {
          workflowId: `floor-${i + j}`,
          taskQueue,
          args: [steps],
        }),
      );
      handles.push(...(await Promise.all(batch)));
    }
    const latencies: number[] = [];
    const driving = performance.now();
    await pool(handles, inFlight, async (h) => {
      for (let step = 1; step <= steps; step += 1) {
        const t0 = performance.now();
        await h.executeUpdate(stepUpdate, { args: [{ step, payload }] });
        latencies.push(performance.now() - t0);
      }
      await h.result();
    });
    const end = performance.now();
    const cpu = delta(before, snapshot(probes));
    let tasks = 0;
    let events = 0;
    for (const h of handles.slice(0, 20)) {
      const all = (await h.fetchHistory()).events ?? [];
      events += all.length;
      tasks += all.filter((e) => e.workflowTaskCompletedEventAttributes).length;
    }
    const sampled = Math.min(20, handles.length);
    latencies.sort((a, b) => a - b);
    const total = [...cpu.values()].reduce((a, b) => a + b, 0);
    const lines = [
      `platform floor: ${n} cases of ${steps} updates + ${steps + 1} local activities (payload ${payload.length} B), no product code, Temporal dev server in memory, ${inFlight} driven at a time`,
      'cases  cases/s  drive s  upd p50  upd p99  wf tasks   events',
      [
        String(n).padStart(5),
        (n / ((end - driving) / 1000)).toFixed(1).padStart(8),
        ((end - driving) / 1000).toFixed(1).padStart(8),
        percentile(latencies, 50).toFixed(1).padStart(8),
        percentile(latencies, 99).toFixed(1).padStart(8),
        (tasks / sampled).toFixed(1).padStart(9),
        (events / sampled).toFixed(1).padStart(8),
      ].join(' '),
      `CPU ms per case (start to close, from /proc; ${((end - started) / 1000).toFixed(1)} s)`,
      `${[...cpu.keys(), 'total'].map((k) => k.padStart(9)).join(' ')}`,
      `${[...cpu.values(), total].map((ms) => (ms / n).toFixed(1).padStart(9)).join(' ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await connection.close();
    await stop(worker);
    await temporal.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
