// Lint is where the architecture's one-way dependencies are enforced (ARCHITECTURE.md):
//   apps/* → libs/{temporal, persistence, config} → libs/contracts → libs/domain
//   workflows → libs/contracts, libs/domain (+ type-only imports of activity interfaces)
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const frameworks = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'express', '@temporalio/*'];
const restrict = (paths, patterns) => ['error', { paths, patterns }];
// In-memory files of tools/lint/architecture-lint.spec.ts (never on disk, so in no tsconfig).
const lintProbes = [
  'workflows/src/lint-probe.workflow.ts',
  'libs/*/src/lint-probe.ts',
  'apps/*/src/lint-probe.ts',
  'apps/*/src/*/lint-probe.service.ts',
  'apps/*/src/*/lint-probe.controller.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'workflows/test/replay/fixtures/**',
      // The web app (React, browser globals) has its own tsconfig and is typechecked by it.
      'apps/web/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', ...lintProbes] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Nothing imports an app.
    files: ['libs/**/*.ts', 'workflows/**/*.ts', 'tools/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [],
        [{ group: ['**/apps/**', 'apps/*'], message: 'Nothing imports apps/*.' }],
      ),
    },
  },
  {
    // The domain is pure: no framework, no Node builtin, no other lib; only tiny pure utilities.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        nodeBuiltins.map((name) => ({ name, message: 'libs/domain is pure: no Node builtins.' })),
        [
          {
            group: [...frameworks, 'zod/*'],
            message: 'libs/domain is pure: no framework imports.',
          },
          {
            group: ['@aso/*', '**/libs/*/src/**', '../../*/src/**'],
            message: 'libs/domain imports nothing outside itself.',
          },
        ],
      ),
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'libs/domain reads no environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'libs/domain has no clock: pass `now`.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'libs/domain has no clock: pass `now`.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'libs/domain is deterministic.',
        },
      ],
    },
  },
  {
    // Contracts: messages and payload types only; may use the domain and zod.
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, [
        {
          group: [
            '@nestjs/*',
            'typeorm',
            'pg',
            '@temporalio/client',
            '@temporalio/worker',
            '@aso/persistence',
            '@aso/temporal',
            '@aso/config',
          ],
          message: 'libs/contracts depends only on libs/domain.',
        },
      ]),
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox.
    files: ['workflows/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        nodeBuiltins.map((name) => ({
          name,
          message: 'Workflows run in the Temporal sandbox: no Node builtins.',
        })),
        [
          {
            group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'express'],
            message: 'Workflows must not import NestJS, TypeORM or database drivers.',
          },
          {
            group: [
              '@temporalio/client',
              '@temporalio/worker',
              '@temporalio/activity',
              '@temporalio/testing',
            ],
            message: 'Workflows import only @temporalio/workflow.',
          },
          {
            group: ['@aso/persistence', '@aso/temporal', '@aso/config', '**/apps/**'],
            message: 'Workflows depend only on @aso/contracts and @aso/domain.',
          },
        ],
      ),
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Workflows never read env or config.' },
      ],
    },
  },
  {
    // Services and controllers speak to the database only through the injected repositories of
    // @aso/persistence (PersistenceModule): no TypeORM, no driver, no SQL of their own.
    files: [
      'apps/*/src/**/*.service.ts',
      'apps/*/src/**/*.controller.ts',
      'apps/*/src/*.service.ts',
      'apps/*/src/*.controller.ts',
    ],
    rules: {
      'no-restricted-imports': restrict(
        [],
        [
          {
            group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'],
            message:
              'Services and controllers use the repositories of @aso/persistence (injected by PersistenceModule), never TypeORM or pg.',
          },
        ],
      ),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
