import { TestWorkflowEnvironment } from '@temporalio/testing';
import { log } from './log';
import { resolveTemporalCli } from './temporal-cli';
import { resolveTestServer } from './test-server';

export interface TemporalHandle {
  address: string;
  namespace: string;
  /** Web UI, when the dev server runs one. */
  uiUrl?: string;
  external: boolean;
  stop(): Promise<void>;
}

export interface StartDevServerOptions {
  /** SQLite file so cases survive restarts (local run); omitted → in memory (tests). */
  dbFilename?: string;
  /**
   * SQLite pragmas for the file (`--sqlite-pragma`); omitted → FILE_DB_PRAGMAS. `{}` runs the
   * dev server's own defaults (a rollback journal and a full sync per commit): the bench's
   * comparison.
   */
  sqlitePragmas?: Record<string, string>;
  port?: number;
  uiPort?: number;
}

/**
 * The dev server's file database (`npm start`) in write-ahead-log mode, synced at checkpoints
 * rather than at every commit. Why: by default SQLite keeps a rollback journal and syncs it and the
 * file on every commit, and the server commits several times per workflow task. With WAL and
 * synchronous=NORMAL a commit survives the server process being killed (the WAL is in the OS's
 * page cache); only an OS crash or power loss can lose the last commits — acceptable for the
 * local run, which is not the production path (Temporal's own server on PostgreSQL is).
 */
export const FILE_DB_PRAGMAS: Readonly<Record<string, string>> = {
  journal_mode: 'wal',
  synchronous: 'normal',
};

/** The dev server's arguments for SQLite pragmas (`npm start`, the chaos run, the benches). */
export const sqlitePragmaArgs = (pragmas: Readonly<Record<string, string>>): string[] =>
  Object.entries(pragmas).flatMap(([k, v]) => ['--sqlite-pragma', `${k}=${v}`]);

const failure = (what: string, tried: string[], cause: unknown): Error =>
  new Error(
    `Could not start ${what}. Tried, in order:\n  - ${tried.join('\n  - ')}\n  - the @temporalio/testing download ` +
      `(failed: ${(cause as Error).message})\nSet TEMPORAL_ADDRESS to use a running server, or install one of the above.`,
  );

/** The Temporal dev server: TEMPORAL_ADDRESS if set, else the CLI resolved by resolveTemporalCli. */
export async function startDevServer(options: StartDevServerOptions = {}): Promise<TemporalHandle> {
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  if (process.env.TEMPORAL_ADDRESS) {
    return {
      address: process.env.TEMPORAL_ADDRESS,
      namespace,
      external: true,
      stop: async () => undefined,
    };
  }
  const { executable, tried } = resolveTemporalCli();
  const pragmas = options.dbFilename ? (options.sqlitePragmas ?? FILE_DB_PRAGMAS) : {};
  const extraArgs = sqlitePragmaArgs(pragmas);
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable,
        ip: '127.0.0.1',
        namespace,
        dbFilename: options.dbFilename,
        port: options.port,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        log: { format: 'pretty', level: 'error' },
        extraArgs,
      },
    });
    const address = env.address;
    log(
      `Temporal dev server on ${address}${options.dbFilename ? ` (db ${options.dbFilename}${extraArgs.length ? `, ${Object.entries(pragmas).map(([k, v]) => `${k}=${v}`).join(' ')}` : ', SQLite defaults'})` : ' (in memory)'}`,
    );
    return {
      address,
      namespace,
      uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
      external: false,
      stop: () => env.teardown(),
    };
  } catch (e) {
    throw failure('the Temporal dev server', tried, e);
  }
}

/** Tue 1 Dec 2026 00:00 in Shanghai: where every time-skipping test server's clock starts. */
export const TEST_SERVER_START = '2026-11-30T16:00:00.000Z';

/** A time-skipping test environment on Temporal's Java test server (one per workflow test file). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.ASO_TEST_SERVER_PATH;
  const { executable, tried } = path
    ? {
        executable: { type: 'existing-path' as const, path },
        tried: [`ASO_TEST_SERVER_PATH=${path}`],
      }
    : resolveTestServer();
  // The workflow tests walk real dates of the 2026 China calendar (December's holiday-free weeks,
  // the New Year and Spring Festival blocks): the server's clock starts at one fixed instant
  // before all of them, whatever day the suite runs (our launcher reads it; see
  // LoopbackTestServer.java), so a date a test sleeps to never lies in the past.
  // (Outside jest; under jest the workflow global setup sets it, see there.)
  process.env.ASO_TEST_SERVER_START ??= TEST_SERVER_START;
  // The SDK waits 5 s for the server's port; a JVM on a loaded 2-core machine can take longer
  // to start, so a start that timed out is tried again before the test file fails.
  let last: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
    } catch (e) {
      last = e;
      if (!/did not start within/.test((e as Error).message)) break;
    }
  }
  throw failure('the Temporal time-skipping test server', tried, last);
}
