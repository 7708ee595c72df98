/**
 * manifest.xml against Microsoft's manifest schemas (OfficeAppManifestV1_1 with the basic types and
 * the task pane VersionOverrides schema imported, so both parts are strict): the source and the
 * manifest as a build for another origin writes it (the built dist/manifest.xml: built.test.ts).
 * The schemas and their corrections: test/manifest/schemas/README.md.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { validateManifest } from './xsd';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteOrigin } = require('../../scripts/origin') as { rewriteOrigin(content: string, origin?: string): string };

const root = path.join(__dirname, '..', '..');
const source = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

/** The source with one exact piece of text replaced (fails if the piece is not there once). */
function broken(find: string, replace: string): string {
  expect(source.split(find)).toHaveLength(2);
  return source.replace(find, replace);
}

describe('manifest.xml is valid against the XSD schemas', () => {
  test('the source', async () => {
    expect(await validateManifest(source)).toEqual({ valid: true, errors: [] });
  });

  test.each(['https://intranet.example.vn/bontot/', 'https://bontot.example.vn', 'https://10.0.0.5:8443/add-ins/bon-tot/'])(
    'as `npm run build -- --env origin=%s` writes it',
    async (origin) => {
      const xml = rewriteOrigin(source, origin);
      expect(xml).not.toContain('localhost');
      expect(await validateManifest(xml)).toEqual({ valid: true, errors: [] });
    },
  );
});

describe('the validation refuses what Office would refuse', () => {
  test('an empty <AppDomains/> (at least one AppDomain is required)', async () => {
    const result = await validateManifest(
      broken('  <Hosts>\n    <Host Name="Workbook"/>', '  <AppDomains/>\n  <Hosts>\n    <Host Name="Workbook"/>'),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/AppDomains': Missing child element\(s\)\. Expected is \( \{[^}]+\}AppDomain \)/);
  });

  test('a runtime lifetime other than short or long', async () => {
    const result = await validateManifest(broken('lifetime="long"', 'lifetime="forever"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(
      /attribute 'lifetime': \[facet 'enumeration'\] The value 'forever' is not an element of the set \{'short', 'long'\}/,
    );
  });

  test('a misspelt element inside VersionOverrides (validated strictly, not skipped)', async () => {
    const result = await validateManifest(broken('<DesktopFormFactor>', '<DesktopFormFactr>').replace('</DesktopFormFactor>', '</DesktopFormFactr>'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/DesktopFormFactr': This element is not expected/);
  });

  test('a misspelt element in the base manifest', async () => {
    const result = await validateManifest(broken('<SupportUrl ', '<SupportURL '));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/SupportURL': This element is not expected/);
  });

  test('Runtimes in the wrong place (after AllFormFactors) and a Runtime without resid', async () => {
    const moved = source.replace(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/AllFormFactors>)/, '$2$1');
    expect(moved).not.toBe(source);
    expect((await validateManifest(moved)).errors.join('\n')).toMatch(/Runtimes': This element is not expected/);
    const noResid = await validateManifest(broken('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime lifetime="long"/>'));
    expect(noResid.errors.join('\n')).toMatch(/Runtime': The attribute 'resid' is required but missing/);
  });

  test('versions: four parts at most, digits only (the corrected pattern)', async () => {
    expect(await validateManifest(broken('<Version>1.0.0.1</Version>', '<Version>1.0</Version>'))).toEqual({ valid: true, errors: [] });
    for (const bad of ['1.0.0.1.2', '1.0.0.a', '']) {
      const result = await validateManifest(broken('<Version>1.0.0.1</Version>', `<Version>${bad}</Version>`));
      expect({ bad, valid: result.valid }).toEqual({ bad, valid: false });
    }
  });
});
