// Lints in-memory probe files with the project's ESLint config (used by architecture-lint.spec.ts,
// which cannot load the ESM config inside Jest's VM). stdin: [{ path, source }]; stdout: the
// messages of each probe, in order.
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const probes = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { path, source } of probes) {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  out.push((result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
