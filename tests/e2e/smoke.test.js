// Browser smoke test: the built page loads in real Chromium, the app says it
// is ready, the ImGui window is drawn, the canvas follows the window and the
// screen's pixel ratio, and failures show a plain message.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, watchConsole, waitForAppReady, artifact, canvasStats } = require('./harness');

let server, browser;

test.before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  return { context, page, errors: watchConsole(page) };
}

test('the page loads, says it is ready and draws the ImGui window without console errors', async () => {
  const { context, page, errors } = await openPage();
  // Record how far the progress bar got while the wasm downloaded.
  await page.addInitScript(() => {
    window.__maxProgress = 0;
    document.addEventListener('DOMContentLoaded', () => {
      const fill = document.getElementById('bar-fill');
      new MutationObserver(() => {
        window.__maxProgress = Math.max(window.__maxProgress, parseFloat(fill.style.width) || 0);
      }).observe(fill, { attributes: true, attributeFilter: ['style'] });
    });
  });
  await page.goto(server.url);
  await waitForAppReady(page);
  await page.waitForTimeout(300); // a few more frames
  assert.equal(await page.title(), 'User pool sandbox · learn Amazon Cognito in your browser');
  assert.equal(await page.isHidden('#loader'), true, 'the loading card is gone');
  assert.equal(await page.isHidden('#error'), true, 'no error card');
  assert.equal(await page.evaluate(() => window.__maxProgress), 100, 'the progress bar reached 100%');

  const stats = await canvasStats(page, artifact('smoke.png'));
  assert.equal(stats.width, 1280);
  assert.equal(stats.height, 720);
  // Text, a header bar and cards: many colours (anti-aliased glyphs), and a
  // good part of the canvas differs from the background.
  assert.ok(stats.distinctColors >= 50, `canvas looks blank: ${JSON.stringify(stats)}`);
  assert.ok(stats.nonBackgroundShare > 0.05, `canvas looks blank: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle page draws almost nothing; a hover draws again, and the picture stays on screen', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(server.url);
  await waitForAppReady(page);
  await page.mouse.move(900, 600);  // over empty space: nothing hovered
  const { frames, drawn } = await page.evaluate(() => new Promise((resolve) => {
    // 60 animation frames, about a second: the clock in the header changes
    // once in that time, so one or two frames draw, not sixty.
    const before = window.userpool.framesDrawn();
    let left = 60;
    const step = () => {
      left -= 1;
      if (left > 0) requestAnimationFrame(step);
      else resolve({ frames: 60, drawn: window.userpool.framesDrawn() - before });
    };
    requestAnimationFrame(step);
  }));
  assert.ok(drawn <= 4, `${drawn} of ${frames} idle frames drew`);

  const beforeHover = await page.evaluate(() => window.userpool.framesDrawn());
  await page.evaluate(() => window.userpool.recordWidgets(true));
  await page.waitForFunction(() => window.userpool.widgets()['nav.create_pool'] !== undefined);
  const button = await page.evaluate(() => window.userpool.widgets()['nav.create_pool']);
  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  await page.waitForFunction((n) => window.userpool.framesDrawn() > n, beforeHover, { timeout: 5000 });
  // A frame that drew nothing left the last picture on screen.
  const stats = await canvasStats(page, artifact('smoke-idle.png'));
  assert.ok(stats.distinctColors >= 50, `canvas looks blank when idle: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the canvas backing store follows the device pixel ratio (sharp on HiDPI)', async () => {
  const { context, page, errors } = await openPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  await page.goto(server.url);
  await waitForAppReady(page);
  await page.waitForFunction(() => document.getElementById('canvas').width === 2000);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
  });
  assert.deepEqual(size, { width: 2000, height: 1400, cssWidth: 1000, cssHeight: 700 });
  const stats = await canvasStats(page, artifact('smoke-hidpi.png'));
  assert.ok(stats.distinctColors >= 50, `canvas looks blank: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the canvas follows window resizes', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(server.url);
  await waitForAppReady(page);
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return c.width === 900 && c.height === 640;
  }, null, { timeout: 5000 });
  const stats = await canvasStats(page, artifact('smoke-resized.png'));
  assert.equal(stats.width, 900);
  assert.ok(stats.distinctColors >= 50, `canvas looks blank after resize: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser without WebGL2 gets a plain message instead of a broken page', async () => {
  const { context, page } = await openPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await page.goto(server.url);
  await page.waitForSelector('#error:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#error-message'), /WebGL2/);
  assert.equal(await page.evaluate(() => window.userpoolAppReady === true), false);
  await context.close();
});

test('a failed download gets a plain message', async () => {
  const { context, page } = await openPage();
  await page.route('**/userpool.wasm', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(server.url);
  await page.waitForSelector('#error:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#error-message'), /Could not download the sandbox/);
  assert.match(await page.textContent('#error-detail'), /404/);
  await context.close();
});

test('window.userpool.call drives the engine in the page, with Cognito\'s wire shapes', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(server.url);
  await waitForAppReady(page);
  const result = await page.evaluate(() => {
    const call = window.userpool.call;
    const pool = call('CreateUserPool', { PoolName: 'page', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const poolId = pool.body.UserPool.Id;
    const client = call('AWSCognitoIdentityProviderService.CreateUserPoolClient', {
      UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const clientId = client.body.UserPoolClient.ClientId;
    const signUp = call('SignUp', { ClientId: clientId, Username: 'pat@example.com', Password: 'Passw0rd!' });
    const code = call('Sandbox.ListMessages', {}).body.Messages[0].Code;
    const confirm = call('ConfirmSignUp', { ClientId: clientId, Username: 'pat@example.com', ConfirmationCode: code });
    const signIn = call('InitiateAuth', {
      ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'pat@example.com', PASSWORD: 'Passw0rd!' },
    });
    const missing = call('DescribeUserPool', { UserPoolId: 'us-east-1_missing1' });
    const unknown = call('NoSuchOperation');
    return {
      poolStatus: pool.status, poolId, signUp: signUp.status, code, confirm: confirm.status,
      tokens: Object.keys(signIn.body.AuthenticationResult || {}), missing, unknown,
    };
  });
  assert.equal(result.poolStatus, 200);
  assert.match(result.poolId, /^us-east-1_[0-9A-Za-z]{9}$/);
  assert.equal(result.signUp, 200);
  assert.match(result.code, /^\d{6}$/);
  assert.equal(result.confirm, 200);
  assert.deepEqual(result.tokens, ['AccessToken', 'ExpiresIn', 'TokenType', 'RefreshToken', 'IdToken']);
  assert.deepEqual(result.missing, {
    status: 400, body: { __type: 'ResourceNotFoundException', message: 'User pool us-east-1_missing1 does not exist.' },
  });
  assert.equal(result.unknown.body.__type, 'UnknownOperationException');
  assert.deepEqual(errors, []);
  await context.close();
});
