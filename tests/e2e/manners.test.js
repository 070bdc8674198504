// Browser manners: the system clipboard both ways, Tab between fields, the
// mouse wheel, the theme switch, and the layout from 1280x720 up to a large
// screen. Driven through the real canvas, in headless Chromium.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, watchConsole, waitForAppReady, ok, artifact, canvasStats } = require('./harness');
const { frames, recordWidgets, click, press, reveal, shown, widgets } = require('./canvas');

let server, browser;

test.before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function openApp(viewport = { width: 1280, height: 720 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(server.url);
  await waitForAppReady(page);
  await recordWidgets(page);
  return { context, page, errors };
}

// A pool whose sign-up form is taller than a 720-pixel screen, with a client.
async function tallPool(page) {
  const poolId = (await ok(page, 'CreateUserPool', {
    PoolName: 'manners', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'],
    Schema: ['name', 'family_name', 'given_name', 'preferred_username'].map((Name) => ({ Name, Required: true })),
  })).UserPool.Id;
  const clientId = (await ok(page, 'CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  })).UserPoolClient.ClientId;
  await frames(page);
  return { poolId, clientId };
}

test('Copy buttons put the value on the system clipboard; Ctrl+V pastes the system clipboard into a field', async () => {
  const { context, page, errors } = await openApp();
  const poolId = (await ok(page, 'CreateUserPool', { PoolName: 'clipboard' })).UserPool.Id;
  for (const Username of ['alpha', 'beta']) await ok(page, 'AdminCreateUser', { UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' });
  await frames(page);
  await click(page, `nav.pool.${poolId}`);
  await click(page, 'pool.id.copy');
  await frames(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), poolId);

  // Another application copied "beta"; pasting it into the search narrows the table.
  await page.evaluate(() => navigator.clipboard.writeText('beta'));
  await click(page, 'pool.tab.users');
  assert.equal(await shown(page, 'users.row.alpha'), true);
  await click(page, 'users.search');
  await press(page, 'Control+V');
  // The page reads the system clipboard asynchronously: give it time on a busy machine.
  for (let i = 0; i < 60 && await shown(page, 'users.row.alpha'); i += 1) await frames(page, 2);
  assert.equal(await shown(page, 'users.row.beta'), true);
  assert.equal(await shown(page, 'users.row.alpha'), false, 'the pasted text filters the table');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tab moves from one field of a form to the next', async () => {
  const { context, page, errors } = await openApp();
  const { poolId } = await tallPool(page);
  await click(page, 'nav.try_it');
  // The sign-up fields, top to bottom: the email, the required attributes, the password.
  const fields = Object.entries(await widgets(page))
    .filter(([name]) => name.startsWith('tryit.signup.') && name !== 'tryit.signup.submit')
    .sort((a, b) => a[1].y - b[1].y)
    .map(([name]) => name);
  assert.equal(fields.length, 6, fields.join(', '));
  const values = {
    'tryit.signup.username': 'tab@example.com', 'tryit.signup.attr.name': 'Tab User', 'tryit.signup.attr.given_name': 'Tab',
    'tryit.signup.attr.family_name': 'User', 'tryit.signup.attr.preferred_username': 'tabby', 'tryit.signup.password': 'Passw0rd!',
  };
  await click(page, fields[0]);
  for (let i = 0; i < fields.length; i += 1) {
    if (i > 0) await press(page, 'Tab');
    await page.keyboard.type(values[fields[i]]);
    await frames(page);
  }
  await click(page, 'tryit.signup.submit');
  await reveal(page, 'tryit.confirm.code');
  const user = await ok(page, 'AdminGetUser', { UserPoolId: poolId, Username: 'tab@example.com' });
  const attributes = Object.fromEntries(user.UserAttributes.map((a) => [a.Name, a.Value]));
  assert.deepEqual(
    [attributes.name, attributes.family_name, attributes.given_name, attributes.preferred_username],
    ['Tab User', 'User', 'Tab', 'tabby'],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('one turn of the mouse wheel scrolls a few lines, in the direction turned', async () => {
  const { context, page, errors } = await openApp();
  await tallPool(page);
  await click(page, 'nav.try_it');
  const top = async () => (await widgets(page))['tryit.signup.username'].y;
  const before = await top();
  await page.mouse.move(760, 400);
  await page.mouse.wheel(0, 100); // one notch down, as Chromium reports it
  await frames(page, 3);
  const after = await top();
  assert.ok(before - after >= 20 && before - after <= 200, `moved from ${before} to ${after}`);
  await page.mouse.wheel(0, -100);
  await frames(page, 3);
  assert.equal(await top(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the theme switch turns the page dark, and the choice survives a reload', async () => {
  const { context, page, errors } = await openApp();
  // The brightness of a point of the main area away from any text, from a
  // screenshot (what the learner sees), decoded by the page itself.
  const background = async (name) => {
    const png = await page.screenshot({ path: artifact(`theme-${name}.png`) });
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const probe = document.createElement('canvas');
      probe.width = img.width;
      probe.height = img.height;
      const g = probe.getContext('2d');
      g.drawImage(img, 0, 0);
      const [r, gr, b] = g.getImageData(Math.floor(img.width * 0.97), Math.floor(img.height * 0.9), 1, 1).data;
      return (r + gr + b) / 3;
    }, png.toString('base64'));
  };
  await frames(page, 3);
  assert.ok((await background('light')) > 200);
  await click(page, 'theme.toggle');
  await frames(page, 3);
  assert.ok((await background('dark')) < 60);
  await page.reload();
  await waitForAppReady(page);
  await frames(page, 3);
  assert.ok((await background('dark-after-reload')) < 60);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout fills a large screen and a small one, sharp at any pixel ratio', async () => {
  for (const [width, height, scale] of [[1280, 720, 1], [1920, 1080, 1], [1440, 900, 2]]) {
    const { context, page, errors } = await openApp({ width, height }, { deviceScaleFactor: scale });
    await tallPool(page);
    await click(page, 'nav.try_it');
    // The sidebar and the header's last button are inside the screen.
    const all = await widgets(page);
    for (const name of ['nav.saved_work', 'theme.toggle', 'clock.jump', 'tryit.signup.username']) {
      const r = all[name];
      assert.ok(r && r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height, `${name} at ${width}x${height}: ${JSON.stringify(r)}`);
    }
    const stats = await canvasStats(page, artifact(`layout-${width}x${height}@${scale}x.png`));
    assert.equal(stats.width, width * scale);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
