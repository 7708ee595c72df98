#!/usr/bin/env node
// Launcher of the `bontot` command line (SPEC §6). `npm run build` bundles src/cli.ts into
// dist/cli/bontot.js (webpack.cli.config.js: one file starts faster than the ~140 modules it holds)
// and compiles it module by module with tsc -p tsconfig.cli.json → dist/cli/cli.js, which runs when
// the bundle is missing.
'use strict';
const path = require('path');
const fs = require('fs');

const dist = path.join(__dirname, '..', 'dist', 'cli');
const compiled = [path.join(dist, 'bontot.js'), path.join(dist, 'cli.js')].find((file) => fs.existsSync(file));
if (!compiled) {
  process.stderr.write(
    'bontot chưa được build: chạy "npm install && npm run build" trong thư mục dự án rồi thử lại.\n' +
      `(không tìm thấy ${path.join(dist, 'cli.js')})\n`,
  );
  process.exit(2);
}
// Node ≥ 22.1 keeps the compiled code of the modules between runs (a faster second start); older
// Node has no such function, and a cache that cannot be written is only slower, never wrong.
const { enableCompileCache } = require('module');
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // No cache directory: run without it.
  }
}
require(compiled).run(process.argv.slice(2));
