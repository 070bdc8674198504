// The create-user-pool lab (../shared/tutorials/create-user-pool-lab.md)
// done in the real page by clicking and typing on the canvas, then the
// learner's app: a second user signs up in Try it, reads the code in the
// inbox, confirms, signs in with SRP and looks at the tokens. Outcomes are
// checked through window.userpool.call; a screenshot of each step lands in
// the build folder. Then the work must survive a reload, and an exported
// file must give the same sandbox in a fresh page.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { startServer, launchBrowser, watchConsole, waitForAppReady, ok, artifact, ARTIFACTS } = require('./harness');
const { frames, recordWidgets, click, type, shown, reveal } = require('./canvas');

let server, browser;
const JANE = { email: 'jane@example.com', name: 'Jane Doe', preferred: 'jane', phone: '+12065550100', password: 'Passw0rd!' };
const ADMIN_USER = 'kevin@example.com';

test.before(async () => {
  // Screenshots of an earlier run would mix with this run's.
  for (const f of fs.existsSync(ARTIFACTS) ? fs.readdirSync(ARTIFACTS) : []) {
    if (f.startsWith('lab-')) fs.rmSync(`${ARTIFACTS}/${f}`);
  }
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function openApp(context) {
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(server.url);
  await waitForAppReady(page);
  await recordWidgets(page);
  return { page, errors };
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  await frames(page);
  await page.screenshot({ path: artifact(`lab-${String(shot).padStart(2, '0')}-${name}.png`) });
}

// What the page keeps in its storage (the saved work), parsed.
function savedWork(page) {
  return page.evaluate(() => JSON.parse(window.localStorage.getItem('userpool-sandbox.work')));
}

async function theOnlyPool(page) {
  const pools = (await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools;
  assert.equal(pools.length, 1);
  return pools[0].Id;
}

// Shared between the tests below, in order: the lab's browser context.
let lab;

test('the lab: the wizard with the lab\'s choices creates kekepool and kekeclient', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const { page, errors } = await openApp(context);
  lab = { context, page, errors };
  await screenshot(page, 'welcome');

  // Task 2: Create user pool.
  await click(page, 'nav.create_pool');
  // Task 3: Cognito user pool as the provider, Email to sign in (the console's default).
  await reveal(page, 'wizard.next');
  await screenshot(page, 'sign-in-experience');
  await click(page, 'wizard.next');
  // Task 4: Cognito defaults for the password policy, No MFA.
  await click(page, 'wizard.mfa.off');
  await screenshot(page, 'security-requirements');
  await click(page, 'wizard.next');
  // Task 5: self-registration (the default), required name, preferred username and phone number.
  for (const attribute of ['name', 'preferred_username', 'phone_number']) await click(page, `wizard.required.${attribute}`);
  await screenshot(page, 'sign-up-experience');
  await click(page, 'wizard.next');
  // Task 6: Send email with Cognito.
  await click(page, 'wizard.email.cognito');
  await screenshot(page, 'message-delivery');
  await click(page, 'wizard.next');
  // Task 7: the pool's name and the app client kekeclient.
  await type(page, 'wizard.pool_name', 'kekepool');
  await type(page, 'wizard.client_name', 'kekeclient');
  await screenshot(page, 'integrate-your-app');
  await click(page, 'wizard.next');
  // Task 8: review, then create.
  await reveal(page, 'wizard.create');
  await screenshot(page, 'review');
  await click(page, 'wizard.create');
  await reveal(page, 'pool.tab.users');
  await screenshot(page, 'pool-created');

  const poolId = await theOnlyPool(page);
  const pool = (await ok(page, 'DescribeUserPool', { UserPoolId: poolId })).UserPool;
  assert.equal(pool.Name, 'kekepool');
  assert.deepEqual(pool.UsernameAttributes, ['email']);
  assert.deepEqual(pool.AutoVerifiedAttributes, ['email']);
  assert.equal(pool.MfaConfiguration, 'OFF');
  assert.equal(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly, false);
  assert.equal(pool.EmailConfiguration.EmailSendingAccount, 'COGNITO_DEFAULT');
  assert.deepEqual(pool.Policies.PasswordPolicy, {
    MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
    TemporaryPasswordValidityDays: 7,
  });
  const required = pool.SchemaAttributes.filter((a) => a.Required).map((a) => a.Name).sort();
  assert.deepEqual(required, ['email', 'name', 'phone_number', 'preferred_username', 'sub']);
  const clients = (await ok(page, 'ListUserPoolClients', { UserPoolId: poolId })).UserPoolClients;
  assert.deepEqual(clients.map((c) => c.ClientName), ['kekeclient']);
  lab.poolId = poolId;
  lab.clientId = clients[0].ClientId;
  assert.deepEqual(errors, []);
});

test('the lab: create a user in the console, with an email invitation', async () => {
  const { page, errors, poolId } = lab;
  await click(page, 'pool.tab.users');
  await click(page, 'users.create');
  await click(page, 'users.new.invite.email');
  await type(page, 'users.new.email', ADMIN_USER);
  await click(page, 'users.new.email_verified');
  await screenshot(page, 'create-user');
  await click(page, 'users.new.submit');
  await reveal(page, `users.row.${(await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: ADMIN_USER })).Username}`);
  await screenshot(page, 'user-created');

  const kevin = await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: ADMIN_USER });
  assert.equal(kevin.UserStatus, 'FORCE_CHANGE_PASSWORD');
  const attributes = Object.fromEntries(kevin.UserAttributes.map((a) => [a.Name, a.Value]));
  assert.equal(attributes.email, ADMIN_USER);
  assert.equal(attributes.email_verified, 'true');
  const invitations = (await ok(page, 'Sandbox.ListMessages', { Destination: ADMIN_USER })).Messages;
  assert.equal(invitations.length, 1);
  assert.equal(invitations[0].Purpose, 'Invitation');
  assert.deepEqual(errors, []);
});

