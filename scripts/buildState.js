/* Is dist/ up to date? `npm start` skips the build when it is (same inputs as bench/main.ts,
 * plus the scripts webpack runs and manifest.xml, and a dist/ built for another origin). */
'use strict';
const fs = require('fs');
const path = require('path');
const { rewriteOrigin } = require('./origin');

const BUILD_INPUTS = [
  'src',
  'functions',
  'taskpane',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'webpack.cli.config.js',
  'scripts/help-pages.js',
  'scripts/origin.js',
  'tsconfig.json',
  'tsconfig.bundle.json',
  'tsconfig.cli.json',
  'package.json',
];
/** What webpack writes (it leaves a file alone when its content did not change) and what tsc writes. */
const WEB_OUTPUTS = ['functions.js', 'taskpane.js', 'taskpane.html', 'manifest.xml'];
const CLI_OUTPUT = path.join('cli', 'cli.js');

function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Why dist/ needs a build (Vietnamese, for the console), or null when it is up to date. */
function buildNeeded(root) {
  const dist = path.join(root, 'dist');
  const missing = [...WEB_OUTPUTS, CLI_OUTPUT].filter((p) => !fs.existsSync(path.join(dist, p)));
  if (missing.length > 0) return `dist/ chưa có ${missing.join(', ')}`;
  const source = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  if (fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8') !== rewriteOrigin(source)) {
    return 'dist/manifest.xml khác manifest.xml (build cho địa chỉ khác, hoặc đã sửa)';
  }
  // The last web build is the newest of its outputs; the CLI build rewrites every file.
  const built = Math.min(
    Math.max(...WEB_OUTPUTS.map((p) => fs.statSync(path.join(dist, p)).mtimeMs)),
    fs.statSync(path.join(dist, CLI_OUTPUT)).mtimeMs,
  );
  const newer = BUILD_INPUTS.filter((p) => newestMtime(path.join(root, p)) > built);
  return newer.length > 0 ? `mã nguồn mới hơn dist/: ${newer.join(', ')}` : null;
}

/** Marks dist/ as built now (a build that changed no output leaves the old times). */
function touchOutputs(root) {
  const now = new Date();
  for (const p of [...WEB_OUTPUTS, CLI_OUTPUT]) {
    const file = path.join(root, 'dist', p);
    if (fs.existsSync(file)) fs.utimesSync(file, now, now);
  }
}

module.exports = { buildNeeded, touchOutputs, BUILD_INPUTS };
