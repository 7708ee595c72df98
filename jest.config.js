/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  // Finds (or unpacks) Chromium once for the browser tests: test/e2e/chromium.js.
  globalSetup: '<rootDir>/test/e2e/globalSetup.js',
  testTimeout: 120000,
};
