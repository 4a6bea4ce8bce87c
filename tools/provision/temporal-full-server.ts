/**
 * Temporal's own server (go.temporal.io/server, the release the CLI v1.5.1 embeds) on PostgreSQL
 * persistence: the path a production deployment takes, for the benchmark beside the dev server.
 * The binaries are built once with `go install` into the cache; the schema comes from the same
 * module's source in the Go module cache and is applied with temporal-sql-tool.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { isExecutable, run, which } from './exec';
import { freeLoopbackPortIn } from './free-port';
import { log } from './log';
import { cacheDir } from './paths';
import type { TemporalHandle } from './temporal-server';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`;
const SQL_TOOL_MODULE = `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`;

interface Binaries {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the server module */
  schemaDir: string;
}

/** TEMPORAL_SERVER_PATH + TEMPORAL_SQL_TOOL_PATH → our cached build → `go install`. */
export function resolveFullServer(): Binaries {
  const go = which('go');
  const binDir = join(cacheDir(), 'bin');
  const server = process.env.TEMPORAL_SERVER_PATH ?? join(binDir, 'server');
  const sqlTool = process.env.TEMPORAL_SQL_TOOL_PATH ?? join(binDir, 'sql');
  if (!isExecutable(server) || !isExecutable(sqlTool)) {
    if (!go) throw new Error(`no ${server} and no Go toolchain to build ${SERVER_MODULE}`);
    mkdirSync(binDir, { recursive: true });
    log(
      `building Temporal's server: go install ${SERVER_MODULE} ${SQL_TOOL_MODULE} (first run only)`,
    );
    run(go, ['install', SERVER_MODULE, SQL_TOOL_MODULE], {
      env: { ...process.env, GOBIN: binDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  // The schema files ship in the module source, which `go install` left in the module cache.
  const modCache = go ? run(go, ['env', 'GOMODCACHE']).trim() : '';
  const schemaDir =
    process.env.TEMPORAL_SCHEMA_DIR ??
    join(
      modCache,
      `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`,
      'schema',
      'postgresql',
      'v12',
    );
  if (!existsSync(join(schemaDir, 'temporal', 'versioned'))) {
    if (!go) throw new Error(`no schema at ${schemaDir}; set TEMPORAL_SCHEMA_DIR`);
    run(go, ['mod', 'download', `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  return { server, sqlTool, schemaDir };
}

async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function applySchema(bin: Binaries, pg: URL, database: string, versioned: string): void {
  const common = [
    '--plugin',
    'postgres12',
    '--ep',
    pg.hostname,
    '-p',
    pg.port,
    '-u',
    decodeURIComponent(pg.username),
    ...(pg.password ? ['--pw', decodeURIComponent(pg.password)] : []),
    '--db',
    database,
  ];
  run(bin.sqlTool, [...common, 'setup-schema', '-v', '0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  run(
    bin.sqlTool,
    [...common, 'update-schema', '-d', join(bin.schemaDir, versioned, 'versioned')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export interface FullServerHandle extends TemporalHandle {
  pid: number;
}

/**
 * Starts the four services in one process on loopback, with its persistence in two fresh
 * databases of the given cluster (`<prefix>` and `<prefix>_visibility`), and registers the
 * namespace.
 */
export async function startFullServer(
  pgAdminUrl: string,
  prefix = 'temporal_bench',
): Promise<FullServerHandle> {
  const bin = resolveFullServer();
  const pg = new URL(pgAdminUrl);
  const visibility = `${prefix}_visibility`;
  await recreateDatabase(pgAdminUrl, prefix);
  await recreateDatabase(pgAdminUrl, visibility);
  applySchema(bin, pg, prefix, 'temporal');
  applySchema(bin, pg, visibility, 'visibility');

  const root = mkdtempSync(join(tmpdir(), 'aso-temporal-'));
  mkdirSync(join(root, 'config', 'dynamicconfig'), { recursive: true });
  // Below 32768: the server keeps its ports in a smallint column (freeLoopbackPortIn).
  const ports: number[] = [];
  for (let i = 0; i < 9; i++) ports.push(await freeLoopbackPortIn(20_000, 32_767, new Set(ports)));
  const [frontend, frontendHttp, history, matching, worker, ...membership] = ports as [
    number,
    ...number[],
  ];
  writeFileSync(
    join(root, 'config', 'development.yaml'),
    serverConfig({
      pg,
      prefix,
      visibility,
      frontend,
      frontendHttp: frontendHttp!,
      history: history!,
      matching: matching!,
      worker: worker!,
      membership,
      root,
    }),
  );
  // Updates and the other features our workflows use are on by default in this release; the
  // file exists because the server requires one.
  writeFileSync(join(root, 'config', 'dynamicconfig', 'development.yaml'), '{}\n');

  const child = spawn(
    bin.server,
    ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const address = `127.0.0.1:${frontend}`;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  try {
    await registerNamespace(address, namespace, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output.slice(-4000)}`);
  }
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} on ${address} (PostgreSQL ${prefix})`);
  return {
    address,
    namespace,
    external: false,
    pid: child.pid!,
    stop: async () => {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Waits for the frontend, registers the namespace, waits until every service sees it. */
async function registerNamespace(
  address: string,
  namespace: string,
  child: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  let connection: Connection | undefined;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the Temporal server exited with ${child.exitCode}`);
    try {
      connection ??= await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        // The namespace registry refreshes every 10 s: history and matching learn of a new
        // namespace only then, so the first start right after registering could be refused.
        await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
        await connection.close();
        return;
      } catch (e) {
        if (!/not found/i.test((e as Error).message)) throw e;
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: msToTs('1 day'),
        });
        await new Promise((r) => setTimeout(r, 11_000));
      }
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await connection?.close();
  throw new Error(`the Temporal server did not become ready: ${(last as Error)?.message}`);
}

interface ConfigInput {
  pg: URL;
  prefix: string;
  visibility: string;
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  membership: number[];
  root: string;
}

function serverConfig(c: ConfigInput): string {
  const store = (database: string, conns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${c.pg.hostname}:${c.pg.port}"
        connectProtocol: "tcp"
        user: "${decodeURIComponent(c.pg.username)}"
        password: "${decodeURIComponent(c.pg.password)}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `# Generated by tools/provision/temporal-full-server.ts (loopback only).
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${process.env.TEMPORAL_HISTORY_SHARDS ?? 4}
  datastores:
    default:${store(c.prefix, 20)}
    visibility:${store(c.visibility, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:
  frontend:${service(c.frontend, c.membership[0]!, c.frontendHttp)}
  history:${service(c.history, c.membership[1]!)}
  matching:${service(c.matching, c.membership[2]!)}
  worker:${service(c.worker, c.membership[3]!)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${c.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "${join(c.root, 'config', 'dynamicconfig', 'development.yaml')}"
  pollInterval: "10s"
`;
}