test('Try it: a second user signs up, confirms with the inbox\'s code and signs in with SRP', async () => {
  const { page, errors, poolId, clientId } = lab;
  await click(page, 'nav.try_it');
  await type(page, 'tryit.signup.username', JANE.email);
  await type(page, 'tryit.signup.attr.name', JANE.name);
  await type(page, 'tryit.signup.attr.preferred_username', JANE.preferred);
  await type(page, 'tryit.signup.attr.phone_number', JANE.phone);
  await type(page, 'tryit.signup.password', JANE.password);
  await screenshot(page, 'sign-up');
  await click(page, 'tryit.signup.submit');
  await reveal(page, 'tryit.confirm.code');
  assert.equal(await shown(page, 'tryit.error'), false);
  const unconfirmed = await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: JANE.email });
  assert.equal(unconfirmed.UserStatus, 'UNCONFIRMED');

  // The code is in the inbox (newest first); Use takes it back to the form.
  await click(page, 'nav.inbox');
  await screenshot(page, 'inbox');
  const newest = (await ok(page, 'Sandbox.ListMessages', { Destination: JANE.email })).Messages;
  assert.equal(newest.length, 1);
  assert.match(newest[0].Code, /^\d{6}$/);
  await click(page, 'inbox.use.0');
  await reveal(page, 'tryit.confirm.submit');
  await screenshot(page, 'confirm');
  await click(page, 'tryit.confirm.submit');
  await reveal(page, 'tryit.signin.password');
  const confirmed = await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: JANE.email });
  assert.equal(confirmed.UserStatus, 'CONFIRMED');

  // Sign in; SRP is the default flow.
  await type(page, 'tryit.signin.password', JANE.password);
  await screenshot(page, 'sign-in');
  await click(page, 'tryit.signin.submit');
  await reveal(page, 'tryit.signed_in.view_tokens');
  await screenshot(page, 'signed-in');

  // The session the page keeps holds tokens the pool accepts, for Jane, from kekeclient.
  await frames(page, 20); // the save happens at most every quarter second
  const session = (await savedWork(page)).Session;
  assert.equal(session.PoolId, poolId);
  assert.equal(session.ClientId, clientId);
  const me = await ok(page, 'GetUser', { AccessToken: session.AccessToken });
  assert.equal(me.Username, confirmed.Username);
  const claims = JSON.parse(Buffer.from(session.IdToken.split('.')[1], 'base64url').toString());
  assert.equal(claims.email, JANE.email);
  assert.equal(claims.name, JANE.name);
  assert.equal(claims.aud, clientId);
  assert.equal(claims.token_use, 'id');
  // SRP: two round trips, InitiateAuth then RespondToAuthChallenge (PASSWORD_VERIFIER), both accepted.
  const events = (await ok(page, 'Sandbox.ListEvents', { UserPoolId: poolId })).Events
    .filter((e) => e.Operation === 'InitiateAuth' || e.Operation === 'RespondToAuthChallenge')
    .map((e) => `${e.Operation} ${e.Status}`);
  assert.deepEqual(events, ['InitiateAuth 200', 'RespondToAuthChallenge 200']);

  // The inspector shows both tokens, each verified against the pool's keys.
  await click(page, 'tryit.signed_in.view_tokens');
  await reveal(page, 'tokens.verdict.id');
  await reveal(page, 'tokens.verdict.access');
  await screenshot(page, 'tokens');
  lab.session = session;
  assert.deepEqual(errors, []);
});

