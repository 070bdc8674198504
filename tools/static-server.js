#!/usr/bin/env node
// A small static file server for the built page: serves .wasm as
// application/wasm (needed for streaming compilation), never caches (so a
// rebuild is seen on reload), and listens on 127.0.0.1 unless told otherwise.
// Used by scripts/serve and by the browser tests.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.data': 'application/octet-stream',
};

function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end('Method not allowed');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
}

// Listens on the first free port from `port` (0: any free port).
function listen(server, host, port, tries = 20) {
  return new Promise((resolve, reject) => {
    const attempt = (p, left) => {
      server.once('error', (err) => {
        if (err.code === 'EADDRINUSE' && p !== 0 && left > 0) attempt(p + 1, left - 1);
        else reject(err);
      });
      server.listen(p, host, () => resolve(server.address().port));
    };
    attempt(port, tries);
  });
}

module.exports = { createServer, listen };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    console.error('usage: static-server.js <folder with index.html> [--host 127.0.0.1] [--port 8080]');
    process.exit(2);
  }
  const host = option('--host', '127.0.0.1');
  const port = Number(option('--port', '8080'));
  const server = createServer(root);
  listen(server, host, port).then((actual) => {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    console.log(`\n  User pool sandbox is served at  http://${shown}:${actual}/\n  (Ctrl+C to stop)\n`);
  }, (err) => {
    console.error(`Could not listen on ${host}:${port}: ${err.message}`);
    process.exit(1);
  });
}
