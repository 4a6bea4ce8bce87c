import type { ActorName, Session } from '../../test/support/http';
import { planOf, type CaseRun, type DriverContext } from './complaint-driver';
import type { ChaosClient } from './http-client';
import { progress } from './progress';
import type { Random } from './random';
import type { ChaosStack, Part } from './stack';
import { PARTS } from './stack';

export interface Injection {
  part: Part;
  at: number;
  /** kill → the probe's complete-task round trip (sent right after the kill) succeeded */
  recoveryMs: number;
  /** kill → the first load complete-task attempt sent after the kill succeeded (if any) */
  loadRecoveryMs: number | undefined;
}

/**
 * A dedicated probe measures recovery, so a figure never depends on whether the load happened to
 * have a request in flight: before each fault it has a task of its own complaint ready; right
 * after the kill it completes that task (fresh key, retried with the same key like any client)
 * and the recovery time is kill → success. Its complaints are driven to the end like the load's.
 */
class Probe {
  private run: CaseRun | undefined;
  private step = 0;
  private made = 0;

  constructor(
    private readonly ctx: DriverContext,
    private readonly runs: CaseRun[],
    private readonly sessions: Record<ActorName, Session>,
  ) {}

  /** Opens a probe complaint if needed and waits until its next task is in the inbox. */
  async arm(): Promise<{ taskId: string; actor: ActorName; command: { type: string } }> {
    if (!this.run || this.step >= planOf(this.run.method, this.run.caseNumber ?? '').length) {
      this.made += 1;
      const run: CaseRun = {
        ref: `probe${this.made}`,
        orderNumber: `CH-${this.ctx.runId}-probe${this.made}`,
        method: 'apology',
        closedByClient: false,
      };
      this.runs.push(run);
      const opened = await this.ctx.client.command(
        this.sessions.sales,
        '/complaints',
        openBody(run.orderNumber),
        `${this.ctx.runId}-${run.ref}-open`,
        { label: 'open', caseRef: run.ref },
      );
      if (opened.status !== 201) throw new Error(`probe open: ${opened.status}`);
      run.caseNumber = opened.body.caseNumber as string;
      this.run = run;
      this.step = 0;
    }
    const run = this.run;
    const [actor, command] = planOf(run.method, run.caseNumber!, this.sessions.cs.user.id)[
      this.step
    ]!;
    for (let i = 0; ; i++) {
      const res = await this.ctx.client.read(
        this.sessions[actor],
        `/inbox?caseNumber=${run.caseNumber}`,
      );
      const task = ((res.body?.items ?? []) as Array<{ taskId: string; commands: string[] }>).find(
        (t) => t.commands.includes(command.type),
      );
      if (task) return { taskId: task.taskId, actor, command };
      if (i > 1500) throw new Error(`probe ${run.caseNumber}: no ${command.type} task`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async fire(armed: {
    taskId: string;
    actor: ActorName;
    command: { type: string };
  }): Promise<boolean> {
    const run = this.run!;
    const res = await this.ctx.client.command(
      this.sessions[armed.actor],
      `/tasks/${armed.taskId}/complete`,
      { command: armed.command },
      `${this.ctx.runId}-${run.ref}-s${this.step}`,
      { label: armed.command.type, caseRef: run.ref },
    );
    this.step += 1;
    if (this.step >= planOf(run.method, run.caseNumber!).length)
      run.closedByClient = res.status === 200;
    return res.status === 200;
  }

  /** Drives the current probe complaint to its end (after the last fault). */
  async finish(): Promise<void> {
    while (this.run && this.step < planOf(this.run.method, this.run.caseNumber!).length) {
      await this.fire(await this.arm());
    }
  }
}

const openBody = (orderNumber: string) => ({
  customer: { name: '探针', phone: '13800138000' },
  orderNumber,
  batchNumber: 'B-CHAOS',
  shipDate: '2026-11-10',
  defectDescription: 'chaos probe',
  demand: '退货或折价',
  quantity: 3,
  channel: 'phone',
});

/** The kinds of fault, evenly spread and shuffled by the seed. */
export function scheduleOf(n: number, random: Random): Part[] {
  const kinds = Array.from({ length: n }, (_, i) => PARTS[i % PARTS.length]!);
  return random.shuffle(kinds);
}

export interface InjectorOptions {
  stack: ChaosStack;
  client: ChaosClient;
  ctx: DriverContext;
  runs: CaseRun[];
  sessions: Record<ActorName, Session>;
  schedule: Part[];
  random: Random;
  /** 0..1: how far the load is; fault k waits until the load is k/(n+1) through */
  loadProgress: () => number;
  loadDone: () => boolean;
  /** the time budget is spent: inject no more */
  overBudget: () => boolean;
}

export async function injectFaults(o: InjectorOptions): Promise<Injection[]> {
  const probe = new Probe(o.ctx, o.runs, o.sessions);
  const done: Injection[] = [];
  let current: Injection | undefined;
  o.client.whenCommandSucceeds((record, attempt) => {
    if (!current || current.loadRecoveryMs !== undefined || record.caseRef.startsWith('probe'))
      return;
    if (!record.path.startsWith('/tasks/') || attempt.sentAt < current.at) return;
    current.loadRecoveryMs = attempt.endedAt - current.at;
  });
  for (const [k, part] of o.schedule.entries()) {
    const target = (k + 1) / (o.schedule.length + 1);
    while (!o.loadDone() && !o.overBudget() && o.loadProgress() < target) await sleep(200);
    await sleep(500 + o.random.int(2500));
    if (o.overBudget()) {
      progress(`time budget spent after ${k} of ${o.schedule.length} faults`);
      break;
    }
    const armed = await probe.arm();
    const injection: Injection = {
      part,
      at: Date.now(),
      recoveryMs: NaN,
      loadRecoveryMs: undefined,
    };
    current = injection;
    await o.stack.kill(part);
    const restarted = restartUntilUp(o.stack, part);
    const ok = await probe.fire(armed);
    injection.recoveryMs = Date.now() - injection.at;
    await restarted;
    if (!ok) progress(`probe after ${part} kill did not succeed (see the refusals)`);
    done.push(injection);
    progress(
      `fault ${k + 1}/${o.schedule.length}: ${part} killed → recovered in ${(injection.recoveryMs / 1000).toFixed(1)} s` +
        ` (load ${(o.loadProgress() * 100).toFixed(0)} %)`,
    );
  }
  current = undefined;
  await probe.finish();
  return done;
}

async function restartUntilUp(stack: ChaosStack, part: Part): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await stack.restart(part);
      return;
    } catch (e) {
      progress(`restart ${part} (attempt ${attempt}): ${(e as Error).message.split('\n')[0]}`);
      await sleep(500);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
