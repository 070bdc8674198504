// `userpool serve` under load, faults and bad input: concurrent sign-ups,
// bodies too large or not JSON, requests that are not HTTP, SIGKILL in the
// middle of a burst of writes, SIGTERM, a port in use, a state file that
// cannot be read, and the browser's saved work served and written back.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { start, call, ok, poolWithClient, tempDir } = require('./server');

const health = async (url) => (await fetch(url + '/health')).status;

// Raw bytes to the server, and what comes back before it closes or goes
// quiet for a second.
function raw(url, bytes) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (d) => { answer += d; });
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(1000, () => socket.destroy());
  });
}

async function allUsernames(url, poolId) {
  const names = [];
  let token;
  do {
    const page = await ok(url, 'ListUsers', { UserPoolId: poolId, Limit: 60, ...(token ? { PaginationToken: token } : {}) });
    names.push(...page.Users.map((u) => u.Username));
    token = page.PaginationToken;
  } while (token);
  return names;
}

test('50 sign-ups at once all succeed, each with its own sub, and the codes are printed as sent', async () => {
  const server = await start();
  try {
    const { clientId } = await poolWithClient(server.url, 'burst');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(server.url, 'SignUp', {
      ClientId: clientId, Username: `user${i}`, Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: `user${i}@example.com` }],
    })));
    for (const a of answers) assert.equal(a.status, 200, a.text);
    assert.equal(new Set(answers.map((a) => a.body.UserSub)).size, 50);
    // Each message on the console: who, the masked destination and the code.
    const { Messages } = await ok(server.url, 'Sandbox.ListMessages', { Destination: 'user7@example.com' });
    assert.match(server.output(), new RegExp(`for user7 \\(us-east-1_\\w+\\) by EMAIL to u\\*\\*\\*@e\\*\\*\\*\\.com  code ${Messages[0].Code}`));
    // One log line per request on stderr: what, status, time.
    assert.match(server.stderr(), /^SignUp {2}200 {2}[\d.]+ ms$/m);
  } finally {
    assert.equal((await server.stop()).code, 0);
  }
});

