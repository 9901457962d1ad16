/**
 * Three projects, one run (`npm test`):
 *  - unit:   pure code of shared/, functions/, scripts/ and the mini-program's Taro-free modules (no servers)
 *  - build:  the artefacts we ship: `serverless package --stage prod` and the weapp build output
 *  - system: API tests and browser tests against the real local stack (DynamoDB Local, s3rver,
 *            serverless offline, the H5 build in Chromium), started once by test/support/global-setup.ts
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Jest's transform cache, inside the repository rather than the system temporary folder (a project
  // setting: each project would otherwise default to os.tmpdir()/jest_*).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};

module.exports = {
  // A test of a few requests or steps. Tests that must do many things in sequence get time in
  // proportion (forRequests in test/support/api.ts, or their own budget); loops over independent
  // things are split into one test each.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // The mini-program's pure modules (no Taro: data → chart series, formatting) are tested here too.
      testMatch: ['<rootDir>/shared/**/*.test.ts', '<rootDir>/functions/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/miniapp/src/**/*.test.ts'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/miniapp/src/$1' },
      setupFiles: ['<rootDir>/test/support/unit-env.ts'],
    },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/test/build/**/*.test.ts'] },
    {
      ...common,
      displayName: 'system',
      testMatch: ['<rootDir>/test/api/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
