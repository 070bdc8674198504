// The sandbox's SRP server (compiled to wasm) against the SRP helper of the
// real Cognito client library, amazon-cognito-identity-js: the client side
// computes PASSWORD_CLAIM_SIGNATURE exactly as CognitoUser does, and the
// server must accept it (and refuse a wrong password).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { AuthenticationHelper, DateHelper } = require('amazon-cognito-identity-js');
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;
const { Sha256 } = require('@aws-crypto/sha256-js');
const { loadBridge } = require('./bridge');

const POOL_ID = 'us-east-1_AbCdEfGhI';
const POOL_NAME = POOL_ID.split('_')[1];

// One USER_SRP_AUTH sign-in as CognitoUser.authenticateUserDefaultAuth does it.
async function signIn(call, username, password) {
  const helper = new AuthenticationHelper(POOL_NAME);
  const A = await new Promise((resolve, reject) => helper.getLargeAValue((e, v) => (e ? reject(e) : resolve(v))));
  const challenge = call('srp.begin', { username, srpA: A.toString(16) });
  assert.equal(challenge.error, undefined, challenge.error);
  const userId = challenge.USER_ID_FOR_SRP;
  const hkdf = await new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(userId, password, new BigInteger(challenge.SRP_B, 16),
      new BigInteger(challenge.SALT, 16), (e, key) => (e ? reject(e) : resolve(key))));
  const timestamp = new DateHelper().getNowString();
  const message = Buffer.concat([
    Buffer.from(POOL_NAME, 'utf8'), Buffer.from(userId, 'utf8'),
    Buffer.from(challenge.SECRET_BLOCK, 'base64'), Buffer.from(timestamp, 'utf8'),
  ]);
  const hmac = new Sha256(hkdf);
  hmac.update(message);
  const signature = Buffer.from(hmac.digestSync()).toString('base64');
  return { challenge, timestamp, signature,
    verdict: call('srp.verify', { username: userId, secretBlock: challenge.SECRET_BLOCK, timestamp, signature }) };
}

let call;
test.before(async () => {
  call = await loadBridge();
  call('srp.register', { poolId: POOL_ID, username: 'alice', password: 'Passw0rd!' });
});

test('the group constant N is the one amazon-cognito-identity-js uses', () => {
  // The helper derives k from its own N; a different N would give another k.
  const helper = new AuthenticationHelper(POOL_NAME);
  assert.equal(helper.k.toString(16), '538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
});

test('a signature computed by amazon-cognito-identity-js is accepted by the sandbox', async () => {
  const { challenge, verdict } = await signIn(call, 'alice', 'Passw0rd!');
  assert.match(challenge.SECRET_BLOCK, /^AgV4/);
  assert.match(challenge.SALT, /^[0-9a-f]{32}$/);
  assert.deepEqual(verdict, { ok: true });
});

test('many sign-ins in a row all succeed (no padding edge case slips through)', async () => {
  for (let i = 0; i < 20; i++) {
    const { verdict } = await signIn(call, 'alice', 'Passw0rd!');
    assert.deepEqual(verdict, { ok: true }, `sign-in ${i}`);
  }
});

test('the same client with a wrong password is refused', async () => {
  const { verdict } = await signIn(call, 'alice', 'Passw0rd?');
  assert.match(verdict.error, /password is wrong/);
});

test('a signature replayed with another SECRET_BLOCK is refused', async () => {
  const first = await signIn(call, 'alice', 'Passw0rd!');
  const second = await signIn(call, 'alice', 'Passw0rd!');
  const verdict = call('srp.verify', { username: 'alice', secretBlock: second.challenge.SECRET_BLOCK,
    timestamp: first.timestamp, signature: first.signature });
  assert.match(verdict.error, /password is wrong/);
});
