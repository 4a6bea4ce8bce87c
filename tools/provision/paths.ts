import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Repository root (tools/provision → ../..), also right when running from dist/tools/provision. */
export const repoRoot = (): string => {
  const here = resolve(__dirname, '..', '..');
  return here.endsWith(`${'/'}dist`) ? resolve(here, '..') : here;
};

/**
 * Builds and downloads are cached outside the repository so a fresh clone on the same machine
 * reuses them; `ASO_CACHE_DIR` moves the cache.
 */
export const cacheDir = (): string =>
  process.env.ASO_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'aso');

/** Where the local run keeps its PostgreSQL cluster and Temporal db file (survives restarts). */
export const dataDir = (): string => process.env.ASO_DATA_DIR ?? join(repoRoot(), '.data');
