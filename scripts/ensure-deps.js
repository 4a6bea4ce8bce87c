#!/usr/bin/env node
// Installs npm dependencies when they are missing or older than the lock file. Plain Node, no
// dependencies, so it works on a fresh clone.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const stale =
  !existsSync(marker) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  // `npm install`, not `npm ci`: @swc/core lists platform packages some of which the registry
  // does not serve, so npm leaves them out of the lock file and `npm ci` then refuses it. With a
  // lock file present `npm install` still installs exactly the locked versions.
  const args = ['install', '--no-audit', '--no-fund'];
  process.stderr.write('[deps] npm install\n');
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
