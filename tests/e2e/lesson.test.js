// Lesson 1, "Create a user pool", followed through the lesson panel in the
// real page: each step's "Show me" brings its widget into sight, the learner
// does what the step says on the canvas, and the step checks itself. Then
// the progress must survive a reload.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const { startServer, launchBrowser, watchConsole, waitForAppReady, ok, artifact, ARTIFACTS } = require('./harness');
const { frames, recordWidgets, click, type, shown, reveal } = require('./canvas');

let server, browser;

test.before(async () => {
  for (const f of fs.existsSync(ARTIFACTS) ? fs.readdirSync(ARTIFACTS) : []) {
    if (f.startsWith('lesson-')) fs.rmSync(`${ARTIFACTS}/${f}`);
  }
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

// The lesson progress the page keeps with the saved work.
async function progress(page) {
  await frames(page, 20); // the save happens at most every quarter second
  const work = await page.evaluate(() => JSON.parse(window.localStorage.getItem('userpool-sandbox.work')));
  return work && work.Lessons ? work.Lessons.Progress : undefined;
}

// "Show me", then the widget the step points at must be on screen.
async function showMe(page, widget) {
  if (await shown(page, 'lesson.show_me')) await click(page, 'lesson.show_me');
  await frames(page, 10);
  assert.ok(await shown(page, widget), `Show me should bring ${widget} into sight`);
}

async function expectStep(page, index, done) {
  const p = await progress(page);
  assert.equal(p.Lesson, 'create-user-pool');
  assert.equal(p.Step, index, `after "${done}" the lesson should be at step ${index + 1}`);
}

// A fresh page at `address` (the app, or a link into it), ready to be clicked.
async function openApp(address = server.url, permissions = []) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (permissions.length) await context.grantPermissions(permissions, { origin: server.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(address);
  await waitForAppReady(page);
  await recordWidgets(page);
  return { context, page, errors };
}

test('lesson 1 through the lesson panel: every step checks itself as the learner does it', async () => {
  const { context, page, errors } = await openApp();

  await click(page, 'nav.lessons');
  await click(page, 'lessons.start.create-user-pool');
  await reveal(page, 'lesson.hint');
  await page.screenshot({ path: artifact('lesson-01-started.png') });
  await expectStep(page, 0, 'start');

  // Task 2: open the wizard.
  await showMe(page, 'nav.create_pool');
  await click(page, 'nav.create_pool');
  await expectStep(page, 1, 'open the wizard');
  // Task 3: Cognito user pool, Email (the defaults), Next.
  await showMe(page, 'wizard.sign_in.email');
  await page.screenshot({ path: artifact('lesson-02-highlight.png') });
  await click(page, 'wizard.next');
  await expectStep(page, 2, 'sign-in experience');
  // Task 4: Cognito defaults, No MFA.
  await showMe(page, 'wizard.mfa.off');
  await click(page, 'wizard.mfa.off');
  await click(page, 'wizard.next');
  await expectStep(page, 3, 'security requirements');
  // Task 5: required name, preferred username, phone number.
  await showMe(page, 'wizard.required.name');
  for (const attribute of ['name', 'preferred_username', 'phone_number']) await click(page, `wizard.required.${attribute}`);
  await click(page, 'wizard.next');
  await expectStep(page, 4, 'sign-up experience');
  // Task 6: Send email with Cognito.
  await showMe(page, 'wizard.email.cognito');
  await click(page, 'wizard.email.cognito');
  await click(page, 'wizard.next');
  await expectStep(page, 5, 'message delivery');
  // Task 7: kekepool and kekeclient.
  await showMe(page, 'wizard.client_name');
  await type(page, 'wizard.pool_name', 'kekepool');
  await type(page, 'wizard.client_name', 'kekeclient');
  await click(page, 'wizard.next');
  await expectStep(page, 6, 'integrate your app');
  // Task 8: review and create.
  await showMe(page, 'wizard.create');
  await click(page, 'wizard.create');
  await expectStep(page, 7, 'review and create');
  // Then a user, created in the console.
  await showMe(page, 'users.create');
  await click(page, 'users.create');
  await click(page, 'users.new.invite.email');
  await type(page, 'users.new.email', 'learner@example.com');
  await click(page, 'users.new.email_verified');
  await click(page, 'users.new.submit');
  await expectStep(page, 8, 'create a user');
  // The invited user's first sign-in: the temporary password from the
  // inbox, then NEW_PASSWORD_REQUIRED with the attributes kekepool requires.
  await showMe(page, 'tryit.signin.submit');
  const { Messages } = await ok(page, 'Sandbox.ListMessages', { Destination: 'learner@example.com', MaxResults: 1 });
  await type(page, 'tryit.signin.username', 'learner@example.com');
  await type(page, 'tryit.signin.password', Messages[0].Code);
  await click(page, 'tryit.signin.submit');
  await type(page, 'tryit.challenge.new_password', 'Kekepool-Pass1!');
  await type(page, 'tryit.challenge.attr.name', 'Learner');
  await type(page, 'tryit.challenge.attr.preferred_username', 'learner');
  await type(page, 'tryit.challenge.attr.phone_number', '+12065550100');
  await page.screenshot({ path: artifact('lesson-02b-new-password-required.png') });
  await click(page, 'tryit.challenge.submit');
  await reveal(page, 'lesson.all');
  await page.screenshot({ path: artifact('lesson-03-complete.png') });
  const finished = await progress(page);
  assert.deepEqual(finished.Completed, ['create-user-pool']);
  const pools = (await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools;
  assert.deepEqual(pools.map((p) => p.Name), ['kekepool']);

  // A reload keeps the finished lesson.
  await page.reload();
  await waitForAppReady(page);
  await recordWidgets(page);
  await reveal(page, 'lesson.all');
  await click(page, 'lesson.all');
  await reveal(page, 'lessons.start.create-user-pool');
  assert.deepEqual((await progress(page)).Completed, ['create-user-pool']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a presenter\'s link opens the app at a lesson step, with the steps before it done; a reload does not open it again', async () => {
  const home = server.url.replace(/\/?$/, '/');
  const { context, page, errors } = await openApp(`${home}#lesson=groups-and-roles&step=3`, ['clipboard-read', 'clipboard-write']);
  await reveal(page, 'lesson.show_me');
  const p = await progress(page);
  assert.equal(p.Lesson, 'groups-and-roles');
  assert.equal(p.Step, 2);
  const pools = (await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools;
  assert.deepEqual(pools.map((pool) => pool.Name), ['team-pool']);
  const groups = (await ok(page, 'ListGroups', { UserPoolId: pools[0].Id })).Groups.map((g) => g.GroupName).sort();
  assert.deepEqual(groups, ['admins', 'readers']);
  // The address no longer holds the link, so a reload keeps the learner's own progress.
  assert.equal(await page.evaluate(() => window.location.hash), '');
  await showMe(page, 'pool.tab.users');
  await page.screenshot({ path: artifact('lesson-04-from-link.png') });
  // The panel copies a link to the step it is at.
  await click(page, 'lesson.copy_link');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${home}#lesson=groups-and-roles&step=3`);
  await page.reload();
  await waitForAppReady(page);
  assert.equal((await progress(page)).Step, 2);
  assert.equal((await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools.length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lesson file from another server: a #lesson-url link fetches it (CORS) and opens its step; the panel copies that link', async () => {
  // A workshop's own lesson, on a server of its own that lets any page read it.
  const step = (id, pool) => ({
    Id: id, Title: `Create ${pool}`, Text: `Create a pool named **${pool}**.`,
    Check: { Source: { Call: 'ListUserPools', Request: { MaxResults: 60 } }, Pointer: '/UserPools', Where: { Name: pool }, Exists: true },
    Hints: ['Use the wizard.'], Solution: [{ Call: 'CreateUserPool', Request: { PoolName: pool } }],
  });
  const lesson = {
    Format: 'userpool-sandbox-lesson', Version: 1, Id: 'workshop-pool', Title: 'Our workshop pools',
    Summary: 'Two pools for today.', Steps: [step('first', 'workshop-1'), step('second', 'workshop-2')],
  };
  const files = http.createServer((req, res) => {
    res.writeHead(req.url === '/workshop.json' ? 200 : 404,
      { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(req.url === '/workshop.json' ? JSON.stringify(lesson) : '{}');
  });
  await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${files.address().port}/workshop.json`;
  const home = server.url.replace(/\/?$/, '/');
  const link = `${home}#lesson-url=${encodeURIComponent(address)}&step=2`;
  const { context, page, errors } = await openApp(link, ['clipboard-read', 'clipboard-write']);
  // The file arrives after the page has started.
  for (let i = 0; i < 50 && ((await progress(page)) || {}).Lesson !== 'workshop-pool'; ++i) await frames(page, 5);
  const p = await progress(page);
  assert.equal(p.Lesson, 'workshop-pool');
  assert.equal(p.Step, 1);
  assert.deepEqual((await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools.map((pool) => pool.Name), ['workshop-1']);
  await reveal(page, 'lesson.copy_link');
  await page.screenshot({ path: artifact('lesson-08-from-lesson-url.png') });
  await click(page, 'lesson.copy_link');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.deepEqual(errors, []);
  await context.close();
  await new Promise((resolve) => files.close(resolve));
});

test('lesson "Sign in with the hosted UI" through the lesson panel: domain, OAuth client, the hosted pages, redirect_mismatch', async () => {
  const { context, page, errors } = await openApp();
  await click(page, 'nav.lessons');
  await click(page, 'lessons.start.sign-in-with-the-hosted-ui');
  const at = async (index) => {
    const p = await progress(page);
    assert.equal(p.Lesson, 'sign-in-with-the-hosted-ui');
    return p.Step === index || (index === 4 && (p.Completed || []).includes('sign-in-with-the-hosted-ui'));
  };
  const poolId = (await ok(page, 'ListUserPools', { MaxResults: 10 })).UserPools.find((p) => p.Name === 'hosted-pool').Id;

  // Step 1: a domain, typed on the App integration tab that Show me opens.
  await showMe(page, 'integration.domain.prefix');
  await type(page, 'integration.domain.prefix', `hana-demo-${Date.now() % 100000}`);
  await click(page, 'integration.domain.create');
  assert.ok(await at(1), 'the domain step should be done');

  // Step 2: web-app edited to use the hosted UI with the code grant.
  await showMe(page, 'pool.tab.clients');
  const clientId = (await ok(page, 'ListUserPoolClients', { UserPoolId: poolId, MaxResults: 10 })).UserPoolClients[0].ClientId;
  await click(page, `clients.edit.${clientId}`);
  await click(page, 'clients.form.oauth');
  await click(page, 'clients.form.oauth_flow.code');
  await type(page, 'clients.form.scopes', 'openid email');
  await type(page, 'clients.form.callbacks', 'http://localhost:3000/callback');
  await click(page, 'clients.form.save');
  assert.ok(await at(2), 'the OAuth client step should be done');

  // Step 3: the hosted pages, in the frame over the canvas.
  await showMe(page, 'hosted.start');
  await click(page, 'hosted.start');
  const frame = page.frameLocator('#hosted-frame');
  await frame.locator('input[name="username"]').waitFor({ timeout: 10000 });
  await frame.locator('input[name="username"]').fill('hana');
  await frame.locator('input[name="password"]').fill('H0sted-Hana!');
  await page.screenshot({ path: artifact('lesson-05-hosted-sign-in.png') });
  await frame.locator('button[type="submit"]').click();
  await page.waitForFunction(() => document.getElementById('hosted-frame').style.display === 'none');
  await frames(page, 4);
  assert.ok(await at(3), 'the hosted sign-in step should be done');
  await page.screenshot({ path: artifact('lesson-06-hosted-at-app.png') });

  // Step 4: a callback URL nobody registered gets Cognito's error page.
  await showMe(page, 'hosted.redirect');
  await click(page, 'hosted.redirect');
  await click(page, 'hosted.redirect.unregistered');
  await click(page, 'hosted.start');
  await frame.locator('text=redirect_mismatch').first().waitFor({ timeout: 10000 });
  await frames(page, 4);
  await page.screenshot({ path: artifact('lesson-07-redirect-mismatch.png') });
  assert.deepEqual((await progress(page)).Completed.includes('sign-in-with-the-hosted-ui'), true);
  assert.deepEqual(errors, []);
  await context.close();
});
