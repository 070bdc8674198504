// The Hosted UI view in real Chromium: the hosted pages as real HTML in the
// frame over the canvas. A learner signs up on the hosted page, takes the
// code from the inbox, confirms, signs in, and the app at its callback
// exchanges the code; a customization changes the page. Screenshots of each
// page are saved.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, watchConsole, waitForAppReady, ok, artifact } = require('./harness');
const { recordWidgets, click, frames, shown, type, reveal } = require('./canvas');

const CALLBACK = 'http://localhost:3000/callback';
let server, browser;

test.before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

// A pool that requires and verifies email, with a domain and a code-grant app client.
async function setUp(page) {
  const { UserPool } = await ok(page, 'CreateUserPool', {
    PoolName: 'hosted', AutoVerifiedAttributes: ['email'],
    Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
  });
  await ok(page, 'CreateUserPoolDomain', { UserPoolId: UserPool.Id, Domain: 'hosted-demo' });
  const { UserPoolClient } = await ok(page, 'CreateUserPoolClient', {
    UserPoolId: UserPool.Id, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: [CALLBACK], SupportedIdentityProviders: ['COGNITO'],
  });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

async function openApp() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(server.url);
  await waitForAppReady(page);
  await recordWidgets(page);
  return { context, page, errors };
}

// The hosted page in the frame, once it shows `selector`.
async function hostedPage(page, selector) {
  const frame = page.frameLocator('#hosted-frame');
  await frame.locator(selector).first().waitFor({ timeout: 10000 });
  return frame;
}

