import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../libs/persistence/src/data-source';
import { isPortFree } from './provision/free-port';
import { log } from './provision/log';
import { dataDir, repoRoot } from './provision/paths';
import { ensureDatabase, startPostgres } from './provision/postgres';
import { startDevServer } from './provision/temporal-server';
import { formatDemoUsers, seedDemo } from './seed-demo';

/**
 * `npm start`: PostgreSQL (persistent, under .data/) + the Temporal dev server (SQLite file
 * under .data/, so cases survive restarts) + migrations + worker + API. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  const data = dataDir();
  mkdirSync(data, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log(`stop: ${e.message}`));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const pg = await startPostgres({
      dataDir: join(data, 'postgres'),
      port: Number(process.env.ASO_PG_PORT ?? 55432),
    });
    stops.push(() => pg.stop());
    const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg.adminUrl, 'aso'));

    const temporalPort = Number(process.env.ASO_TEMPORAL_PORT ?? 7233);
    const uiPort = Number(process.env.ASO_TEMPORAL_UI_PORT ?? 8233);
    if (!process.env.TEMPORAL_ADDRESS && !(await isPortFree(temporalPort))) {
      throw new Error(
        `port ${temporalPort} is busy: set ASO_TEMPORAL_PORT, or TEMPORAL_ADDRESS to use that server`,
      );
    }
    const temporal = await startDevServer({
      dbFilename: join(data, 'temporal.db'),
      port: temporalPort,
      uiPort,
    });
    stops.push(() => temporal.stop());

    const applied = await migrate(databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
    const demo = await seedDemo(databaseUrl, {
      organisationId: process.env.ASO_ORGANISATION_ID,
      password: process.env.ASO_DEMO_PASSWORD,
    });

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      PORT: process.env.PORT ?? '3000',
      HOST: process.env.HOST ?? '127.0.0.1',
    };
    for (const app of ['worker', 'api']) {
      const child = spawn(
        process.execPath,
        [join(repoRoot(), 'dist', 'apps', app, 'src', 'main.js')],
        {
          env,
          stdio: 'inherit',
        },
      );
      child.on('exit', (code) => {
        if (!stopping) {
          log(`${app} exited with ${code}; stopping`);
          void shutdown(code ?? 1);
        }
      });
      children.push(child);
    }
    const url = `http://${env.HOST}:${env.PORT}`;
    process.stdout.write(
      [
        '',
        'After-sales case orchestrator is starting:',
        `  Web app      ${url}/   (log in as cs-01 and the others below)`,
        `  API          ${url}   (health: ${url}/healthz)`,
        `  Temporal UI  ${temporal.uiUrl ?? '(external server: see its own UI)'}`,
        `  Temporal     ${temporal.address} namespace ${temporal.namespace}`,
        `  PostgreSQL   ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
        '',
        formatDemoUsers(demo),
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (e) {
    log((e as Error).message);
    await shutdown(1);
  }
}

void main();