test('a body over 1 MiB, a body that is not JSON and a request that is not HTTP are refused; the server keeps serving', async () => {
  const server = await start();
  try {
    const big = await call(server.url, 'ListUserPools', ' '.repeat(1024 * 1024 + 1));
    assert.equal(big.status, 413);
    assert.equal(big.body.__type, 'RequestEntityTooLargeException');
    assert.equal(await health(server.url), 200);

    // The same without a Content-Length (chunked), read up to the limit only.
    const chunks = new ReadableStream({
      start(c) { for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(100 * 1024).fill(32)); c.close(); },
    });
    const chunked = await fetch(server.url + '/', {
      method: 'POST', body: chunks, duplex: 'half',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUserPools' },
    });
    assert.equal(chunked.status, 413);
    assert.equal(await health(server.url), 200);

    const broken = await call(server.url, 'ListUserPools', '{"MaxResults": ');
    assert.equal(broken.status, 400);
    assert.equal(broken.body.__type, 'SerializationException');
    assert.equal(broken.headers.get('x-amzn-errortype'), 'SerializationException:');

    const garbage = await raw(server.url, 'GARBAGE\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400/);
    assert.match(garbage, /"__type":"SerializationException"/);
    const binary = await raw(server.url, Buffer.from([0, 255, 13, 10, 13, 10]));
    assert.match(binary, /^HTTP\/1\.1 4\d\d/);
    // A request cut off in the middle of its body.
    await raw(server.url, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nX-Amz-Target: Sandbox.GetClock\r\n\r\n{"a":');
    assert.equal((await call(server.url, 'ListUserPools', { MaxResults: 1 })).status, 200);
  } finally {
    assert.equal((await server.stop()).code, 0);
  }
});

test('killed with SIGKILL in the middle of a burst of writes, the restarted server holds every change that was answered', async () => {
  const dir = tempDir();
  const state = path.join(dir, 'state.json');
  const server = await start({ state });
  const { poolId } = await poolWithClient(server.url, 'durable');
  const answered = [];
  let next = 0;
  let killed = false;
  // Eight writers; the server is killed once 120 users have been answered.
  const writer = async () => {
    while (!killed) {
      const name = `u${next++}`;
      try {
        const r = await call(server.url, 'AdminCreateUser', { UserPoolId: poolId, Username: name, MessageAction: 'SUPPRESS' });
        if (r.status === 200) answered.push(name);
      } catch { return; }  // the connection died with the server
      if (answered.length >= 120 && !killed) { killed = true; await server.kill(); }
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  assert.ok(answered.length >= 120);
  JSON.parse(fs.readFileSync(state, 'utf8'));  // a whole document, not half of one
  const again = await start({ state });
  try {
    const names = new Set(await allUsernames(again.url, poolId));
    const lost = answered.filter((n) => !names.has(n));
    assert.deepEqual(lost, [], `answered but lost: ${lost.join(', ')}`);
  } finally {
    await again.stop();
  }
});

test('SIGTERM finishes the requests in flight, saves and exits 0', async () => {
  const dir = tempDir();
  const state = path.join(dir, 'state.json');
  const server = await start({ state });
  const { poolId } = await poolWithClient(server.url, 'term');
  const inFlight = Array.from({ length: 10 }, (_, i) =>
    call(server.url, 'AdminCreateUser', { UserPoolId: poolId, Username: `t${i}`, MessageAction: 'SUPPRESS' }).catch(() => null));
  await new Promise((r) => setTimeout(r, 20));
  const { code } = await server.stop();
  assert.equal(code, 0);
  assert.match(server.output(), /endpoint stopped/);
  const answered = (await Promise.all(inFlight)).filter((r) => r && r.status === 200).length;
  const saved = JSON.parse(fs.readFileSync(state, 'utf8'));
  const pool = saved.UserPools.find((p) => p.Id === poolId);
  assert.ok(pool.Users.length >= answered, `${pool.Users.length} users saved, ${answered} answered`);
});

test('a port in use, a bad option and a state file that cannot be read stop it with a clear message; the file is untouched', async () => {
  const first = await start();
  try {
    const port = new URL(first.url).port;
    await assert.rejects(start({ port }), /the port is in use.*--port/s);
  } finally {
    await first.stop();
  }
  const dir = tempDir();
  const broken = path.join(dir, 'broken.json');
  fs.writeFileSync(broken, '{"Format":"userpool-sandbox-state","Version":1');
  await assert.rejects(start({ state: broken }), /SerializationException.*not JSON.*The file is unchanged/s);
  assert.equal(fs.readFileSync(broken, 'utf8'), '{"Format":"userpool-sandbox-state","Version":1');
  const foreign = path.join(dir, 'foreign.json');
  fs.writeFileSync(foreign, '{"hello":"world"}');
  await assert.rejects(start({ state: foreign }), /InvalidParameterException.*The file is unchanged/s);
  await assert.rejects(start({ issuer: 'google' }), /--issuer is aws .* or local/);
});

test('listening beyond loopback warns that admin operations ask for no credentials', async () => {
  const server = await start({ host: '0.0.0.0' });
  try {
    assert.match(server.stderr(), /WARNING: listening on 0\.0\.0\.0.*ask for no credentials/);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await health(server.url), 200);
  } finally {
    await server.stop();
  }
});

test('the browser app\'s saved work is served as it is and written back with its lesson progress kept', async () => {
  const dir = tempDir();
  const work = path.join(dir, 'my-work.json');
  // What "Your work → Export" downloads: the state plus the app's own part.
  const maker = await start();
  const { poolId } = await poolWithClient(maker.url, 'from-the-page');
  const { State } = await ok(maker.url, 'Sandbox.ExportState');
  await maker.stop();
  const lessons = { Active: 'create-user-pool', Completed: ['welcome'] };
  fs.writeFileSync(work, JSON.stringify({ Format: 'userpool-sandbox-work', Version: 1, State, Session: {}, OpenPool: poolId, Lessons: lessons }, null, 2));

  const server = await start({ state: work });
  let added;
  try {
    const { UserPools } = await ok(server.url, 'ListUserPools', { MaxResults: 10 });
    assert.deepEqual(UserPools.map((p) => p.Name), ['from-the-page']);
    added = (await ok(server.url, 'CreateUserPool', { PoolName: 'from-the-endpoint' })).UserPool.Id;
  } finally {
    await server.stop();
  }
  const saved = JSON.parse(fs.readFileSync(work, 'utf8'));
  assert.equal(saved.Format, 'userpool-sandbox-work');
  assert.deepEqual(saved.Lessons, lessons);
  assert.equal(saved.OpenPool, poolId);
  assert.deepEqual(saved.State.UserPools.map((p) => p.Id), [poolId, added]);
});
