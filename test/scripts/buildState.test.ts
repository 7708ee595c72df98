/** scripts/buildState.js: when `npm start` may skip the build (on a fake project in a temp folder). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildNeeded, touchOutputs, BUILD_INPUTS } = require('../../scripts/buildState.js') as {
  buildNeeded(root: string): string | null;
  touchOutputs(root: string): void;
  BUILD_INPUTS: string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteOrigin } = require('../../scripts/origin.js') as { rewriteOrigin(content: string, origin?: string): string };

const MANIFEST = '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>';
let root: string;
const past = new Date(Date.now() - 3600_000);

function write(file: string, content = 'x', time = past): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
  utimesSync(path.join(root, file), time, time);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bontot-buildstate-'));
  for (const input of BUILD_INPUTS) write(input.includes('.') ? input : `${input}/a.ts`, input === 'manifest.xml' ? MANIFEST : 'x');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function buildDist(origin?: string): void {
  for (const file of ['functions.js', 'taskpane.js', 'taskpane.html', 'cli/cli.js']) write(`dist/${file}`);
  write('dist/manifest.xml', rewriteOrigin(MANIFEST, origin));
  touchOutputs(root);
}

test('no dist/ → build', () => {
  expect(buildNeeded(root)).toMatch(/^dist\/ chưa có functions\.js/);
});

test('a dist/ newer than every input is up to date; a later edit makes it stale', () => {
  buildDist();
  expect(buildNeeded(root)).toBeNull();
  write('src/core/rule.ts', 'changed', new Date(Date.now() + 5000));
  expect(buildNeeded(root)).toBe('mã nguồn mới hơn dist/: src');
});

test('the CLI missing, or a dist/ built for another origin → build', () => {
  buildDist();
  rmSync(path.join(root, 'dist', 'cli', 'cli.js'));
  expect(buildNeeded(root)).toBe('dist/ chưa có cli/cli.js');
  buildDist('https://intranet.example.vn/');
  expect(buildNeeded(root)).toMatch(/^dist\/manifest\.xml khác manifest\.xml/);
});
