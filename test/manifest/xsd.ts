/**
 * Validates an add-in manifest against Microsoft's XSD schemas (test/manifest/schemas/, corrected
 * as its README says) with libxml2 compiled to WebAssembly (xmllint-wasm): no system xmllint, no
 * network. OfficeAppManifestV1_1.xsd is the entry; it imports the basic types and the task pane
 * VersionOverrides schema, so the <VersionOverrides> part is validated strictly too.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { validateXML } from 'xmllint-wasm';

export const SCHEMAS = path.join(__dirname, 'schemas');
const ENTRY = 'OfficeAppManifestV1_1.xsd';

function schemaFiles(): { fileName: string; contents: string }[] {
  return readdirSync(SCHEMAS)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(SCHEMAS, fileName), 'utf8') }));
}

export interface ManifestValidation {
  valid: boolean;
  /** libxml2's messages without the file name, e.g. "Element '{…}AppDomains': Missing child element(s). …". */
  errors: string[];
}

export async function validateManifest(xml: string): Promise<ManifestValidation> {
  const files = schemaFiles();
  const entry = files.find((file) => file.fileName === ENTRY);
  if (!entry) throw new Error(`${ENTRY} is missing from ${SCHEMAS}`);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [entry],
    preload: files.filter((file) => file !== entry),
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}