test('a reload keeps the pool, the users and the signed-in tokens', async () => {
  const { page, errors, poolId, session } = lab;
  const before = await ok(page, 'Sandbox.ExportState', {});
  await page.reload();
  await waitForAppReady(page);
  await recordWidgets(page);
  assert.deepEqual(await ok(page, 'Sandbox.ExportState', {}), before);
  const users = (await ok(page, 'ListUsers', { UserPoolId: poolId })).Users.map((u) => u.UserStatus).sort();
  assert.deepEqual(users, ['CONFIRMED', 'FORCE_CHANGE_PASSWORD']);
  // Still signed in: Try it and the inspector show the same tokens.
  await click(page, 'nav.try_it');
  await reveal(page, 'tryit.signed_in.view_tokens');
  await click(page, 'nav.tokens');
  await reveal(page, 'tokens.verdict.access');
  await screenshot(page, 'after-reload');
  assert.deepEqual((await savedWork(page)).Session, session);
  assert.deepEqual(errors, []);
});

test('an exported file imports into a fresh page and gives the same sandbox', async () => {
  const { page, errors, session } = lab;
  await click(page, 'nav.saved_work');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'work.export')]);
  const file = artifact('lab-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.Format, 'userpool-sandbox-work');
  const state = await ok(page, 'Sandbox.ExportState', {});

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { page: other, errors: otherErrors } = await openApp(fresh);
  assert.deepEqual((await ok(other, 'ListUserPools', { MaxResults: 10 })).UserPools, []);
  await click(other, 'nav.saved_work');
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), click(other, 'work.import')]);
  await chooser.setFiles(file);
  // Polled with an operation that leaves no event behind.
  await other.waitForFunction(() => window.userpool.call('Sandbox.ExportState').body.State.UserPools.length === 1);
  assert.deepEqual(await ok(other, 'Sandbox.ExportState', {}), state);
  await click(other, 'nav.tokens');
  await reveal(other, 'tokens.verdict.access');
  await screenshot(other, 'imported');
  await frames(other, 20);
  assert.deepEqual((await savedWork(other)).Session, session);
  assert.deepEqual(otherErrors, []);
  assert.deepEqual(errors, []);
  await fresh.close();
  await lab.context.close();
});
