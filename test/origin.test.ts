/**
 * Deployment on another origin: `npm run build -- --env origin=https://…` rewrites every URL of
 * manifest.xml and functions.json through scripts/origin.js (the same function webpack uses).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_ORIGIN, normaliseOrigin, rewriteOrigin } = require('../scripts/origin') as {
  DEV_ORIGIN: string;
  normaliseOrigin(origin?: string): string;
  rewriteOrigin(content: string, origin?: string): string;
};

const root = join(__dirname, '..');

describe('building for an office’s own origin', () => {
  test('every URL of the manifest moves to the new origin, none is left on localhost', () => {
    const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
    const rewritten = rewriteOrigin(manifest, 'https://intranet.example.vn/bontot');
    expect(rewritten).not.toContain('localhost');
    const urls = [...rewritten.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url?.startsWith('https://intranet.example.vn/bontot/')).toBe(true);
    expect(rewritten).toContain('https://intranet.example.vn/bontot/taskpane.html');
  });

  test('the functions metadata help URLs follow too', () => {
    const metadata = readFileSync(join(root, 'test/functions/__golden__/functions.json'), 'utf8');
    const rewritten = rewriteOrigin(metadata, 'https://intranet.example.vn/');
    expect(rewritten).toContain('https://intranet.example.vn/help/functions.html#MIN_SPEAKERS');
    expect(rewritten).not.toContain(DEV_ORIGIN);
  });

  test('only https origins are accepted, with a trailing slash added', () => {
    expect(normaliseOrigin(undefined)).toBe(DEV_ORIGIN);
    expect(normaliseOrigin('https://a.example/x')).toBe('https://a.example/x/');
    expect(() => normaliseOrigin('http://a.example/')).toThrow(/https/);
    expect(() => normaliseOrigin('https://a.example/"><script>')).toThrow(/https/);
  });
});
