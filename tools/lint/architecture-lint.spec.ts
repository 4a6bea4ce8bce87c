import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves the architecture's lint rules bite: deliberately bad files, linted in memory under the
 * paths they would have (never written to the tree), must be rejected by the named rule. The
 * probes are declared first and linted together in one ESLint process (type-aware linting is
 * slow to start).
 */
const probes: Array<{ path: string; source: string }> = [];
const results = new Map<number, string[]>();

function probe(path: string, source: string): number {
  probes.push({ path, source });
  return probes.length - 1;
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], {
    input: JSON.stringify(probes),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`lint-probes failed: ${r.stderr}`);
  (JSON.parse(r.stdout) as string[][]).forEach((messages, i) => results.set(i, messages));
}, 120_000);

/** Registers a probe now (at collection time); its messages are read inside the test. */
function ruleIdsFor(path: string, source: string): () => string[] {
  const id = probe(path, source);
  return () => results.get(id) ?? [];
}

const WORKFLOW = 'workflows/src/lint-probe.workflow.ts';
const DOMAIN = 'libs/domain/src/lint-probe.ts';
const restrictedImport = (messages: string[]) =>
  messages.some((m) => m.startsWith('no-restricted-imports'));

const workflowImports = [
  ['a Node builtin', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`],
  ['a bare Node builtin', `import * as fs from 'fs';\nexport const x = fs;\n`],
  ['NestJS', `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`],
  ['TypeORM', `import { DataSource } from 'typeorm';\nexport const x = DataSource;\n`],
  [
    'the Temporal client',
    `import { Client } from '@temporalio/client';\nexport const x = Client;\n`,
  ],
  [
    'persistence',
    `import { CasesRepository } from '@aso/persistence';\nexport const x = CasesRepository;\n`,
  ],
].map(([what, source]) => [what, ruleIdsFor(WORKFLOW, source!)] as const);

const domainImports = [
  ['NestJS', `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`],
  ['TypeORM', `import { Entity } from 'typeorm';\nexport const x = Entity;\n`],
  ['Temporal', `import { sleep } from '@temporalio/workflow';\nexport const x = sleep;\n`],
  ['a Node builtin', `import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n`],
  ['another lib', `import { loadConfig } from '@aso/config';\nexport const x = loadConfig;\n`],
].map(([what, source]) => [what, ruleIdsFor(DOMAIN, source!)] as const);

const domainImpurities = [
  ['reads the clock', `export const now = () => Date.now();\n`, 'no-restricted-syntax'],
  ['constructs the current date', `export const now = () => new Date();\n`, 'no-restricted-syntax'],
  ['reads the environment', `export const env = () => process.env.TZ;\n`, 'no-restricted-globals'],
].map(([what, source, rule]) => [what, ruleIdsFor(DOMAIN, source!), rule!] as const);

const workflowEnv = ruleIdsFor(WORKFLOW, `export const x = process.env.X;\n`);
const libImportsApp = ruleIdsFor(
  'libs/temporal/src/lint-probe.ts',
  `import { AppModule } from '../../../apps/api/src/app.module';\nexport const x = AppModule;\n`,
);
const serviceImports = [
  [
    'apps/api/src/cases/lint-probe.service.ts',
    'TypeORM',
    `import { DataSource } from 'typeorm';\nexport const x = DataSource;\n`,
  ],
  [
    'apps/api/src/cases/lint-probe.service.ts',
    'a type from TypeORM',
    `import type { DataSource } from 'typeorm';\nexport type X = DataSource;\n`,
  ],
  [
    'apps/api/src/cases/lint-probe.controller.ts',
    'TypeORM',
    `import { Repository } from 'typeorm';\nexport const x = Repository;\n`,
  ],
  [
    'apps/worker/src/activities/lint-probe.service.ts',
    'pg',
    `import { Pool } from 'pg';\nexport const x = Pool;\n`,
  ],
].map(([path, what, source]) => [`${path} importing ${what}`, ruleIdsFor(path!, source!)] as const);
const serviceUsesRepository = ruleIdsFor(
  'apps/api/src/cases/lint-probe.service.ts',
  `import { CasesRepository } from '@aso/persistence';\nexport const x = CasesRepository;\n`,
);

const allowed = [
  ruleIdsFor(
    'apps/api/src/lint-probe.ts',
    `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
  ),
  ruleIdsFor(WORKFLOW, `import { sleep } from '@temporalio/workflow';\nexport const x = sleep;\n`),
  ruleIdsFor(DOMAIN, `import { z } from 'zod';\nexport const x = z;\n`),
];

describe('architecture lint rules', () => {
  test.each(workflowImports)('a workflow file importing %s fails lint', (_what, messages) => {
    expect(restrictedImport(messages())).toBe(true);
  });

  test('a workflow reading process.env fails lint', () => {
    expect(workflowEnv().some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
  });

  test.each(domainImports)('libs/domain importing %s fails lint', (_what, messages) => {
    expect(restrictedImport(messages())).toBe(true);
  });

  test.each(domainImpurities)('libs/domain code that %s fails lint', (_what, messages, rule) => {
    expect(messages().some((m) => m.startsWith(rule))).toBe(true);
  });

  test('a library importing an app fails lint', () => {
    expect(restrictedImport(libImportsApp())).toBe(true);
  });

  test('the same imports pass where the architecture allows them (the rules are not blanket bans)', () => {
    expect(allowed.map((messages) => messages())).toEqual([[], [], []]);
  });

  test.each(serviceImports)('%s fails lint (repositories only, issue 9 #5)', (_what, messages) => {
    expect(restrictedImport(messages())).toBe(true);
  });

  test('a service importing a repository from @aso/persistence passes', () => {
    expect(serviceUsesRepository()).toEqual([]);
  });
});
