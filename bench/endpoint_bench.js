// The endpoint against cognito-local 5.3.0 with the same client and the same
// HTTP workload, in one run: for N users, SignUp -> AdminConfirmSignUp ->
// InitiateAuth (USER_PASSWORD_AUTH), with 1 and 8 requests in flight; then
// SRP sign-ins against the endpoint (cognito-local has no SRP), with
// amazon-cognito-identity-js and with the sandbox's own SRP client
// (endpoint_srp_bench). Prints users per second, p50/p99 latency per request,
// and the ratio.
//
//   node bench/endpoint_bench.js USERPOOL_BINARY SRP_BENCH_BINARY COGNITO_LOCAL_DIR [N]
'use strict';
const { spawn, execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const [userpoolBin, srpBench, cognitoLocalDir, usersArg] = process.argv.slice(2);
const N = Number(usersArg || 1000);
const SRP_SIGN_INS = Number(process.env.USERPOOL_BENCH_SRP || 2000);

// Starts a server and resolves with its URL once it says it listens.
function launch(command, args, options, ready) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  return new Promise((resolve, reject) => {
    const look = (d) => {
      out += d;
      const url = ready(out);
      if (url) resolve({ url, stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) });
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}):\n${out}`)));
  });
}

async function call(url, op, body) {
  const response = await fetch(url + '/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${op}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${op}: ${response.status} ${text}`);
  return JSON.parse(text);
}

async function setUp(url, name) {
  const { UserPool } = await call(url, 'CreateUserPool', { PoolName: name });
  const { UserPoolClient } = await call(url, 'CreateUserPoolClient', {
    UserPoolId: UserPool.Id, ClientName: 'bench',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

// N users through the full flow with `inFlight` workers; every request timed.
async function fullFlow(url, label, inFlight) {
  const { poolId, clientId } = await setUp(url, `bench-${label}-${inFlight}`);
  const latencies = [];
  const timed = async (op, body) => {
    const start = process.hrtime.bigint();
    const r = await call(url, op, body);
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    return r;
  };
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < N) {
      // An email address as the username: cognito-local's pools insist on it.
      const username = `user${next++}@example.com`;
      await timed('SignUp', { ClientId: clientId, Username: username, Password: 'Passw0rd!',
        UserAttributes: [{ Name: 'email', Value: username }] });
      await timed('AdminConfirmSignUp', { UserPoolId: poolId, Username: username });
      const auth = await timed('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: 'Passw0rd!' } });
      if (!auth.AuthenticationResult) throw new Error('no tokens');
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { usersPerSecond: N / seconds, seconds, p50: q(0.5), p99: q(0.99) };
}

async function identityJsSrp(url, count, inFlight) {
  const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require('amazon-cognito-identity-js');
  const { poolId, clientId } = await setUp(url, 'bench-srp-js');
  await call(url, 'AdminCreateUser', { UserPoolId: poolId, Username: 'srp', MessageAction: 'SUPPRESS' });
  await call(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'srp', Password: 'Passw0rd!', Permanent: true });
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: url + '/' });
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next++ < count) {
      await new Promise((resolve, reject) => new CognitoUser({ Username: 'srp', Pool: pool }).authenticateUser(
        new AuthenticationDetails({ Username: 'srp', Password: 'Passw0rd!' }), { onSuccess: resolve, onFailure: reject }));
    }
  }));
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function nativeSrp(url, count, threads) {
  const { poolId, clientId } = await setUp(url, 'bench-srp-native');
  await call(url, 'AdminCreateUser', { UserPoolId: poolId, Username: 'srp', MessageAction: 'SUPPRESS' });
  await call(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'srp', Password: 'Passw0rd!', Permanent: true });
  const { stdout } = await promisify(execFile)(srpBench, [url, poolId, clientId, 'srp', 'Passw0rd!', String(count), String(threads)]);
  return JSON.parse(stdout);
}

const fmt = (x, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

(async () => {
  const ours = await launch(userpoolBin, ['serve', '--port', '0'], {}, (out) => /listening on (http:\/\/\S+)/.exec(out)?.[1]);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-local-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const theirs = await launch(process.execPath, [path.join(cognitoLocalDir, 'node_modules/cognito-local/lib/bin/start.js')],
    { cwd: work, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' } },
    (out) => (/Cognito Local running/.test(out) ? `http://127.0.0.1:${port}` : null));
  const rows = [];
  try {
    for (const inFlight of [1, 8]) {
      const a = await fullFlow(ours.url, 'ours', inFlight);
      const b = await fullFlow(theirs.url, 'cognito-local', inFlight);
      rows.push({ inFlight, a, b });
    }
    console.log(`Full flow for ${N} users (SignUp, AdminConfirmSignUp, InitiateAuth USER_PASSWORD_AUTH), same client:`);
    console.log('| requests in flight | userpool serve: users/s, p50, p99 per request | cognito-local 5.3.0: users/s, p50, p99 | ratio |');
    console.log('|---|---|---|---|');
    for (const { inFlight, a, b } of rows)
      console.log(`| ${inFlight} | ${fmt(a.usersPerSecond)}/s, ${fmt(a.p50, 2)} ms, ${fmt(a.p99, 2)} ms | ${fmt(b.usersPerSecond)}/s, ${fmt(b.p50, 2)} ms, ${fmt(b.p99, 2)} ms | ${fmt(a.usersPerSecond / b.usersPerSecond)}x |`);
    const js = await identityJsSrp(ours.url, 100, 8);
    const native = await nativeSrp(ours.url, SRP_SIGN_INS, 8);
    console.log(`\nSRP sign-ins (USER_SRP_AUTH, two requests each) against userpool serve (cognito-local has no SRP):`);
    console.log(`  amazon-cognito-identity-js, 100 sign-ins, 8 in flight: ${fmt(js)}/s (its big-number arithmetic in JavaScript is the limit)`);
    console.log(`  the sandbox's SRP client (endpoint_srp_bench), ${native.signIns} sign-ins, 8 threads: ${fmt(native.perSecond)}/s, p50 ${fmt(native.p50Ms, 2)} ms, p99 ${fmt(native.p99Ms, 2)} ms per sign-in`);
  } finally {
    await ours.stop();
    await theirs.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
