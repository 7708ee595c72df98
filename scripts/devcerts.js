/* The development certificate of `npm start`: the files of office-addin-dev-certs
 * (~/.office-addin-dev-certs: ca.crt, localhost.crt, localhost.key; 30 days), renewed when expired
 * or close to it, and the commands that make a browser (and Excel) trust its CA.
 *
 * office-addin-dev-certs' generateCertificates() writes nothing when ca.crt already exists, so a
 * renewal removes the three old files first. A renewed CA is a new CA: it must be trusted again. */
'use strict';
const { X509Certificate } = require('crypto');
const fs = require('fs');
const path = require('path');

/** Renew when fewer than this many days are left. */
const RENEW_WITHIN_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

function defaultFiles() {
  const defaults = require('office-addin-dev-certs/lib/defaults');
  return { ca: defaults.caCertificatePath, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath };
}

/**
 * The state of one PEM certificate at `now`: 'ok', 'expiring' (fewer than renewWithinDays left),
 * 'expired' or 'not-yet-valid', with its end date and the days left (negative once expired).
 */
function certificateState(pem, now = new Date(), renewWithinDays = RENEW_WITHIN_DAYS) {
  const certificate = new X509Certificate(pem);
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  const daysLeft = (validTo.getTime() - now.getTime()) / DAY_MS;
  let state = 'ok';
  if (now < validFrom) state = 'not-yet-valid';
  else if (daysLeft <= 0) state = 'expired';
  else if (daysLeft < renewWithinDays) state = 'expiring';
  return { state, validFrom, validTo, daysLeft };
}

/** Why the files need a (re)generation, or null when they can be used as they are. */
function renewalReason(files, now = new Date(), renewWithinDays = RENEW_WITHIN_DAYS) {
  const missing = ['ca', 'cert', 'key'].filter((kind) => !fs.existsSync(files[kind]));
  if (missing.length === 3) return { kind: 'missing', text: 'chưa có chứng chỉ' };
  if (missing.length > 0) return { kind: 'incomplete', text: `thiếu ${missing.map((kind) => path.basename(files[kind])).join(', ')}` };
  for (const kind of ['cert', 'ca']) {
    let status;
    try {
      status = certificateState(fs.readFileSync(files[kind]), now, renewWithinDays);
    } catch (error) {
      return { kind: 'unreadable', text: `không đọc được ${path.basename(files[kind])} (${error.message})` };
    }
    const day = status.validTo.toISOString().slice(0, 10);
    if (status.state === 'expired') return { kind: 'expired', text: `${path.basename(files[kind])} đã hết hạn ngày ${day}` };
    if (status.state === 'expiring') return { kind: 'expiring', text: `${path.basename(files[kind])} sắp hết hạn (ngày ${day})` };
    if (status.state === 'not-yet-valid') return { kind: 'not-yet-valid', text: `${path.basename(files[kind])} chưa có hiệu lực (đồng hồ máy?)` };
  }
  return null;
}

/**
 * Makes sure usable certificate files exist: generates them when missing, renews them when expired
 * or close to it. Returns { files, created, renewed, reason, validTo }. `generate` is
 * office-addin-dev-certs' generateCertificates (a parameter for the tests).
 */
async function ensureDevCertificates({ files = defaultFiles(), now = new Date(), renewWithinDays = RENEW_WITHIN_DAYS, generate } = {}) {
  const reason = renewalReason(files, now, renewWithinDays);
  let created = false;
  let renewed = false;
  if (reason !== null) {
    const generateCertificates = generate ?? require('office-addin-dev-certs/lib/generate').generateCertificates;
    const hadFiles = reason.kind !== 'missing';
    for (const kind of ['ca', 'cert', 'key']) fs.rmSync(files[kind], { force: true });
    await generateCertificates(files.ca, files.cert, files.key);
    created = !hadFiles;
    renewed = hadFiles;
  }
  const validTo = certificateState(fs.readFileSync(files.cert), now, renewWithinDays).validTo;
  return { files, created, renewed, reason, validTo };
}

/** Copy-paste commands that trust the CA for the current user, by platform, with the full path. */
function trustCommands(caPath, platform = process.platform) {
  const q = (text) => (platform === 'win32' ? `"${text}"` : `'${text.replace(/'/g, "'\\''")}'`);
  switch (platform) {
    case 'win32':
      return [`certutil -addstore -user Root ${q(caPath)}`];
    case 'darwin':
      return [`security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db ${q(caPath)}`];
    default:
      return [
        // Chrome, Chromium and Edge on Linux read the user's NSS database (certutil: libnss3-tools).
        `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Bon Tot dev CA" -i ${q(caPath)}`,
        // curl, Node and other programs read the system store.
        `sudo cp ${q(caPath)} /usr/local/share/ca-certificates/bontot-dev-ca.crt && sudo update-ca-certificates`,
      ];
  }
}

module.exports = { certificateState, renewalReason, ensureDevCertificates, trustCommands, RENEW_WITHIN_DAYS };
