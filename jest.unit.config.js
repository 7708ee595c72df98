/**
 * `npm run test:unit`: Jest without the production build, for the minute-long loop. Leaves out the
 * test files that read dist/ (they need `npm run build`; `npm test` builds first and runs them):
 * the browser tests, the built bundles, the built manifest, the README's CLI output and the
 * hardening file that also checks the built chunks. No globalSetup: no browser is needed.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  testPathIgnorePatterns: [
    '/node_modules/',
    // Every browser test (they serve dist/), whatever file a feature adds; chromium.test.ts needs no build.
    '<rootDir>/test/e2e/(?!chromium\\.test\\.ts$)[^/]+\\.test\\.ts$',
    // LibreOffice renders: `npm run test:render`.
    '<rootDir>/test/render/',
    '<rootDir>/test/functions/bundle\\.test\\.ts$',
    '<rootDir>/test/taskpane/bundle\\.test\\.ts$',
    '<rootDir>/test/cli/bundle\\.test\\.ts$',
    '<rootDir>/test/manifest\\.test\\.ts$',
    '<rootDir>/test/manifest/built\\.test\\.ts$',
    '<rootDir>/test/readme\\.test\\.ts$',
    '<rootDir>/test/hardening/security\\.test\\.ts$',
  ],
};
