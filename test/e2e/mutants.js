#!/usr/bin/env node
/*
 * Proves the browser tests fail when the UI is broken: copies dist/ to test/e2e/__output__/, breaks
 * one thing in the copy's taskpane.js (a "mutant"), runs the browser tests that should notice
 * against the copy (E2E_DIST), and reports which tests failed. dist/ itself is never touched.
 *
 *   node test/e2e/mutants.js            every mutant (several minutes)
 *   node test/e2e/mutants.js check-noop  one mutant by name
 *
 * The patterns match the minified production bundle (npm run build); a mutant whose pattern is not
 * found exactly once is reported as "not applied" (the bundle changed) rather than silently passing.
 * Exit status 0 when every applied mutant made at least one test fail.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUTPUT = path.join(__dirname, '__output__');

const MUTANTS = [
  {
    name: 'check-noop',
    what: 'the "Kiểm tra" button does nothing',
    find: 't.addEventListener("click",()=>{d()})',
    replace: 't.addEventListener("click",()=>{})',
    tests: ['test/e2e/excel.test.ts'],
  },
  {
    name: 'issues-empty',
    what: 'the data issue list renders nothing (always "no data issues")',
    find: '0===o.length?v("p",{class:"muted",i18n:"issues.none"}):v("div",{},o)',
    replace: 'v("p",{class:"muted",i18n:"issues.none"})',
    tests: ['test/e2e/standalone.test.ts', 'test/e2e/excel.test.ts'],
  },
  {
    name: 'text-as-html',
    what: 'cell text is inserted as HTML (innerHTML instead of textContent)',
    find: 'void 0!==n.text&&(i.textContent=n.text)',
    replace: 'void 0!==n.text&&(i.innerHTML=n.text)',
    tests: ['test/e2e/security.test.ts'],
  },
  {
    name: 'select-a1',
    what: 'clicking an issue selects A1 instead of its cell',
    find: 'i.getRange(Yi(t)).select()',
    replace: 'i.getRange("A1").select()',
    tests: ['test/e2e/excel.test.ts'],
  },
  {
    name: 'clear-all-formats',
    what: '"Bỏ tô màu" clears every conditional format, the user\'s too',
    find: 'async function ho(e){const{ours:n}=await uo(e);if(0===n.length)return 0;for(const e of n)e.delete();return await e.sync(),n.length}',
    replace:
      'async function ho(e){const{ours:n}=await uo(e);const w=e.workbook.worksheets;w.load("items/name");await e.sync();for(const s of w.items)s.getRange().conditionalFormats.clearAll();await e.sync();return n.length}',
    tests: ['test/e2e/excel.test.ts'],
  },
];

function count(haystack, needle) {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n += 1;
  return n;
}

function run(mutant) {
  const dir = path.join(OUTPUT, `mutant-${mutant.name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(DIST, dir, { recursive: true });
  const file = path.join(dir, 'taskpane.js');
  const source = fs.readFileSync(file, 'utf8');
  const found = count(source, mutant.find);
  if (found !== 1) return { ...mutant, applied: false, note: `pattern found ${found} times` };
  fs.writeFileSync(file, source.replace(mutant.find, mutant.replace));
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--verbose', ...mutant.tests], {
    cwd: ROOT,
    env: { ...process.env, E2E_DIST: dir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const failed = output
    .split('\n')
    .filter((line) => /^\s*✕ /.test(line))
    .map((line) => line.trim().slice(2));
  const reasons = output
    .split('\n')
    .filter((line) => /\[step: |Expected|Received/.test(line))
    .slice(0, 6)
    .map((line) => line.trim());
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...mutant, applied: true, status: result.status, failed, reasons, seconds: Math.round((Date.now() - started) / 1000) };
}

const only = process.argv[2];
const chosen = MUTANTS.filter((m) => !only || m.name === only);
if (chosen.length === 0) {
  console.error(`no mutant named ${only}; known: ${MUTANTS.map((m) => m.name).join(', ')}`);
  process.exit(2);
}
let ok = true;
for (const mutant of chosen) {
  const outcome = run(mutant);
  if (!outcome.applied) {
    ok = false;
    console.log(`✗ ${mutant.name} (${mutant.what}): NOT APPLIED — ${outcome.note}`);
    continue;
  }
  const caught = outcome.status !== 0 && outcome.failed.length > 0;
  if (!caught) ok = false;
  console.log(`${caught ? '✓ caught' : '✗ NOT CAUGHT'} ${mutant.name} (${mutant.what}) in ${outcome.seconds} s`);
  for (const name of outcome.failed) console.log(`    failed: ${name}`);
  for (const line of outcome.reasons) console.log(`      ${line.slice(0, 200)}`);
}
process.exit(ok ? 0 : 1);