test('sign up on the hosted page, confirm with the code from the inbox, sign in, and the app gets its tokens', async () => {
  const { context, page, errors } = await openApp();
  const { poolId } = await setUp(page);
  await click(page, 'nav.hosted_ui');
  await click(page, 'hosted.start');
  let frame = await hostedPage(page, 'input[name="username"]');
  assert.equal(await frame.locator('h1').textContent(), 'Sign in with your username and password');
  await page.screenshot({ path: artifact('hosted-login.png') });

  await frame.locator('a', { hasText: 'Sign up' }).click();
  frame = await hostedPage(page, 'input[name="requiredAttributes[email]"]');
  await frame.locator('input[name="username"]').fill('sam');
  await frame.locator('input[name="requiredAttributes[email]"]').fill('sam@example.com');
  await frame.locator('input[name="password"]').fill('Passw0rd!');
  await page.screenshot({ path: artifact('hosted-sign-up.png') });
  await frame.locator('button[type="submit"]').click();

  frame = await hostedPage(page, 'input[name="confirmation_code"]');
  assert.match(await frame.locator('.notice').textContent(), /We have sent a code by email to s\*\*\*@e\*\*\*/);
  const { Messages } = await ok(page, 'Sandbox.ListMessages', { Destination: 'sam@example.com', MaxResults: 1 });
  await frame.locator('input[name="confirmation_code"]').fill(Messages[0].Code);
  await page.screenshot({ path: artifact('hosted-confirm.png') });
  await frame.locator('button[type="submit"]').click();

  frame = page.frameLocator('#hosted-frame');
  await frame.locator('.notice', { hasText: 'Your account is confirmed' }).waitFor({ timeout: 10000 });
  await frame.locator('input[name="password"]').fill('Passw0rd!');
  await frame.locator('button[type="submit"]').click();

  // The app at its callback: the frame is gone, the app's card is drawn.
  await page.waitForFunction(() => {
    const f = document.getElementById('hosted-frame');
    return f && f.style.display === 'none';
  });
  await frames(page, 4);
  await page.screenshot({ path: artifact('hosted-app.png') });
  await click(page, 'hosted.app.inspect');
  await frames(page, 4);
  await page.screenshot({ path: artifact('hosted-tokens.png') });
  // The Flow view draws the dance with the browser's own lifeline.
  await click(page, 'nav.flow');
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-flow.png') });
  const user = await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: 'sam' });
  assert.equal(user.UserStatus, 'CONFIRMED');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a customization changes the hosted page: CSS and logo, as the learner sets them', async () => {
  const { context, page, errors } = await openApp();
  const { poolId } = await setUp(page);
  // A 1x1 PNG.
  const logo = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  // In the pool's App integration tab: the CSS typed and saved, then the
  // logo chosen from a file with the page's file picker.
  await click(page, `nav.pool.${poolId}`);
  await click(page, 'pool.tab.integration');
  await type(page, 'integration.look.css',
    '.submitButton-customizable { background-color: rgb(176, 18, 91); } .banner-customizable { background-color: rgb(30, 123, 52); }');
  await click(page, 'integration.look.save');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'integration.look.logo')]);
  await chooser.setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(logo, 'base64') });
  await page.waitForFunction((id) => 'ImageUrl' in (window.userpool.call('GetUICustomization', { UserPoolId: id }).body.UICustomization || {}),
    poolId, { timeout: 10000 });
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-logo-uploaded.png') });
  await click(page, 'nav.hosted_ui');
  await click(page, 'hosted.start');
  const frame = await hostedPage(page, 'button[type="submit"]');
  assert.equal(await frame.locator('button[type="submit"]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(176, 18, 91)');
  assert.equal(await frame.locator('.banner-customizable').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(30, 123, 52)');
  assert.equal(await frame.locator('img.logo-customizable').count(), 1);
  await page.screenshot({ path: artifact('hosted-customized.png') });
  // The app around the page in the dark theme (the page keeps its own look).
  await click(page, 'theme.toggle');
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-customized-dark.png') });
  // Leaving the view hides the frame.
  await click(page, 'nav.try_it');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => document.getElementById('hosted-frame').style.display), 'none');
  assert.equal(await shown(page, 'hosted.start'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Google added in the wizard: Continue with Google, the simulated Google\'s pages in the frame, back at the app as a Google_ user; the inspector and the Flow view show the provider', async () => {
  const { context, page, errors } = await openApp();
  // Step 1: federated sign-in ticked, Google chosen: seven steps.
  await click(page, 'nav.create_pool');
  await click(page, 'wizard.provider.federated');
  await click(page, 'wizard.provider.google');
  assert.equal(await shown(page, 'wizard.goto.7'), true);
  await page.screenshot({ path: artifact('wizard-federated-options.png') });
  for (let step = 1; step <= 3; step += 1) await click(page, 'wizard.next');
  await click(page, 'wizard.email.cognito');
  await click(page, 'wizard.next');
  // Step 5: Connect federated identity providers: Google's client ID and
  // secret, and name mapped beside the default email.
  await type(page, 'wizard.federation.google.client_id', 'g-client.apps.googleusercontent.com');
  await type(page, 'wizard.federation.google.client_secret', 'GOCSPX-g-secret');
  await click(page, 'wizard.federation.google.map.add');
  await click(page, 'wizard.federation.google.map.1.attribute');
  await click(page, 'wizard.federation.google.map.1.attribute.name');
  await type(page, 'wizard.federation.google.map.1.provider', 'name');
  await page.screenshot({ path: artifact('wizard-federation.png') });
  await click(page, 'theme.toggle');
  await page.mouse.move(640, 780); // off the switch, whose tooltip would cover the page
  await frames(page, 3);
  await page.screenshot({ path: artifact('wizard-federation-dark.png') });
  await click(page, 'theme.toggle');
  await click(page, 'wizard.next');
  // Step 6: the app client, the hosted UI with a domain and the app's callback; Google offered and ticked.
  await type(page, 'wizard.pool_name', 'federated');
  await type(page, 'wizard.client_name', 'web');
  await click(page, 'wizard.hosted_ui');
  await type(page, 'wizard.domain', 'federated-demo');
  await type(page, 'wizard.callback_url', CALLBACK);
  await click(page, 'wizard.callback.add');
  await reveal(page, 'wizard.idp.Google');
  await click(page, 'wizard.next');
  await reveal(page, 'wizard.create');
  await page.screenshot({ path: artifact('wizard-federated-review.png') });
  await click(page, 'wizard.create');
  await reveal(page, 'pool.tab.users');
  const { UserPools } = await ok(page, 'ListUserPools', { MaxResults: 10 });
  assert.equal(UserPools.length, 1);
  const poolId = UserPools[0].Id;
  const { IdentityProvider: google } = await ok(page, 'DescribeIdentityProvider', { UserPoolId: poolId, ProviderName: 'Google' });
  assert.deepEqual(google.AttributeMapping, { email: 'email', name: 'name', username: 'sub' });

  await click(page, 'nav.hosted_ui');
  await click(page, 'hosted.start');
  let frame = await hostedPage(page, 'a.idpButton-customizable');
  assert.equal(await frame.locator('a.idpButton-customizable').textContent(), 'Continue with Google');
  await page.screenshot({ path: artifact('hosted-login-google.png') });
  await frame.locator('a.idpButton-customizable').click();
  frame = await hostedPage(page, 'input[type="email"]');
  assert.match(await frame.locator('.provider').textContent(), /Google \(simulated\)/);
  await frame.locator('input[type="email"]').fill('jane.g@example.com');
  await frame.locator('input[name="name"]').fill('Jane G');
  await page.screenshot({ path: artifact('hosted-google-sign-in.png') });
  await frame.locator('button[name="continue"]').click();
  frame = await hostedPage(page, 'button[name="allow"]');
  await page.screenshot({ path: artifact('hosted-google-consent.png') });
  await frame.locator('button[name="allow"]').click();
  await page.waitForFunction(() => {
    const f = document.getElementById('hosted-frame');
    return f && f.style.display === 'none';
  });
  await frames(page, 4);
  await page.screenshot({ path: artifact('hosted-google-app.png') });
  const { Users } = await ok(page, 'ListUsers', { UserPoolId: poolId });
  assert.equal(Users.length, 1);
  // The wizard makes user names case-insensitive (the console's default), so the pool keeps them lower-case.
  assert.match(Users[0].Username, /^google_\d{21}$/);
  assert.equal(Users[0].UserStatus, 'EXTERNAL_PROVIDER');
  assert.equal(JSON.parse(Users[0].Attributes.find((a) => a.Name === 'identities').Value)[0].providerName, 'Google');
  await click(page, 'hosted.app.inspect');
  await frames(page, 4);
  await page.screenshot({ path: artifact('hosted-google-tokens.png') });
  // What Google sent Cognito, beside Cognito's tokens, and what the saved session keeps.
  await frames(page, 20); // the save happens at most every quarter second
  const work = await page.evaluate(() => JSON.parse(window.localStorage.getItem('userpool-sandbox.work')));
  const saved = JSON.parse(Buffer.from(work.Session.IdToken.split('.')[1], 'base64url').toString());
  assert.equal(saved['cognito:username'], Users[0].Username);
  assert.equal(saved.identities[0].providerName, 'Google');
  await reveal(page, 'tokens.provider.steps');
  await page.screenshot({ path: artifact('hosted-google-provider-token.png') });
  await click(page, 'theme.toggle');
  await page.mouse.move(640, 780);
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-google-provider-token-dark.png') });
  await click(page, 'theme.toggle');
  // The Users page names the provider.
  await click(page, `nav.pool.${poolId}`);
  await click(page, 'pool.tab.users');
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-google-users.png') });
  await click(page, 'nav.flow');
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-google-flow.png') });
  await click(page, 'theme.toggle');
  await frames(page, 3);
  await page.screenshot({ path: artifact('hosted-google-flow-dark.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
