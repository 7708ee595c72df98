/* A small static file server for dist/: the add-in, the standalone page, office.js and the help
 * pages. Only GET and HEAD, only files under the root, with the same Content Security Policy the
 * pages declare. Used by `npm start` and by the browser tests. No dependency, no logging out. */
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ico': 'image/x-icon',
};

/** Images (the add-in's icons among them) go out without Cache-Control: Office shows a generic
 * image instead of an icon served with cache-control directives. Everything else is no-cache. */
const NO_CACHE_CONTROL = new Set(['.png', '.ico', '.svg']);

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-src 'self'; worker-src 'self' blob:";

function handler(root) {
  const rootDir = path.resolve(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === '/') {
      res.writeHead(302, { Location: '/taskpane.html' }).end();
      return;
    }
    const file = path.resolve(rootDir, `.${pathname}`);
    if (!file.startsWith(rootDir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (statError, stat) => {
      if (statError || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy tệp.');
        return;
      }
      const headers = {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'X-Content-Type-Options': 'nosniff',
      };
      if (!NO_CACHE_CONTROL.has(path.extname(file).toLowerCase())) headers['Cache-Control'] = 'no-cache';
      if (file.endsWith('.html')) headers['Content-Security-Policy'] = CSP;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}

/** Starts serving `root`; resolves with the server and its base URL. Port 0 picks a free port. */
function serve({ root, port = 3000, host = 'localhost', tls = null }) {
  const server = tls ? https.createServer(tls, handler(root)) : http.createServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `${tls ? 'https' : 'http'}://${host}:${address.port}/` });
    });
  });
}

module.exports = { serve, CSP };
