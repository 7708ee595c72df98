/**
 * @jest-environment jsdom
 *
 * The offline manifest check (the official validator posts to a web service): every resid
 * resolves, every URL is https on one origin and names a file the build emits, the shared-runtime
 * wiring is right, the namespace is BONTOT, icons exist at their declared sizes, the version has
 * four parts, and `office-addin-manifest info` reads it cleanly. Needs `npm run build` first.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const ORIGIN = 'https://localhost:3000/';

const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');

const all = (localName: string): Element[] => Array.from(doc.getElementsByTagNameNS('*', localName));
const resources = new Map<string, { kind: string; value: string }>();
for (const kind of ['Image', 'Url', 'String']) {
  for (const element of all(kind)) {
    const id = element.getAttribute('id');
    const value = element.getAttribute('DefaultValue');
    if (id && value !== null && element.parentElement?.localName !== 'Icon') resources.set(id, { kind, value });
  }
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('parses as XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
  });

  test('every resid resolves to a resource of the right kind', () => {
    const residElements = Array.from(doc.getElementsByTagNameNS('*', '*')).filter((e) => e.hasAttribute('resid'));
    expect(residElements.length).toBeGreaterThan(10);
    for (const element of residElements) {
      const resid = element.getAttribute('resid') as string;
      expect({ resid, found: resources.has(resid) }).toEqual({ resid, found: true });
      if (element.localName === 'Image') expect(resources.get(resid)?.kind).toBe('Image');
      if (element.localName === 'SourceLocation' || element.localName === 'Runtime' || element.localName === 'FunctionFile') {
        expect(resources.get(resid)?.kind).toBe('Url');
      }
    }
  });

  test('every URL is https on one origin and names a file the build emits', () => {
    const urls = [
      ...Array.from(resources.values())
        .filter((r) => r.kind !== 'String')
        .map((r) => r.value),
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']
        .flatMap((name) => all(name))
        .map((e) => e.getAttribute('DefaultValue'))
        .filter((v): v is string => v !== null),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(ORIGIN)).toBe(true);
      const file = join(dist, url.slice(ORIGIN.length).split('#')[0] as string);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  test('shared runtime: Runtimes, the functions Page and FunctionFile all name the task pane URL', () => {
    const runtime = all('Runtime')[0];
    expect(runtime?.getAttribute('lifetime')).toBe('long');
    const paneResid = runtime?.getAttribute('resid') as string;
    expect(resources.get(paneResid)?.value).toBe(`${ORIGIN}taskpane.html`);
    const page = all('Page')[0]?.getElementsByTagNameNS('*', 'SourceLocation')[0];
    expect(page?.getAttribute('resid')).toBe(paneResid);
    expect(all('FunctionFile')[0]?.getAttribute('resid')).toBe(paneResid);
    const showTaskpane = all('Action').find((a) => a.getAttribute('xsi:type') === 'ShowTaskpane');
    expect(showTaskpane?.getElementsByTagNameNS('*', 'SourceLocation')[0]?.getAttribute('resid')).toBe(paneResid);
    expect(all('Set').map((s) => s.getAttribute('Name'))).toContain('SharedRuntime');
  });

  test('the task pane page loads office.js first, then the functions, then the pane', () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const order = ['assets/office-js/office.js', 'functions.js', 'taskpane.js'].map((src) => html.indexOf(src));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the custom functions namespace is BONTOT and the metadata and script URLs are the built files', () => {
    const namespace = all('Namespace')[0]?.getAttribute('resid') as string;
    expect(resources.get(namespace)?.value).toBe('BONTOT');
    const script = all('Script')[0]?.getElementsByTagNameNS('*', 'SourceLocation')[0]?.getAttribute('resid') as string;
    expect(resources.get(script)?.value).toBe(`${ORIGIN}functions.js`);
    const metadata = all('Metadata')[0]?.getElementsByTagNameNS('*', 'SourceLocation')[0]?.getAttribute('resid') as string;
    expect(resources.get(metadata)?.value).toBe(`${ORIGIN}functions.json`);
  });

  test('icons exist at their declared sizes', () => {
    const declared = all('Image').filter((e) => e.hasAttribute('size'));
    expect(declared.length).toBeGreaterThan(0);
    for (const image of declared) {
      const size = Number(image.getAttribute('size'));
      const url = resources.get(image.getAttribute('resid') as string)?.value as string;
      expect(pngSize(join(dist, url.slice(ORIGIN.length)))).toEqual({ width: size, height: size });
    }
    expect(pngSize(join(dist, 'assets/icon-32.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(dist, 'assets/icon-64.png'))).toEqual({ width: 64, height: 64 });
  });

  test('version has four numeric parts; display name and the least permission the features need', () => {
    expect(all('Version')[0]?.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all('DisplayName')[0]?.getAttribute('DefaultValue')).toBe('Bốn Tốt');
    // Writing the summary, template and policy sheets needs ReadWriteDocument; nothing needs more.
    expect(all('Permissions')[0]?.textContent).toBe('ReadWriteDocument');
  });

  test('office-addin-manifest info reads it cleanly', () => {
    const output = execFileSync(process.execPath, [require.resolve('office-addin-manifest/cli.js'), 'info', join(root, 'manifest.xml')], {
      encoding: 'utf8',
    });
    expect(output).toContain('Name: Bốn Tốt');
    expect(output).not.toMatch(/error/i);
  });
});
