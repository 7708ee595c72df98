/**
 * `npm run test:render`: prints the written documents to PDF with LibreOffice (not part of
 * `npm test`: a fresh machine has no LibreOffice). See test/render/render.test.ts.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/render'],
  testPathIgnorePatterns: [],
  // No browser here: the Chromium setup of the browser tests is not needed.
  globalSetup: undefined,
  testTimeout: 300000,
};
