/**
 * The fault suite (`npm run test:faults`): scenarios that kill, flush and restart a Postgres and a Redis of
 * their own and the services as processes. `*.slow.fault-spec.ts` run only on demand; the others also in CI.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testRegex: 'test/faults/.*\\.fault-spec\\.ts$',
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 300000,
};
