/* The add-in's origin: every URL in manifest.xml and functions.json names the development origin;
 * a build for another origin (`npm run build -- --env origin=https://host/path/`) rewrites them. */
'use strict';

const DEV_ORIGIN = 'https://localhost:3000/';

/** The origin as a base URL ending in "/"; only https is accepted (Office requires it). */
function normaliseOrigin(origin) {
  if (!origin) return DEV_ORIGIN;
  if (!/^https:\/\/[^\s"'<>&]+$/.test(origin)) {
    throw new Error(`--env origin must be an https URL, got "${origin}"`);
  }
  return origin.endsWith('/') ? origin : `${origin}/`;
}

/** Replaces every development-origin URL in a text (manifest, metadata) by the given origin. */
function rewriteOrigin(content, origin) {
  return String(content).split(DEV_ORIGIN).join(normaliseOrigin(origin));
}

module.exports = { DEV_ORIGIN, normaliseOrigin, rewriteOrigin };
