#!/usr/bin/env node
/**
 * Seed rule → test index across every test tier.
 *
 *   node tools/lint/seed-rules-index.js          regenerate docs/seed-rules-index.md
 *   node tools/lint/seed-rules-index.js --check  fail if the index is stale (run by `npm run lint`)
 *   node tools/lint/seed-rules-index.js --list   print every test with its tier (tab-separated)
 *
 * The rule ids (C01, R08, …) and the DOMAIN.md Decisions come from docs/seed-rules.md, a checked-in
 * copy: SEED_RULES.md and DOMAIN.md live outside the repository and CI clones only the repository.
 * A test names a rule when its title, or the title of a describe block around it, contains the id
 * as a word ("R14 001 篇3 退换货 4: …", "P08 P09 001 §12: …") or "Decision N" ("Decisions 8–9"
 * names both). Titles are read with the TypeScript parser, so template literals, `it.each` and
 * Playwright's `test.describe` count like plain strings. The output is sorted (tier, file, position
 * in the file) and carries no time stamp, so --check is stable.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const dataFile = path.join(root, 'docs', 'seed-rules.md');
const out = path.join(root, 'docs', 'seed-rules-index.md');
const rel = (f) => path.relative(root, f).split(path.sep).join('/');

// ---- the rule list ----------------------------------------------------------------------------
const cells = (line) =>
  line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((c) => c.trim());
const rules = []; // { id, seed, rule, why, section }
const decisions = []; // { id: 'Decision 1', n: 1, text }
let section = '';
for (const line of fs.readFileSync(dataFile, 'utf8').split('\n')) {
  const heading = /^###\s+(.*)$/.exec(line);
  if (heading) section = heading[1].trim();
  if (!line.startsWith('|')) continue;
  const c = cells(line);
  if (/^[A-Z]\d{2}$/.test(c[0]))
    rules.push({ id: c[0], seed: c[1], rule: c[2], why: c[3] || '', section });
  const d = /^Decision (\d+)$/.exec(c[0]);
  if (d) decisions.push({ id: c[0], n: Number(d[1]), text: c[1] });
}
const ruleIds = new Set(rules.map((r) => r.id));
if (ruleIds.size !== rules.length) throw new Error(`${rel(dataFile)}: a rule id appears twice`);

// ---- the tests ------------------------------------------------------------------------------
const TIERS = ['unit', 'integration', 'workflow', 'e2e', 'browser'];
const tierOf = (file) => {
  const r = rel(file);
  if (r.startsWith('test/browser/')) return r.endsWith('.browser.ts') ? 'browser' : null;
  if (r.endsWith('.e2e-spec.ts')) return 'e2e';
  if (r.endsWith('.int-spec.ts')) return 'integration';
  if (/\.(workflow|replay)\.spec\.ts$/.test(r)) return 'workflow';
  if (/\.spec\.tsx?$/.test(r)) return 'unit';
  return null;
};
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.data', 'fixtures']);
const walk = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => !SKIP.has(d.name))
        .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]))
    : [];
const files = ['libs', 'apps', 'workflows', 'test', 'tools']
  .flatMap((d) => walk(path.join(root, d)))
  .filter((f) => tierOf(f))
  .sort((a, b) => (rel(a) < rel(b) ? -1 : rel(a) > rel(b) ? 1 : 0));

/** `it`, `test`, `describe`, and their members (`it.each(...)`, `test.describe`, `describe.skip`). */
const kindOf = (callee) => {
  if (ts.isCallExpression(callee)) return kindOf(callee.expression); // it.each(table)('title')
  if (ts.isIdentifier(callee)) {
    if (callee.text === 'describe') return 'describe';
    if (callee.text === 'it' || callee.text === 'test') return 'test';
    return null;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const base = kindOf(callee.expression);
    const name = callee.name.text;
    if (name === 'describe' || (base === 'describe' && name !== 'each')) return 'describe';
    if (base === 'describe' && name === 'each') return 'describe';
    if (base === 'test' && ['each', 'only', 'concurrent', 'fixme', 'fail', 'slow'].includes(name))
      return 'test';
    return null; // test.step, test.beforeEach, expect.…
  }
  return null;
};
/** The title as written: string literals joined, `${…}` kept as source text. */
const titleOf = (node, sf) => {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return (
      node.head.text +
      node.templateSpans.map((s) => '${' + s.expression.getText(sf) + '}' + s.literal.text).join('')
    );
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = titleOf(node.left, sf);
    const r = titleOf(node.right, sf);
    return l === null || r === null ? null : l + r;
  }
  if (ts.isParenthesizedExpression(node)) return titleOf(node.expression, sf);
  return null;
};

const tests = []; // { file, tier, title, full }
for (const file of files) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node, chain) => {
    if (ts.isCallExpression(node)) {
      const kind = kindOf(node.expression);
      const title = kind && titleOf(node.arguments[0], sf);
      if (title !== null && kind === 'describe') {
        node.arguments.slice(1).forEach((a) => visit(a, [...chain, title]));
        return;
      }
      if (title !== null && kind === 'test') {
        tests.push({ file: rel(file), tier: tierOf(file), title, chain });
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, chain));
  };
  visit(sf, []);
}

