import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutable, run, which } from './exec';
import { log } from './log';
import { cacheDir } from './paths';

/** The newest CLI tag whose go.mod has no replace directives, so `go install` can build it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export type ServerExecutable =
  { type: 'existing-path'; path: string } | { type: 'cached-download'; downloadDir: string };

export interface Resolution {
  executable: ServerExecutable;
  tried: string[];
}

/**
 * The Temporal CLI (dev server), each source only when the previous is unavailable:
 * TEMPORAL_CLI_PATH → `temporal` on PATH → our cached build → `go install` → the SDK's download.
 * (TEMPORAL_ADDRESS, an already running server, is handled by the caller before this.)
 */
export function resolveTemporalCli(): Resolution {
  const tried: string[] = [];
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (isExecutable(explicit))
      return { executable: { type: 'existing-path', path: explicit }, tried };
    tried.push(`TEMPORAL_CLI_PATH=${explicit} (not an executable)`);
  } else tried.push('TEMPORAL_CLI_PATH (unset)');

  const onPath = which('temporal');
  if (onPath) return { executable: { type: 'existing-path', path: onPath }, tried };
  tried.push('`temporal` on PATH (none)');

  const binDir = join(cacheDir(), 'bin');
  const cached = join(binDir, 'temporal');
  if (isExecutable(cached)) return { executable: { type: 'existing-path', path: cached }, tried };
  tried.push(`cached build ${cached} (none)`);

  const go = which('go');
  if (go) {
    mkdirSync(binDir, { recursive: true });
    log(
      `building the Temporal CLI: go install ${TEMPORAL_CLI_MODULE} (first run only, a few minutes)`,
    );
    try {
      run(go, ['install', TEMPORAL_CLI_MODULE], {
        env: { ...process.env, GOBIN: binDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (existsSync(cached)) return { executable: { type: 'existing-path', path: cached }, tried };
      tried.push(`go install ${TEMPORAL_CLI_MODULE} (finished but produced no binary)`);
    } catch (e) {
      tried.push(
        `go install ${TEMPORAL_CLI_MODULE} (failed: ${(e as Error).message.split('\n')[0]})`,
      );
    }
  } else tried.push('go install (no Go toolchain on PATH)');

  log('falling back to the @temporalio/testing download of the dev server (needs internet)');
  return {
    executable: { type: 'cached-download', downloadDir: join(cacheDir(), 'sdk-downloads') },
    tried,
  };
}
