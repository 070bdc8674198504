// Every view with realistic content, in both themes, at 1280x720 and
// 1920x1080: a pool with two app clients, five users in several states,
// groups, messages in the inbox, a signed-in session, a lesson under way.
// Each view is opened as a learner opens it (on the canvas), checked to show
// its main widget, and saved as a screenshot (build/web/e2e/view-*.png) for
// a person to look at.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { startServer, launchBrowser, watchConsole, waitForAppReady, ok, artifact, canvasStats, ARTIFACTS } = require('./harness');
const { frames, recordWidgets, click, type, reveal } = require('./canvas');

let server, browser;

test.before(async () => {
  for (const f of fs.existsSync(ARTIFACTS) ? fs.readdirSync(ARTIFACTS) : []) {
    if (f.startsWith('view-')) fs.rmSync(`${ARTIFACTS}/${f}`);
  }
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

const PASSWORD = 'Corr3ct-Horse!';

// The content, made through the page's API as a presenter's prepared
// sandbox would be.
async function prepare(page) {
  const pool = (await ok(page, 'CreateUserPool', {
    PoolName: 'kekepool', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'],
    Schema: [{ Name: 'name', Required: true }, { Name: 'phone_number', Required: false }],
    AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
  })).UserPool.Id;
  await ok(page, 'CreateUserPoolDomain', { UserPoolId: pool, Domain: 'keke-demo' });
  const client = (await ok(page, 'CreateUserPoolClient', {
    UserPoolId: pool, ClientName: 'kekeclient',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  })).UserPoolClient.ClientId;
  await ok(page, 'CreateUserPoolClient', {
    UserPoolId: pool, ClientName: 'kekeserver', GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours' },
  });
  const signUp = (email, name, phone) => ok(page, 'SignUp', {
    ClientId: client, Username: email, Password: PASSWORD,
    UserAttributes: [{ Name: 'name', Value: name }, ...(phone ? [{ Name: 'phone_number', Value: phone }] : [])],
  });
  await signUp('jane.doe.longname@example.com', 'Jane Doe', '+12065550100');
  await ok(page, 'AdminConfirmSignUp', { UserPoolId: pool, Username: 'jane.doe.longname@example.com' });
  await signUp('bob@example.com', 'Bob', '+12065550101');  // stays UNCONFIRMED, a code in the inbox
  await ok(page, 'AdminCreateUser', {
    UserPoolId: pool, Username: 'carol.administrator@example.com', DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'name', Value: 'Carol' }, { Name: 'email', Value: 'carol.administrator@example.com' },
      { Name: 'email_verified', Value: 'true' }],
  });
  await signUp('dan@example.com', 'Dan', null);
  await ok(page, 'AdminConfirmSignUp', { UserPoolId: pool, Username: 'dan@example.com' });
  await ok(page, 'AdminDisableUser', { UserPoolId: pool, Username: 'dan@example.com' });
  await signUp('eve@example.com', 'Eve', null);
  await ok(page, 'AdminConfirmSignUp', { UserPoolId: pool, Username: 'eve@example.com' });
  await ok(page, 'AdminUpdateUserAttributes', {
    UserPoolId: pool, Username: 'eve@example.com', UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
  });
  await ok(page, 'AdminResetUserPassword', { UserPoolId: pool, Username: 'eve@example.com' });
  for (const GroupName of ['admins', 'readers']) {
    await ok(page, 'CreateGroup', { UserPoolId: pool, GroupName });
    await ok(page, 'AdminAddUserToGroup', { UserPoolId: pool, Username: 'jane.doe.longname@example.com', GroupName });
  }
  await ok(page, 'CreateUserPool', { PoolName: 'second-pool' });
  await frames(page);
  // The email is an alias of the username Cognito made (a UUID).
  const jane = (await ok(page, 'ListUsers', { UserPoolId: pool, Filter: 'email = "jane.doe.longname@example.com"' }))
    .Users[0].Username;
  return { pool, client, jane };
}

// Signs Jane in on the canvas, as a learner does in Try it.
async function signIn(page, pool) {
  await click(page, 'nav.try_it');
  await click(page, 'tryit.pool');
  await click(page, `tryit.pool.${pool}`);
  await click(page, 'tryit.client');
  await frames(page);
  const clients = await ok(page, 'ListUserPoolClients', { UserPoolId: pool, MaxResults: 10 });
  const kekeclient = clients.UserPoolClients.find((c) => c.ClientName === 'kekeclient').ClientId;
  await click(page, `tryit.client.${kekeclient}`);
  await click(page, 'tryit.tab.sign_in');
  await type(page, 'tryit.signin.username', 'jane.doe.longname@example.com');
  await type(page, 'tryit.signin.password', PASSWORD);
  await click(page, 'tryit.signin.submit');
  await reveal(page, 'tryit.signed_in.view_tokens');
}

async function snap(page, name, mustShow) {
  if (mustShow) await reveal(page, mustShow);
  // The pointer rests on the header, so no tooltip hides the view.
  await page.mouse.move(300, 10);
  await frames(page, 3);
  const stats = await canvasStats(page, artifact(`view-${name}.png`));
  assert.ok(stats.distinctColors > 20, `${name} should show something (${stats.distinctColors} colours)`);
}

