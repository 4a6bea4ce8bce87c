// Four tiers, named by what is real in them (see ARCHITECTURE.md). Each tier's global setup
// starts only what that tier needs and its teardown stops it.
const swc = ['@swc/jest', JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))];
const moduleNameMapper = {
  '^@aso/(domain|contracts|persistence|temporal|config)$': '<rootDir>/libs/$1/src/index.ts',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.(workflow|replay)\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...base,
      displayName: 'workflow',
      testMatch: [
        '<rootDir>/workflows/test/**/*.workflow.spec.ts',
        '<rootDir>/workflows/test/**/*.replay.spec.ts',
      ],
      globalSetup: '<rootDir>/tools/test-setup/workflow.global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test-setup/slow-tier.setup.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/test-setup/integration.global-setup.ts',
      globalTeardown: '<rootDir>/tools/test-setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test-setup/slow-tier.setup.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/test-setup/e2e.global-setup.ts',
      globalTeardown: '<rootDir>/tools/test-setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test-setup/slow-tier.setup.ts'],
    },
  ],
};
