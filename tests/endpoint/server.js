// Starts `userpool serve` for a test and stops it: only the process it
// started. The binary comes from USERPOOL_CLI (CTest sets it).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CLI = process.env.USERPOOL_CLI || path.resolve(__dirname, '../../build/native/tools/userpool');

// start({state, issuer, port, host}) -> {url, child, output(), stderr(), stop(), kill(), exited}
async function start(options = {}) {
  const args = ['serve', '--port', String(options.port ?? 0)];
  if (options.host) args.push('--host', options.host);
  if (options.state) args.push('--state', options.state);
  if (options.issuer) args.push('--issuer', options.issuer);
  const child = spawn(CLI, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`userpool serve did not start in 20 s:\n${stdout}\n${stderr}`)), 20000);
    const look = () => {
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', look);
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`userpool serve exited (${code}) before listening:\n${stderr}`)); });
  });
  return {
    url,
    child,
    exited,
    output: () => stdout,
    stderr: () => stderr,
    // SIGTERM, and the exit status.
    async stop() { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); return exited; },
    async kill() { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); return exited; },
  };
}

// One JSON API call over HTTP, as the SDKs send it.
async function call(url, target, body = {}, headers = {}) {
  const response = await fetch(url + '/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': target.includes('.') ? target : `AWSCognitoIdentityProviderService.${target}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, headers: response.headers, body: json, text };
}

// The call's body, or a thrown error naming the failure.
async function ok(url, target, body = {}) {
  const r = await call(url, target, body);
  if (r.status !== 200) throw new Error(`${target} answered ${r.status}: ${r.text}`);
  return r.body;
}

// The newest code sent to a destination (Sandbox.ListMessages).
async function codeFor(url, destination) {
  const { Messages } = await ok(url, 'Sandbox.ListMessages', { Destination: destination, MaxResults: 1 });
  if (!Messages.length) throw new Error(`no message to ${destination}`);
  return Messages[0].Code;
}

// A pool with an app client that allows password and SRP sign-in.
async function poolWithClient(url, name = 'endpoint-test') {
  const { UserPool } = await ok(url, 'CreateUserPool', { PoolName: name, AutoVerifiedAttributes: ['email'] });
  const { UserPoolClient } = await ok(url, 'CreateUserPoolClient', {
    UserPoolId: UserPool.Id,
    ClientName: 'app',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

function tempDir() { return fs.mkdtempSync(path.join(os.tmpdir(), 'userpool-endpoint-')); }

module.exports = { start, call, ok, codeFor, poolWithClient, tempDir, CLI };
