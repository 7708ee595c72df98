'use strict';
// Preloaded (node -r) into a benchmark child process: on exit, writes the child's wall time since
// this preload ran and its peak resident memory (process.resourceUsage().maxRSS, in KB) as JSON to
// the file named by BONTOT_BENCH_REPORT. The measured program itself is left untouched.
const { writeFileSync } = require('fs');

const started = process.hrtime.bigint();
const target = process.env.BONTOT_BENCH_REPORT;
if (target) {
  process.on('exit', (code) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    writeFileSync(target, JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, code }));
  });
}
