#!/usr/bin/env node
// Figures of the built web app (`npm run build:web` first; `npm run web:figures`): the JavaScript
// the login + inbox route ships (the entry chunks — the page's boot script and the app — and their
// static imports; the task and case pages are lazy chunks), raw and gzip. Issue 11's budget: ≤ 350 KB gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) walk(i);
};
entries.forEach(walk);
const size = (keys) =>
  [...keys].reduce(
    (acc, k) => {
      const buf = readFileSync(join(dist, manifest[k].file));
      return { raw: acc.raw + buf.length, gzip: acc.gzip + gzipSync(buf, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const initial = size(seen);
const lazy = Object.keys(manifest).filter((k) => !seen.has(k) && manifest[k].file.endsWith('.js'));
console.log(
  `login + inbox route JS: ${kb(initial.raw)} raw, ${kb(initial.gzip)} gzip (${seen.size} chunk(s); budget 350 KB gzip)`,
);
for (const k of lazy) {
  const s = size([k]);
  console.log(`  lazy ${manifest[k].name ?? k}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip`);
}
