// The fuzz tier (`npm run test:fuzz`): Schemathesis against the built API on the e2e stack
// (PostgreSQL + Temporal dev server + worker). Not one of `npm test`'s projects: it is slow and
// needs Python; CI runs it after `npm test` (.ci/run).
const base = require('../../jest.config.js').projects.find((p) => p.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: require('node:path').resolve(__dirname, '..', '..'),
  displayName: 'fuzz',
  testMatch: ['<rootDir>/tools/fuzz/**/*.fuzz-spec.ts'],
};
