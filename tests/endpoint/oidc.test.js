// The hosted UI and the OAuth 2.0 endpoints on `userpool serve`, with a
// stock OpenID Connect library and a real browser: openid-client discovers
// the endpoint (--issuer local), sends Chromium to the authorization
// endpoint, Chromium fills the hosted sign-in page, openid-client exchanges
// the code with PKCE, calls userInfo, refreshes and revokes; a machine
// client gets a client_credentials token with a custom scope; with Cognito's
// issuer (--issuer aws), aws-jwt-verify accepts the hosted UI's tokens.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { chromium } = require('playwright-core');
const { start, ok } = require('./server');

const CHROMIUM = process.env.USERPOOL_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.USERPOOL_ARTIFACTS || path.resolve(__dirname, '../../build/native/endpoint');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const API = 'https://api.example.com';

let browser;
// The app: a page on a localhost port of its own, whose /callback the
// hosted UI sends the browser back to (as a developer's app under
// `npm run dev` would be).
let app;
let CALLBACK;
let APP_ORIGIN;
test.before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  app = http.createServer((req, res) => { res.setHeader('Content-Type', 'text/html'); res.end('<!doctype html><title>app</title><p>signed in'); });
  await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
  APP_ORIGIN = `http://localhost:${app.address().port}`;
  CALLBACK = `${APP_ORIGIN}/callback`;
});
test.after(async () => {
  await browser?.close();
  await new Promise((resolve) => (app ? app.close(resolve) : resolve()));
});

// A pool that requires and verifies email, its domain, a resource server,
// a public app client for the code grant with PKCE and a confidential
// machine client; a confirmed user jane.
async function setUp(url) {
  const { UserPool } = await ok(url, 'CreateUserPool', {
    PoolName: 'oidc', AutoVerifiedAttributes: ['email'],
    Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
  });
  const poolId = UserPool.Id;
  await ok(url, 'CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'oidc-demo' });
  await ok(url, 'CreateResourceServer', {
    UserPoolId: poolId, Identifier: API, Name: 'Photos', Scopes: [{ ScopeName: 'photos.read', ScopeDescription: 'Read photos' }],
  });
  const { UserPoolClient: web } = await ok(url, 'CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    CallbackURLs: [CALLBACK], LogoutURLs: [`${APP_ORIGIN}/`], SupportedIdentityProviders: ['COGNITO'],
  });
  const { UserPoolClient: machine } = await ok(url, 'CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'worker', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: [`${API}/photos.read`],
  });
  await ok(url, 'AdminCreateUser', {
    UserPoolId: poolId, Username: 'jane', MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }, { Name: 'email_verified', Value: 'true' }],
  });
  await ok(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'jane', Password: 'Passw0rd!', Permanent: true });
  return { poolId, web, machine };
}

// Chromium from the authorization URL through the hosted sign-in page to
// the app's callback; the callback URL it reached.
async function signInWithBrowser(authorizationUrl, screenshot) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(authorizationUrl);
  assert.match(page.url(), /\/domain\/oidc-demo\/login\?/, 'authorize sends the browser to the hosted sign-in page');
  assert.equal(await page.title(), 'Sign in with your username and password');
  if (screenshot) await page.screenshot({ path: path.join(ARTIFACTS, screenshot) });
  await page.fill('input[name="username"]', 'jane');
  await page.fill('input[name="password"]', 'Passw0rd!');
  await Promise.all([page.waitForURL((u) => u.href.startsWith(CALLBACK)), page.click('button[type="submit"]')]);
  const reached = page.url();
  await context.close();
  return reached;
}

test('openid-client: discovery, authorization code with PKCE through the hosted page in Chromium, userInfo, refresh, revoke', async () => {
  const oidc = await import('openid-client');
  const server = await start({ issuer: 'local' });
  try {
    const { poolId, web } = await setUp(server.url);
    const issuer = new URL(`${server.url}/${poolId}`);
    const config = await oidc.discovery(issuer, web.ClientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const metadata = config.serverMetadata();
    assert.equal(metadata.issuer, issuer.href);
    assert.equal(metadata.authorization_endpoint, `${server.url}/domain/oidc-demo/oauth2/authorize`);
    assert.equal(metadata.revocation_endpoint, `${server.url}/domain/oidc-demo/oauth2/revoke`);

    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK, scope: 'openid email', state, nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });
    const callback = await signInWithBrowser(authorizationUrl.href, 'hosted-login.png');
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
    });
    const claims = tokens.claims();
    assert.equal(claims.iss, issuer.href);
    assert.equal(claims.aud, web.ClientId);
    assert.equal(claims.nonce, nonce);
    assert.equal(claims['cognito:username'], 'jane');
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.ok(tokens.refresh_token);
    const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url'));
    assert.equal(access.scope, 'openid email');

    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.email, 'jane@example.com');
    assert.equal(info.email_verified, 'true');

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.access_token);
    assert.equal(refreshed.claims().sub, claims.sub);

    await oidc.tokenRevocation(config, tokens.refresh_token);
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token), (e) => e.error === 'invalid_grant');

    // A second sign-in in the same browser session would be silent; a fresh
    // browser asks again. An unregistered redirect_uri gets the error page.
    const context = await browser.newContext();
    const page = await context.newPage();
    const bad = oidc.buildAuthorizationUrl(config, { redirect_uri: `${APP_ORIGIN}/elsewhere`, scope: 'openid' });
    const response = await page.goto(bad.href);
    assert.equal(response.status(), 400);
    assert.match(page.url(), /\/error\?error=redirect_mismatch/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'hosted-error.png') });
    await context.close();
  } finally {
    await server.stop();
  }
});

