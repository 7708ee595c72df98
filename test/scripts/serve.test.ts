/**
 * scripts/serve.js as a server: icons go out without Cache-Control (Office replaces icons served
 * with cache-control directives by a generic image), pages with no-cache and the CSP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import type { Server } from 'http';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve, CSP } = require('../../scripts/serve.js') as {
  serve(options: { root: string; port: number; tls: null }): Promise<{ server: Server; url: string }>;
  CSP: string;
};

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bontot-serve-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'taskpane.js'), 'void 0;');
  ({ server, url: base } = await serve({ root, port: 0, tls: null }));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

test('an icon has no Cache-Control header', async () => {
  const response = await fetch(`${base}assets/icon-32.png`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  expect(response.headers.has('cache-control')).toBe(false);
});

test('pages and scripts are no-cache; pages carry the CSP', async () => {
  const page = await fetch(`${base}taskpane.html`);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('content-security-policy')).toBe(CSP);
  const script = await fetch(`${base}taskpane.js`);
  expect(script.headers.get('cache-control')).toBe('no-cache');
});
