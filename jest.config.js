/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // test/render needs LibreOffice: `npm run test:render` (jest.render.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/render/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  // Finds (or unpacks) Chromium once for the browser tests: test/e2e/chromium.js.
  globalSetup: '<rootDir>/test/e2e/globalSetup.js',
  testTimeout: 120000,
};
