import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, which } from '../provision/exec';
import { log } from '../provision/log';
import { cacheDir } from '../provision/paths';

/** Pinned: the CLI's flags and checks changed between majors (v4 is what tools/fuzz speaks). */
export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * The `st` executable of a virtualenv in the project cache (ASO_CACHE_DIR), made on first use
 * with the machine's python3 and PyPI, so a fresh clone on the same machine reuses it.
 */
export function ensureSchemathesis(): string {
  const venv = join(cacheDir(), `schemathesis-${SCHEMATHESIS_VERSION}`);
  const st = join(venv, 'bin', 'st');
  if (existsSync(st)) return st;
  const python = which('python3') ?? which('python');
  if (!python) throw new Error('the fuzz tier needs Python 3 (python3 on PATH) for Schemathesis');
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  run(python, ['-m', 'venv', venv]);
  run(join(venv, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
  if (!existsSync(st)) throw new Error(`schemathesis installed but ${st} is missing`);
  return st;
}
