import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isExecutable, which } from './exec';
import { log } from './log';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A Chromium Playwright downloaded before (`npx playwright install chromium`), if any. */
function playwrightCache(): string | undefined {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  for (const dir of readdirSync(root)
    .filter((d) => /^chromium-\d+$/.test(d))
    .sort()
    .reverse()) {
    for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const p = join(root, dir, rel);
      if (isExecutable(p)) return p;
    }
  }
  return undefined;
}

const fromPath = () => ON_PATH.map(which).find((p): p is string => !!p);

/**
 * The Chromium the browser tier drives, provisioned like Temporal (tools/provision/): CHROMIUM_PATH
 * → chromium / chromium-browser / google-chrome on PATH → Playwright's own download cache →
 * `apt-get update && apt-get install -y chromium fonts-noto-cjk` when root with apt (Debian ships
 * it; the CJK fonts render the zh-CN pages) → `npx playwright install chromium` (needs the
 * internet). Throws naming everything tried.
 */
export function findChromium(): string {
  const tried: string[] = [];
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (isExecutable(env)) return env;
    tried.push(`CHROMIUM_PATH=${env} (not executable)`);
  } else tried.push('CHROMIUM_PATH (unset)');
  const found = fromPath() ?? playwrightCache();
  if (found) return found;
  tried.push(`${ON_PATH.join(' / ')} on PATH (none)`, 'the Playwright browser cache (empty)');

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && which('apt-get')) {
    log('installing Chromium: apt-get update && apt-get install -y chromium fonts-noto-cjk');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], {
        stdio: 'inherit',
        env,
      });
    const got = fromPath();
    if (got) return got;
    tried.push(
      `apt-get install -y chromium fonts-noto-cjk (${install && install.status === 0 ? 'no chromium afterwards' : 'failed'})`,
    );
  } else tried.push('apt-get (not root or no apt)');

  log('installing Chromium: npx playwright install chromium');
  const pw = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  const got = playwrightCache();
  if (got) return got;
  tried.push(
    `npx playwright install chromium (${pw.status === 0 ? 'nothing installed' : 'failed'})`,
  );
  throw new Error(
    `no Chromium for the browser tier. Tried: ${tried.join('; ')}. ` +
      'Install Chromium or Chrome, or set CHROMIUM_PATH to its executable.',
  );
}
