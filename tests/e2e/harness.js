// Shared pieces of the browser tests: serve the built page, start Debian's
// Chromium headless with software WebGL, watch the console, and read what
// the canvas shows.
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { createServer, listen } = require('../../tools/static-server');

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.USERPOOL_DIST || path.join(ROOT, 'build/web/dist');
const ARTIFACTS = process.env.USERPOOL_ARTIFACTS || path.join(ROOT, 'build/web/e2e');
const CHROMIUM = process.env.USERPOOL_CHROMIUM || '/usr/bin/chromium';

// Headless Chromium as root on a machine without a GPU or internet: software
// GL through SwiftShader, and no background traffic to Google's services.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
];

async function startServer() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no built page in ${DIST}: build the "web" preset first`);
  }
  const server = createServer(DIST);
  const port = await listen(server, '127.0.0.1', 0);
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// Each launch gets a fresh, empty profile (Playwright makes a temporary
// --user-data-dir and removes it on close).
async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// Collects console errors and uncaught page errors; a test asserts on them.
function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

async function waitForAppReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.userpoolAppReady === true, null, { timeout });
}

// window.userpool.call in the page: {status, body}.
function call(page, operation, params = {}) {
  return page.evaluate(([op, p]) => window.userpool.call(op, p), [operation, params]);
}

// The body of a call that must succeed.
async function ok(page, operation, params = {}) {
  const r = await call(page, operation, params);
  assert.equal(r.status, 200, `${operation}: ${JSON.stringify(r.body)}`);
  return r.body;
}

function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

// Screenshots the canvas and measures it in the page itself (the browser
// decodes the PNG): how many distinct colours, and what share of pixels
// differ from the most common one. A blank or single-colour canvas has 1
// colour and a share of 0.
async function canvasStats(page, screenshotPath) {
  const png = await page.locator('#canvas').screenshot({ path: screenshotPath });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = Math.max(...counts.values());
    const pixels = data.length / 4;
    return { width: c.width, height: c.height, distinctColors: counts.size, nonBackgroundShare: 1 - top / pixels };
  }, png.toString('base64'));
}

module.exports = {
  startServer, launchBrowser, watchConsole, waitForAppReady, call, ok, artifact, canvasStats, DIST, ARTIFACTS,
};
