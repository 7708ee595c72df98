#!/usr/bin/env node
// Launcher of the `bontot` command line (SPEC §6). The CLI is compiled from src/cli.ts by
// `npm run build` (tsc -p tsconfig.cli.json → dist/cli/cli.js).
'use strict';
const path = require('path');
const fs = require('fs');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'cli.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write(
    'bontot chưa được build: chạy "npm install && npm run build" trong thư mục dự án rồi thử lại.\n' + `(không tìm thấy ${compiled})\n`,
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
