// A web app on another origin calls the endpoint from headless Chromium:
// the preflight passes with the headers the SDKs send, the x-amzn-* headers
// are readable, credentials mode works, and amazon-cognito-identity-js's
// own request shape goes through. Also photographs the status page at / in
// both colour schemes (build/native/endpoint/status-page-*.png).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, ok, poolWithClient } = require('./server');

const CHROMIUM = process.env.USERPOOL_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.USERPOOL_ARTIFACTS || path.resolve(__dirname, '../../build/native/endpoint');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let server;
let browser;
// The web app: a page served on another localhost port, so another origin
// than the endpoint's (as a developer's app under `npm run dev` is).
let app;
let appUrl;
test.before(async () => {
  server = await start();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  app = http.createServer((req, res) => { res.setHeader('Content-Type', 'text/html'); res.end('<!doctype html><title>app</title>'); });
  await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://localhost:${app.address().port}/`;
});
test.after(async () => {
  await browser?.close();
  await new Promise((resolve) => (app ? app.close(resolve) : resolve()));
  await server?.stop();
});

async function appPage() {
  const page = await browser.newPage();
  await page.goto(appUrl);
  return page;
}

test('a page on another origin calls the API with the SDKs\' headers and reads the x-amzn-* headers', async () => {
  const { clientId } = await poolWithClient(server.url, 'cors');
  const page = await appPage();
  const result = await page.evaluate(async ([url, clientId]) => {
    const headers = {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp',
      'X-Amz-User-Agent': 'aws-amplify/6.0 auth/1',
      'Cache-Control': 'no-store',
      'amz-sdk-invocation-id': crypto.randomUUID(),
      'amz-sdk-request': 'attempt=1; max=3',
    };
    const body = JSON.stringify({ ClientId: clientId, Username: 'web', Password: 'Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'web@example.com' }] });
    const first = await fetch(url + '/', { method: 'POST', headers, body, mode: 'cors' });
    const again = await fetch(url + '/', { method: 'POST', headers, body, mode: 'cors', credentials: 'include' });
    return {
      first: { status: first.status, body: await first.json(), requestId: first.headers.get('x-amzn-RequestId') },
      again: { status: again.status, body: await again.json(), errorType: again.headers.get('x-amzn-ErrorType'),
        errorMessage: again.headers.get('x-amzn-ErrorMessage') },
    };
  }, [server.url, clientId]);
  assert.equal(result.first.status, 200);
  assert.match(result.first.body.UserSub, /^[0-9a-f-]{36}$/);
  assert.match(result.first.requestId, /^[0-9a-f-]{36}$/);
  // With credentials: the origin is echoed (a "*" would be refused), and the
  // error's headers are exposed to the page.
  assert.equal(result.again.status, 400);
  assert.equal(result.again.body.__type, 'UsernameExistsException');
  assert.equal(result.again.errorType, 'UsernameExistsException:');
  assert.equal(result.again.errorMessage, 'User already exists');
  await page.close();
});

test('amazon-cognito-identity-js in the page signs in with SRP against the endpoint', async () => {
  const { poolId, clientId } = await poolWithClient(server.url, 'cors-srp');
  await ok(server.url, 'AdminCreateUser', { UserPoolId: poolId, Username: 'pagey', MessageAction: 'SUPPRESS' });
  await ok(server.url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'pagey', Password: 'Passw0rd!', Permanent: true });
  const page = await appPage();
  await page.addScriptTag({ path: require.resolve('amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js') });
  const payload = await page.evaluate(([url, poolId, clientId]) => new Promise((resolve, reject) => {
    const { CognitoUserPool, CognitoUser, AuthenticationDetails } = window.AmazonCognitoIdentity;
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: url + '/' });
    new CognitoUser({ Username: 'pagey', Pool: pool }).authenticateUser(
      new AuthenticationDetails({ Username: 'pagey', Password: 'Passw0rd!' }),
      { onSuccess: (s) => resolve(s.getIdToken().payload), onFailure: (e) => reject(new Error(`${e.code}: ${e.message}`)) });
  }), [server.url, poolId, clientId]);
  assert.equal(payload['cognito:username'], 'pagey');
  await page.close();
});

test('the status page at / lists the pools, users and codes, readable in both colour schemes', async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 800 } });
    await page.goto(server.url + '/');
    const text = await page.textContent('body');
    assert.match(text, /cors-srp/);
    assert.match(text, /pagey/);
    assert.match(text, /web@example\.com/);
    assert.match(text, /aws cognito-idp list-user-pools/);
    await page.screenshot({ path: path.join(ARTIFACTS, `status-page-${colorScheme}.png`), fullPage: true });
    await page.close();
  }
});