test('openid-client: a client_credentials grant with a custom scope', async () => {
  const oidc = await import('openid-client');
  const server = await start({ issuer: 'local' });
  try {
    const { poolId, machine } = await setUp(server.url);
    const config = await oidc.discovery(new URL(`${server.url}/${poolId}`), machine.ClientId, undefined,
      oidc.ClientSecretBasic(machine.ClientSecret), { execute: [oidc.allowInsecureRequests] });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: `${API}/photos.read` });
    const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url'));
    assert.equal(access.scope, `${API}/photos.read`);
    assert.equal(access.sub, machine.ClientId);
    assert.equal(access.username, undefined);
    assert.equal(tokens.refresh_token, undefined);
    await assert.rejects(oidc.clientCredentialsGrant(config, { scope: 'openid' }), (e) => e.error === 'invalid_scope');
  } finally {
    await server.stop();
  }
});

test('aws-jwt-verify accepts the hosted UI\'s tokens with Cognito\'s issuer (--issuer aws)', async () => {
  const { CognitoJwtVerifier } = require('aws-jwt-verify');
  const server = await start();
  try {
    const { poolId, web } = await setUp(server.url);
    const base = `${server.url}/domain/oidc-demo`;
    const verifier = 'v'.repeat(43);
    const challenge = require('node:crypto').createHash('sha256').update(verifier).digest('base64url');
    const authorize = `${base}/oauth2/authorize?` + new URLSearchParams({
      client_id: web.ClientId, response_type: 'code', redirect_uri: CALLBACK, scope: 'openid email aws.cognito.signin.user.admin',
      code_challenge: challenge, code_challenge_method: 'S256',
    });
    const callback = new URL(await signInWithBrowser(authorize));
    const response = await fetch(`${base}/oauth2/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: web.ClientId, code: callback.searchParams.get('code'),
        redirect_uri: CALLBACK, code_verifier: verifier }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const tokens = await response.json();
    const jwks = await (await fetch(`${server.url}/${poolId}/.well-known/jwks.json`)).json();
    for (const [tokenUse, token] of [['id', tokens.id_token], ['access', tokens.access_token]]) {
      const v = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse, clientId: web.ClientId });
      v.cacheJwks(jwks);
      const payload = await v.verify(token);
      assert.equal(payload.iss, `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    }
    // The access token's scope includes aws.cognito.signin.user.admin, so Cognito's own API accepts it.
    const user = await ok(server.url, 'GetUser', { AccessToken: tokens.access_token });
    assert.equal(user.Username, 'jane');
  } finally {
    await server.stop();
  }
});

test('Federation: Continue with Google on the hosted page in Chromium, the simulated Google\'s pages, and openid-client\'s tokens for a Google_ user', async () => {
  const oidc = await import('openid-client');
  const server = await start({ issuer: 'local' });
  try {
    const { poolId } = await setUp(server.url);
    await ok(server.url, 'CreateIdentityProvider', {
      UserPoolId: poolId, ProviderName: 'Google', ProviderType: 'Google',
      ProviderDetails: { client_id: 'g-client.apps.googleusercontent.com', client_secret: 'g-secret', authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email', name: 'name' },
    });
    const { UserPoolClient: social } = await ok(server.url, 'CreateUserPoolClient', {
      UserPoolId: poolId, ClientName: 'social', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'], CallbackURLs: [CALLBACK], SupportedIdentityProviders: ['COGNITO', 'Google'],
    });
    const issuer = new URL(`${server.url}/${poolId}`);
    const config = await oidc.discovery(issuer, social.ClientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK, scope: 'openid email profile', state,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(authorizationUrl.href);
    assert.match(page.url(), /\/domain\/oidc-demo\/login\?/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'hosted-login-with-google.png') });
    // The button leads through Cognito to the provider, served by the endpoint under /provider/<its host>/.
    await Promise.all([page.waitForURL(/\/provider\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/), page.click('text=Continue with Google')]);
    const atGoogle = new URL(page.url());
    assert.equal(atGoogle.searchParams.get('client_id'), 'g-client.apps.googleusercontent.com');
    assert.equal(atGoogle.searchParams.get('redirect_uri'), `${server.url}/domain/oidc-demo/oauth2/idpresponse`);
    assert.match(await page.title(), /Google \(simulated\)/);
    await page.fill('input[type="email"]', 'jane.google@example.com');
    await page.fill('input[name="name"]', 'Jane Google');
    await page.screenshot({ path: path.join(ARTIFACTS, 'provider-sign-in.png') });
    await page.click('button[name="continue"]');
    await page.waitForSelector('button[name="allow"]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'provider-consent.png') });
    await Promise.all([page.waitForURL((u) => u.href.startsWith(CALLBACK)), page.click('button[name="allow"]')]);
    const callback = page.url();
    await context.close();

    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: codeVerifier, expectedState: state });
    const claims = tokens.claims();
    assert.match(claims['cognito:username'], /^Google_\d{21}$/);
    assert.equal(claims.email, 'jane.google@example.com');
    assert.equal(claims.name, 'Jane Google');
    assert.equal(claims.identities.length, 1);
    assert.equal(claims.identities[0].providerName, 'Google');
    assert.equal(claims.identities[0].userId, claims['cognito:username'].slice('Google_'.length));
    assert.equal(claims.identities[0].primary, 'true');
    const user = await ok(server.url, 'AdminGetUser', { UserPoolId: poolId, Username: claims['cognito:username'] });
    assert.equal(user.UserStatus, 'EXTERNAL_PROVIDER');
    // The provider's keys are published at its own (served) address.
    const keys = await (await fetch(`${server.url}/provider/www.googleapis.com/oauth2/v3/certs`)).json();
    assert.equal(keys.keys.length, 1);
  } finally {
    await server.stop();
  }
});
