/**
 * The built dist/manifest.xml against the XSD schemas (see xsd.test.ts). Needs `npm run build`
 * (npm test builds first; `npm run test:unit` leaves this file out).
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { validateManifest } from './xsd';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteOrigin } = require('../../scripts/origin') as { rewriteOrigin(content: string, origin?: string): string };

const root = path.join(__dirname, '..', '..');

test('the built dist/manifest.xml is the source on the development origin, and valid', async () => {
  const built = path.join(root, 'dist', 'manifest.xml');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  const xml = readFileSync(built, 'utf8');
  expect(xml).toBe(rewriteOrigin(readFileSync(path.join(root, 'manifest.xml'), 'utf8')));
  expect(await validateManifest(xml)).toEqual({ valid: true, errors: [] });
});
