#!/usr/bin/env node
/*
 * Which Chromium the browser tests drive (playwright-core), in this order:
 *
 *  1. CHROMIUM_PATH, when set and not empty. It is an explicit choice: a path that is not an
 *     executable file is an error (the browser tests fail and name the variable); there is no
 *     silent fall-back to another browser.
 *  2. A system Chromium or Chrome: `chromium`, `chromium-browser`, `google-chrome`,
 *     `google-chrome-stable`, `chrome` on PATH, then the usual install locations (Debian/Ubuntu,
 *     snap, Google's packages, macOS applications, Windows Program Files).
 *  3. The Chromium inside the npm package @sparticuz/chromium (a devDependency; its binary ships in
 *     the package, nothing is downloaded): unpacked once into the temp folder
 *     (`bontot-chromium-<version>-<uid>`, about 200 MB) and reused; the unpacking goes to a private
 *     folder that is renamed into place when complete, so parallel runs never see half a browser.
 *     Linux x64 only (the package has no other build). It renders with its own fonts only (Open
 *     Sans, which has the Vietnamese glyphs, through a fonts.conf written beside it), so its
 *     screenshots do not depend on the machine's fonts.
 *
 * Jest's globalSetup (test/e2e/globalSetup.js) resolves it once before the workers start and hands
 * the result to them in BONTOT_CHROMIUM (JSON). `node test/e2e/chromium.js` prints what it finds.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Names looked up on PATH, in order. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Usual install locations, looked at after PATH. */
function usualLocations(env = process.env) {
  const win = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
  return [
    '/usr/bin/chromium', // candidates, in order: Debian and Ubuntu packages first
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...win.flatMap((dir) => [
      path.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(dir, 'Chromium', 'Application', 'chrome.exe'),
    ]),
  ];
}

/** Flags every launch gets (quiet, no sandbox, nothing leaves the machine on its own). */
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @sparticuz/chromium's own `chromium.args` that are kept. Left out on purpose: the ones that weaken
 * the page's security model, which the security tests check (--disable-web-security,
 * --allow-running-insecure-content, --disable-site-isolation-trials), its
 * `--headless='shell'` (playwright passes --headless), its GPU/WebGL flags (--disable-gpu), and
 * --single-process (measured: with it the browser crashed in the first Excel-mode security test and
 * every later page of that file failed with "Target page, context or browser has been closed").
 */
const NPM_KEEP = new Set([
  '--no-zygote',
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--font-render-hinting=none',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-print-preview',
  '--no-default-browser-check',
  '--ash-no-nudges',
]);

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A system browser, or null. `env` and `exists` are parameters for the unit test. */
function findSystemChromium({ env = process.env, exists = isExecutableFile, locations = usualLocations(env) } = {}) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const file = path.join(dir, name + ext);
        if (exists(file)) return file;
      }
    }
  }
  return locations.find((file) => exists(file)) ?? null;
}

function npmPackageVersion() {
  let dir;
  try {
    dir = path.dirname(require.resolve('@sparticuz/chromium'));
  } catch {
    return null;
  }
  // Its "exports" hide package.json from require(): walk up to it.
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === '@sparticuz/chromium') return json.version;
    }
  }
  return null;
}

/** Where the npm Chromium is unpacked (one folder per package version and user). */
function npmCacheDir(version, tmp = os.tmpdir()) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  return path.join(tmp, `bontot-chromium-${version}-${uid}`);
}

function fontsConf(dir) {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by test/e2e/chromium.js: the npm Chromium renders with its bundled fonts only. -->
<fontconfig>
  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}

/** Unpacks @sparticuz/chromium once; returns the folder that holds `chromium` and `fonts.conf`. */
async function unpackNpmChromium(version) {
  const finalDir = npmCacheDir(version);
  const binary = path.join(finalDir, 'chromium');
  if (isExecutableFile(binary) && fs.existsSync(path.join(finalDir, 'fonts.conf'))) return { dir: finalDir, unpackedMs: null };
  const started = Date.now();
  const staging = `${finalDir}.partial-${process.pid}-${Date.now()}`;
  fs.mkdirSync(staging, { recursive: true });
  const savedTmp = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  try {
    // The package unpacks into os.tmpdir(): point it at the private staging folder meanwhile.
    process.env.TMPDIR = process.env.TMP = process.env.TEMP = staging;
    const sparticuz = require('@sparticuz/chromium');
    const unpacked = await sparticuz.executablePath();
    if (path.resolve(unpacked) !== path.join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
  } finally {
    for (const [key, value] of Object.entries(savedTmp)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  fs.writeFileSync(path.join(staging, 'fonts.conf'), fontsConf(finalDir));
  try {
    fs.renameSync(staging, finalDir);
  } catch (error) {
    // Another run finished first (or a stale incomplete folder is in the way).
    fs.rmSync(staging, { recursive: true, force: true });
    if (!isExecutableFile(binary)) {
      fs.rmSync(finalDir, { recursive: true, force: true });
      throw new Error(`Could not put the unpacked Chromium at ${finalDir}: ${error.message}`);
    }
  }
  return { dir: finalDir, unpackedMs: Date.now() - started };
}

/**
 * Resolves the browser. Returns { source, executablePath, args, env?, unpackedMs? } or throws an
 * Error whose message says what to do. `env` and `locations` are parameters for the unit test.
 */
async function resolveChromium({ env = process.env, locations = usualLocations(env) } = {}) {
  const explicit = env.CHROMIUM_PATH;
  if (explicit !== undefined && explicit !== '') {
    if (!isExecutableFile(explicit)) {
      throw new Error(
        `CHROMIUM_PATH=${explicit} is not an executable file. Point it at a Chromium or Chrome binary, or unset it to use a system Chromium or the npm package @sparticuz/chromium.`,
      );
    }
    return { source: 'CHROMIUM_PATH', executablePath: explicit, args: BASE_ARGS };
  }
  const system = findSystemChromium({ env, locations });
  if (system) return { source: 'system', executablePath: system, args: BASE_ARGS };

  const version = npmPackageVersion();
  if (version === null) {
    throw new Error(
      'No Chromium found: no CHROMIUM_PATH, no system Chromium/Chrome, and the npm package @sparticuz/chromium is not installed (run `npm install`).',
    );
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chromium found: no CHROMIUM_PATH and no system Chromium/Chrome, and @sparticuz/chromium only runs on Linux x64 (this is ${process.platform} ${process.arch}). Install Chrome or Chromium, or set CHROMIUM_PATH.`,
    );
  }
  const { dir, unpackedMs } = await unpackNpmChromium(version);
  const sparticuzArgs = require('@sparticuz/chromium').args.filter((arg) => NPM_KEEP.has(arg));
  const args = [...BASE_ARGS, ...sparticuzArgs.filter((arg) => !BASE_ARGS.includes(arg))];
  return {
    source: `npm @sparticuz/chromium@${version}`,
    executablePath: path.join(dir, 'chromium'),
    args,
    env: { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
    unpackedMs,
  };
}

/** The browser's own version line (e.g. "Chromium 143.0.7499.169"), or null. */
function browserVersion(executablePath) {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 20000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

module.exports = { resolveChromium, findSystemChromium, usualLocations, npmCacheDir, BASE_ARGS, PATH_NAMES };

if (require.main === module) {
  resolveChromium().then(
    (found) => {
      console.log(JSON.stringify({ ...found, version: browserVersion(found.executablePath) }, null, 2));
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
