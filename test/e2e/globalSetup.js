/*
 * Jest globalSetup: finds (and, for the npm package, unpacks) the browser once, before the workers
 * start, and hands the result to them in BONTOT_CHROMIUM (JSON, see test/e2e/chromium.js). A failure
 * is handed over too (BONTOT_CHROMIUM_ERROR), so that only the browser tests fail — loudly, with the
 * message — and the other tests still run.
 */
'use strict';
const { resolveChromium } = require('./chromium');

module.exports = async function globalSetup() {
  delete process.env.BONTOT_CHROMIUM;
  delete process.env.BONTOT_CHROMIUM_ERROR;
  try {
    process.env.BONTOT_CHROMIUM = JSON.stringify(await resolveChromium());
  } catch (error) {
    process.env.BONTOT_CHROMIUM_ERROR = error instanceof Error ? error.message : String(error);
  }
};
