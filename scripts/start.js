#!/usr/bin/env node
// `npm start`: install dependencies if needed, build (API and web app), then run everything (tools/run-local.ts).
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(process.execPath, [join(__dirname, 'ensure-deps.js')]);
step('npm', ['run', 'build', '--silent']);
step('npm', ['run', 'build:web', '--silent']); // the web app the API serves at / (apps/web)
const r = spawnSync(process.execPath, [join(root, 'dist', 'tools', 'run-local.js')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