// ---- which test names which rule ---------------------------------------------------------------
const byRule = new Map(rules.map((r) => [r.id, []]));
const byDecision = new Map(decisions.map((d) => [d.n, []]));
const ID = /\b([A-Z]\d{2})\b/g;
const DECISION = /\bDecisions?\s+(\d+)(?:\s*(?:[–-]|and|,)\s*(\d+))?/g;
for (const t of tests) {
  const text = [...t.chain, t.title].join(' › ');
  const ids = new Set([...text.matchAll(ID)].map((m) => m[1]).filter((id) => ruleIds.has(id)));
  for (const id of ids) byRule.get(id).push(t);
  const ns = new Set();
  for (const m of text.matchAll(DECISION)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = from; n <= Math.max(from, to); n++) ns.add(n);
  }
  for (const n of ns) if (byDecision.has(n)) byDecision.get(n).push(t);
}

// ---- the document --------------------------------------------------------------------------
const tierRank = (t) => TIERS.indexOf(t.tier);
const sorted = (list) => [...list].sort((a, b) => tierRank(a) - tierRank(b)); // stable: file order kept
const show = (t) =>
  `- ${t.tier}: ${[...t.chain, t.title].join(' › ').replace(/\s+/g, ' ')} — \`${t.file}\``;
const tiersOf = (list) => TIERS.filter((tier) => list.some((t) => t.tier === tier));
const covered = rules.filter((r) => byRule.get(r.id).length);
const lines = [
  '# Seed rules → tests (every tier)',
  '',
  '<!-- Generated by tools/lint/seed-rules-index.js from docs/seed-rules.md — do not edit by hand; run `node tools/lint/seed-rules-index.js`. -->',
  '',
  'Each rule id of `docs/seed-rules.md` (the seed rules, e.g. `C01 001 §25.1`) and each DOMAIN.md',
  'Decision, with the tests whose name (or describe block) carries it, by tier: unit (`*.spec.ts`),',
  'integration (`*.int-spec.ts`), workflow (`workflows/test`), e2e (`test/*.e2e-spec.ts`) and browser',
  '(`test/browser`).',
  '',
  // no total of tests scanned: a test without a rule id must not make the index stale
  `${covered.length} of ${rules.length} rules named by a test; ` +
    `${[...byDecision.values()].filter((l) => l.length).length} of ${decisions.length} Decisions.`,
  '',
  '## Rules without a test',
  '',
];
const missing = rules.filter((r) => !byRule.get(r.id).length);
const explained = missing.filter((r) => r.why);
const open = missing.filter((r) => !r.why);
lines.push(`Not yet tested (${open.length}):`, '');
for (const r of open) lines.push(`- **${r.id}** ${r.seed}: ${r.rule}`);
if (!open.length) lines.push('- none');
lines.push('', `Explained, no test on purpose (${explained.length}):`, '');
for (const r of explained) lines.push(`- **${r.id}** ${r.seed}: ${r.rule} — _${r.why}_`);
if (!explained.length) lines.push('- none');
lines.push('', '## Rules', '');
let current = null;
for (const r of rules) {
  if (r.section !== current) {
    current = r.section;
    lines.push(`### ${current}`, '');
  }
  const list = byRule.get(r.id);
  const tiers = tiersOf(list);
  lines.push(
    `#### ${r.id} ${r.seed}`,
    '',
    r.rule,
    '',
    list.length ? `Tiers: ${tiers.join(', ')}.` : `No test.${r.why ? ` ${r.why}` : ''}`,
    '',
  );
  for (const t of sorted(list)) lines.push(show(t));
  if (list.length) lines.push('');
}
lines.push('## DOMAIN.md Decisions', '');
for (const d of decisions) {
  const list = byDecision.get(d.n);
  lines.push(
    `### ${d.id}`,
    '',
    d.text,
    '',
    list.length ? `Tiers: ${tiersOf(list).join(', ')}.` : 'No test.',
    '',
  );
  for (const t of sorted(list)) lines.push(show(t));
  if (list.length) lines.push('');
}
const doc = lines.join('\n').replace(/\n+$/, '\n');

if (process.argv.includes('--list')) {
  // every test with its tier, one a line: for finding the test that proves a rule
  for (const t of tests) console.log(`${t.tier}\t${t.file}\t${[...t.chain, t.title].join(' › ')}`);
} else if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== doc) {
    console.error(`${rel(out)} is stale: run node tools/lint/seed-rules-index.js`);
    process.exit(1);
  }
  console.log(`seed rules: ${covered.length}/${rules.length} named by a test`);
} else {
  fs.writeFileSync(out, doc);
  console.log(
    `wrote ${rel(out)}: ${tests.length} tests, ${covered.length}/${rules.length} rules named` +
      (open.length ? `; not yet tested: ${open.map((r) => r.id).join(' ')}` : ''),
  );
}
