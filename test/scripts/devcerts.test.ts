/**
 * scripts/devcerts.js: the development certificate is generated when missing, kept while valid,
 * renewed when expired or within RENEW_WITHIN_DAYS of expiry (office-addin-dev-certs writes
 * nothing when ca.crt exists, so the old files must go first), and the trust commands name the
 * CA by its full path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

interface Files {
  ca: string;
  cert: string;
  key: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devcerts = require('../../scripts/devcerts.js') as {
  certificateState(pem: Buffer | string, now?: Date, renewWithinDays?: number): { state: string; validTo: Date; daysLeft: number };
  renewalReason(files: Files, now?: Date): { kind: string; text: string } | null;
  ensureDevCertificates(options: {
    files: Files;
    now?: Date;
  }): Promise<{ created: boolean; renewed: boolean; validTo: Date; reason: { kind: string } | null }>;
  trustCommands(caPath: string, platform?: string): string[];
  RENEW_WITHIN_DAYS: number;
};

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let files: Files;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bontot-certs-'));
  files = { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('generated when missing, then kept while valid', async () => {
  expect(devcerts.renewalReason(files)).toMatchObject({ kind: 'missing' });
  const first = await devcerts.ensureDevCertificates({ files });
  expect(first).toMatchObject({ created: true, renewed: false });
  // office-addin-dev-certs makes 30-day certificates.
  expect(first.validTo.getTime() - Date.now()).toBeGreaterThan(29 * DAY);
  const pem = readFileSync(files.cert, 'utf8');
  const again = await devcerts.ensureDevCertificates({ files });
  expect(again).toMatchObject({ created: false, renewed: false, reason: null });
  expect(readFileSync(files.cert, 'utf8')).toBe(pem);
});

test('the state of a certificate by date: ok, expiring (close to the end), expired', () => {
  const pem = readFileSync(files.cert);
  const validTo = devcerts.certificateState(pem).validTo.getTime();
  expect(devcerts.certificateState(pem, new Date(validTo - 10 * DAY)).state).toBe('ok');
  expect(devcerts.certificateState(pem, new Date(validTo - (devcerts.RENEW_WITHIN_DAYS - 1) * DAY)).state).toBe('expiring');
  expect(devcerts.certificateState(pem, new Date(validTo + 1000)).state).toBe('expired');
});

test.each([
  ['expired', 31],
  ['expiring', 29],
])('renewed when %s (%p days later): new files, a later end date', async (kind, days) => {
  const oldCert = readFileSync(files.cert, 'utf8');
  const oldCa = readFileSync(files.ca, 'utf8');
  const later = new Date(Date.now() + days * DAY);
  expect(devcerts.renewalReason(files, later)).toMatchObject({ kind });
  // A renewal generates with the real clock: the new files are valid from now, 30 days.
  const renewed = await devcerts.ensureDevCertificates({ files, now: new Date() });
  expect(renewed.renewed || renewed.created).toBe(false); // not yet due at the real date…
  const due = await devcerts.ensureDevCertificates({ files, now: later });
  expect(due).toMatchObject({ renewed: true, created: false, reason: { kind } });
  expect(readFileSync(files.cert, 'utf8')).not.toBe(oldCert);
  expect(readFileSync(files.ca, 'utf8')).not.toBe(oldCa);
  expect(devcerts.renewalReason(files)).toBeNull();
});

test('a damaged or incomplete set is regenerated', async () => {
  writeFileSync(files.cert, 'not a certificate');
  expect(devcerts.renewalReason(files)).toMatchObject({ kind: 'unreadable' });
  expect(await devcerts.ensureDevCertificates({ files })).toMatchObject({ renewed: true });
  rmSync(files.key);
  expect(devcerts.renewalReason(files)).toMatchObject({ kind: 'incomplete' });
  expect(await devcerts.ensureDevCertificates({ files })).toMatchObject({ renewed: true });
  expect(devcerts.renewalReason(files)).toBeNull();
});

test('trust commands for Windows, macOS and Linux name the CA by its full path', () => {
  expect(devcerts.trustCommands('C:\\Users\\An\\.office-addin-dev-certs\\ca.crt', 'win32')).toEqual([
    'certutil -addstore -user Root "C:\\Users\\An\\.office-addin-dev-certs\\ca.crt"',
  ]);
  expect(devcerts.trustCommands('/Users/an/.office-addin-dev-certs/ca.crt', 'darwin')).toEqual([
    "security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '/Users/an/.office-addin-dev-certs/ca.crt'",
  ]);
  const linux = devcerts.trustCommands("/home/an o'neil/.office-addin-dev-certs/ca.crt", 'linux');
  expect(linux[0]).toBe(`certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Bon Tot dev CA" -i '/home/an o'\\''neil/.office-addin-dev-certs/ca.crt'`);
  expect(linux[1]).toContain('update-ca-certificates');
});