async function setTheme(page, theme) {
  const dark = await page.evaluate(() => window.localStorage.getItem('userpool-sandbox.theme'));
  if ((dark === 'dark') !== (theme === 'dark')) {
    await click(page, 'theme.toggle');
    await frames(page, 4);
  }
}

// The views of the app, each opened on the canvas, then photographed: all
// of them (light theme, 1280x720), or (`brief`) the busiest ones, to keep
// the suite quick; the native layout test looks at every view at both sizes.
async function tour(page, size, theme, { pool, jane }, brief) {
  const at = `${size}-${theme}`;
  await click(page, 'nav.lessons');
  await snap(page, `lessons-${at}`, 'lessons.start.create-user-pool');
  await click(page, `nav.pool.${pool}`);
  await click(page, 'pool.tab.overview');
  await snap(page, `pool-overview-${at}`, 'pool.arn.copy');
  await snap(page, `pool-keys-${at}`, 'pool.jwks.copy');
  await click(page, 'pool.tab.users');
  await snap(page, `users-${at}`, 'users.create');
  await click(page, `users.row.${jane}`);
  await reveal(page, 'users.disable');
  await snap(page, `user-details-${at}`, 'users.disable');
  await click(page, 'pool.tab.groups');
  await snap(page, `groups-${at}`, 'groups.create');
  if (brief) return;
  await click(page, 'pool.tab.clients');
  await snap(page, `clients-${at}`);
  await click(page, 'pool.tab.settings');
  await snap(page, `settings-${at}`, 'settings.self_registration');
  await click(page, 'pool.tab.integration');
  await snap(page, `integration-${at}`, 'integration.server.create');
  await click(page, 'nav.try_it');
  await snap(page, `try-it-${at}`, 'tryit.signed_in.view_tokens');
  await snap(page, `try-it-delete-account-${at}`, 'tryit.signed_in.delete');
  await click(page, 'nav.hosted_ui');
  await snap(page, `hosted-ui-${at}`);
  await click(page, 'nav.inbox');
  await snap(page, `inbox-${at}`);
  await click(page, 'nav.tokens');
  await snap(page, `tokens-${at}`);
  await click(page, 'nav.api_log');
  await click(page, 'apilog.entry.0');
  await snap(page, `api-log-${at}`, 'apilog.copy.request');
  await click(page, 'nav.flow');
  await snap(page, `flow-${at}`);
  await click(page, 'nav.saved_work');
  await snap(page, `your-work-${at}`);
  await click(page, 'nav.api_gateway');
  await snap(page, `api-gateway-${at}`);
  await click(page, 'nav.beanstalk');
  await snap(page, `beanstalk-${at}`);
  await click(page, 'nav.create_pool');
  for (let step = 1; step <= 6; step += 1) {
    await snap(page, `wizard-${step}-${at}`);
    if (step === 4) {
      // The console's default (Amazon SES) stops here without a FROM address.
      await click(page, 'wizard.next');
      await snap(page, `wizard-4-refused-${at}`, 'wizard.from_email');
      await click(page, 'wizard.email.cognito');
    }
    if (step === 5) {
      // With the hosted UI: its domain and the client's OAuth settings.
      await click(page, 'wizard.hosted_ui');
      await snap(page, `wizard-5-hosted-ui-${at}`, 'wizard.grant.code');
      await click(page, 'wizard.hosted_ui');
      await type(page, 'wizard.pool_name', 'views-pool');
      await type(page, 'wizard.client_name', 'views-client');
    }
    if (step < 6) await click(page, 'wizard.next');
  }
  await click(page, 'wizard.cancel');
  await snap(page, `welcome-${at}`, 'welcome.create_pool');
}

for (const [size, viewport] of [['1280', { width: 1280, height: 720 }], ['1920', { width: 1920, height: 1080 }]]) {
  test(`every view at ${viewport.width}x${viewport.height}, light and dark, with realistic content`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(server.url);
    await waitForAppReady(page);
    await recordWidgets(page);
    const content = await prepare(page);
    await signIn(page, content.pool);
    for (const theme of ['light', 'dark']) {
      await setTheme(page, theme);
      await tour(page, size, theme, content, size === '1920' || theme === 'dark');
    }
    // A lesson under way: the step column beside a pool's users.
    await click(page, 'nav.lessons');
    await click(page, 'lessons.start.admin-created-users');
    await reveal(page, 'lesson.show_me');
    await snap(page, `lesson-panel-${size}-dark`, 'lesson.show_me');
    await click(page, 'lesson.show_me');
    await snap(page, `lesson-show-me-${size}-dark`, 'users.create');
    await setTheme(page, 'light');
    await snap(page, `lesson-show-me-${size}-light`, 'users.create');
    // A busy pool's users and a user's details beside the lesson, the main view at its narrowest.
    await click(page, `nav.pool.${content.pool}`);
    await click(page, 'pool.tab.users');
    await click(page, `users.row.${content.jane}`);
    await snap(page, `users-beside-lesson-${size}-light`, 'users.create');
    await snap(page, `user-details-beside-lesson-${size}-light`, 'users.disable');
    // Lesson 1 opens with the lab's architecture, drawn in the step column.
    await click(page, 'nav.lessons');
    await click(page, 'lessons.start.create-user-pool');
    await snap(page, `lesson-diagram-${size}-light`, 'lesson.diagram');
    await setTheme(page, 'dark');
    await snap(page, `lesson-diagram-${size}-dark`, 'lesson.diagram');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
