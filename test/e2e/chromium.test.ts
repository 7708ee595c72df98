/**
 * How the browser tests find Chromium (test/e2e/chromium.js): CHROMIUM_PATH first and strictly, a
 * system browser next, the npm package @sparticuz/chromium last. Needs no build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolver = require('./chromium') as {
  resolveChromium(options?: { env?: NodeJS.ProcessEnv; locations?: string[] }): Promise<{
    source: string;
    executablePath: string;
    args: string[];
    env?: Record<string, string>;
  }>;
  findSystemChromium(options?: { env?: NodeJS.ProcessEnv; locations?: string[] }): string | null;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bontot-chromium-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBinary(name: string, mode = 0o755): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\necho fake\n', { mode });
  return file;
}

describe('CHROMIUM_PATH', () => {
  test('a path to nothing is an error naming the variable, never a fall-back', async () => {
    const missing = path.join(dir, 'nowhere', 'chromium');
    await expect(resolver.resolveChromium({ env: { CHROMIUM_PATH: missing, PATH: '' }, locations: [] })).rejects.toThrow(
      `CHROMIUM_PATH=${missing} is not an executable file`,
    );
  });

  test('a file that is not executable is refused too', async () => {
    const file = fakeBinary('not-executable', 0o644);
    await expect(resolver.resolveChromium({ env: { CHROMIUM_PATH: file }, locations: [] })).rejects.toThrow(/CHROMIUM_PATH=.*not an executable file/);
  });

  test('an executable file is used as it is, before any system browser', async () => {
    const file = fakeBinary('my-chrome');
    const onPath = path.join(dir, 'bin');
    mkdirSync(onPath, { recursive: true });
    writeFileSync(path.join(onPath, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    const found = await resolver.resolveChromium({ env: { CHROMIUM_PATH: file, PATH: onPath }, locations: [] });
    expect(found).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: file });
    expect(found.args).toContain('--headless');
  });
});

describe('system browser', () => {
  test('found on PATH by its usual names, chromium first', () => {
    const bin = path.join(dir, 'path-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'google-chrome'), '#!/bin/sh\n', { mode: 0o755 });
    expect(resolver.findSystemChromium({ env: { PATH: bin }, locations: [] })).toBe(path.join(bin, 'google-chrome'));
    writeFileSync(path.join(bin, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    expect(resolver.findSystemChromium({ env: { PATH: bin }, locations: [] })).toBe(path.join(bin, 'chromium'));
  });

  test('then at the usual locations; nothing found is null', () => {
    const located = fakeBinary('located-chrome');
    expect(resolver.findSystemChromium({ env: { PATH: '' }, locations: [path.join(dir, 'absent'), located] })).toBe(located);
    expect(resolver.findSystemChromium({ env: { PATH: '' }, locations: [path.join(dir, 'absent')] })).toBeNull();
  });

  test('an empty CHROMIUM_PATH counts as unset', async () => {
    const located = fakeBinary('located-2');
    await expect(resolver.resolveChromium({ env: { CHROMIUM_PATH: '', PATH: '' }, locations: [located] })).resolves.toMatchObject({
      source: 'system',
      executablePath: located,
    });
  });
});

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('npm package @sparticuz/chromium (no system browser)', () => {
  test('Linux x64: unpacks once, with its own fonts (Open Sans: Vietnamese glyphs) and no insecure flags; elsewhere: says what to do', async () => {
    if (!linuxX64) {
      await expect(resolver.resolveChromium({ env: { PATH: '' }, locations: [] })).rejects.toThrow(/only runs on Linux x64.*set CHROMIUM_PATH/);
      return;
    }
    const found = await resolver.resolveChromium({ env: { PATH: '' }, locations: [] });
    expect(found.source).toMatch(/^npm @sparticuz\/chromium@\d+/);
    expect(existsSync(found.executablePath)).toBe(true);
    expect(found.args).toEqual(expect.arrayContaining(['--headless', '--no-sandbox']));
    for (const weakening of ['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']) {
      expect(found.args).not.toContain(weakening);
    }
    const conf = found.env?.FONTCONFIG_FILE ?? '';
    const fontDir = /<dir>([^<]+)<\/dir>/.exec(readFileSync(conf, 'utf8'))?.[1] ?? '';
    expect(readdirSync(fontDir, { recursive: true }).map(String)).toContain(path.join('Open_Sans', 'OpenSans-Regular.ttf'));
    // A second resolution reuses the unpacked browser.
    const again = await resolver.resolveChromium({ env: { PATH: '' }, locations: [] });
    expect(again.executablePath).toBe(found.executablePath);
  });
});
