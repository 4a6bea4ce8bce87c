import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { progress } from './progress';

/**
 * A long-running part of the stack (worker, API, Temporal dev server) as a real child process
 * that the chaos run may kill -9 at any moment. Like an orchestrator (systemd, Kubernetes), it is
 * restarted whenever it dies — by our kill or on its own (e.g. the worker exits when it cannot
 * reach Temporal at boot); own exits are counted, since a part that keeps dying is a finding.
 * Output goes to a log file in the run folder, never to memory.
 */
export interface ManagedProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** resolves once the freshly started process serves (a log line, a port answering) */
  ready: (proc: ManagedProcess, child: ChildProcess) => Promise<void>;
}

export class ManagedProcess {
  private child: ChildProcess | undefined;
  private readonly log: WriteStream;
  private stopping = false;
  private killedByUs = false;
  private restarting = false;
  private output = '';
  /** the first 16 KiB of the current incarnation: its boot lines, which a burst of request logs
   * right after boot (every client retrying at once) would push out of the tail */
  private head = '';
  /** times the process died without being killed by the chaos run */
  ownExits = 0;
  restarts = 0;

  constructor(private readonly spec: ManagedProcessSpec) {
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
  }

  get name(): string {
    return this.spec.name;
  }

  /** the boot lines and the last 8 KiB of output of the current incarnation (for readiness lines) */
  recentOutput(): string {
    return `${this.head}\n${this.output}`;
  }

  async start(): Promise<void> {
    const child = spawn(this.spec.command, this.spec.args, {
      env: this.spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    this.head = '';
    this.killedByUs = false;
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      if (this.head.length < 16_384) this.head = (this.head + chunk.toString()).slice(0, 16_384);
      this.output = (this.output + chunk.toString()).slice(-8192);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      this.log.write(`\n[chaos] ${this.name} exited (code ${code}, signal ${signal})\n`);
      if (this.stopping || this.child !== child) return;
      // An incarnation that dies while a restart loop is starting it is that loop's to retry.
      if (!this.killedByUs && !this.restarting) {
        this.ownExits += 1;
        progress(`${this.name} exited on its own (code ${code}); restarting`);
        // A part that cannot start (a dependency still down) would spin: back off a little.
        setTimeout(() => void this.restart(), 500);
      }
    });
    await Promise.race([
      this.spec.ready(this, child),
      new Promise<never>((_, reject) =>
        child.once('exit', (code) =>
          reject(new Error(`${this.name} exited with ${code} before it was ready`)),
        ),
      ),
    ]);
  }

  /** kill -9 and wait until the process is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.killedByUs = true;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Starts a new incarnation, retrying until it is ready (a dependency may still be coming up). */
  async restart(): Promise<void> {
    if (this.stopping || this.restarting) return;
    this.restarting = true;
    this.restarts += 1;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.start();
          return;
        } catch (e) {
          if (this.stopping) return;
          progress(`${this.name} restart attempt ${attempt} failed: ${(e as Error).message}`);
          // One that never became ready may still hold its port: it goes before the next try.
          await this.kill9();
          await new Promise((r) => setTimeout(r, Math.min(250 * attempt, 2000)));
        }
      }
    } finally {
      this.restarting = false;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}

/** Ready once the process's output matches `line`. */
export const readyOnLine =
  (line: RegExp, timeoutMs = 120_000) =>
  (proc: ManagedProcess): Promise<void> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const tick = () => {
        if (line.test(proc.recentOutput())) return resolve();
        if (Date.now() > deadline) return reject(new Error(`${proc.name}: no ${line} in time`));
        setTimeout(tick, 50);
      };
      tick();
    });
