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
require(compiled).run(process.argv.slice(2));
