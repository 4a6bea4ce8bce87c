// `npm run replay:record`: runs record-fixtures.ts with the workflow tier's setup.
const base = require('../../../jest.config.js').projects.find((p) => p.displayName === 'workflow');

module.exports = {
  ...base,
  displayName: 'replay-record',
  testMatch: ['<rootDir>/workflows/test/replay/record-fixtures.ts'],
};
