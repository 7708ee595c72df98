/**
 * `npm start` (scripts/start.js) as a process: a busy port is reported at once, before any build;
 * with a certificate it serves https and redirects plain http on the same port to https; the useful
 * lines (URLs, sideload steps, trust commands with the CA's full path) come last. HOME points at a
 * temporary folder so the certificate files are made there, never in the user's.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import os from 'os';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bontot-start-home-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], port: number): Started {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, USERPROFILE: home, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(started: Started, pattern: RegExp, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`start.js exited (${started.child.exitCode}):\n${started.output()}`);
    if (Date.now() > end) throw new Error(`no ${pattern} within ${ms} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function get(url: string, options: https.RequestOptions = {}): Promise<{ status: number; location: string | undefined }> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, options, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    });
    request.once('error', reject);
  });
}

test('a busy port is reported at once, before any build', async () => {
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, 'localhost', () => resolve()));
  const { port } = busy.address() as net.AddressInfo;
  try {
    const started = start([], port);
    const began = Date.now();
    expect(await started.exited).toBe(1);
    expect(Date.now() - began).toBeLessThan(15000);
    expect(started.output()).toContain(`Không mở được cổng ${port}`);
    expect(started.output()).toContain('PORT=3001 npm start');
    expect(started.output()).not.toMatch(/Đang build|Cần build|webpack/);
  } finally {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  }
});

test('serves https, redirects http on the same port to https, and prints the useful lines last', async () => {
  const port = await freePort();
  const started = start(['--no-build'], port);
  try {
    await waitFor(started, /Nhấn Ctrl\+C để dừng\./, 60000);
    const caPath = path.join(home, '.office-addin-dev-certs', 'ca.crt');
    const ca = readFileSync(caPath);

    const plain = await get(`http://localhost:${port}/taskpane.html?sample=chi-bo-mau`);
    expect(plain).toEqual({ status: 308, location: `https://localhost:${port}/taskpane.html?sample=chi-bo-mau` });
    const secure = await get(`https://localhost:${port}/`, { ca });
    expect(secure).toEqual({ status: 302, location: '/taskpane.html' });

    const lines = started.output().trimEnd().split('\n');
    expect(lines.slice(-6)).toEqual([
      `Bốn Tốt đang chạy tại https://localhost:${port}/`,
      `  Trang kiểm tra tệp .xlsx (mở sẵn sổ tính ví dụ): https://localhost:${port}/taskpane.html?sample=chi-bo-mau`,
      `  Hướng dẫn các hàm BONTOT:                        https://localhost:${port}/help/functions.html`,
      `  Manifest:                                         ${path.join(ROOT, 'dist', 'manifest.xml')}`,
      '',
      'Nhấn Ctrl+C để dừng.',
    ]);
    const text = started.output();
    // A first start makes the certificate: the browser will warn until its CA is trusted, said plainly.
    expect(text).toContain('TRÌNH DUYỆT SẼ CẢNH BÁO');
    expect(text).toContain(caPath);
    expect(text).toContain(`http://localhost:${port}/ chuyển sang https`);
    expect(text.indexOf('Cài vào Excel')).toBeLessThan(text.indexOf('Bốn Tốt đang chạy tại'));
  } finally {
    started.child.kill('SIGTERM');
    await started.exited;
  }
});
