// Tokens the sandbox issues (compiled to wasm) verified by the real
// aws-jwt-verify library, given the pool's JWKS: what a backend protecting
// an API would do with them.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { CognitoJwtVerifier } = require('aws-jwt-verify');
const { loadBridge } = require('./bridge');

const POOL_ID = 'us-east-1_AbCdEfGhI';
const CLIENT_ID = '6p3bs000no6a4ue1idruvd05ad';

let issued;
test.before(async () => {
  const call = await loadBridge();
  issued = call('tokens.issue', {
    poolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', groups: ['admins'],
    attributes: { email: 'alice@example.com', email_verified: 'true', 'custom:team': 'blue' },
  });
  assert.equal(issued.error, undefined, issued.error);
});

function verifier(tokenUse, options = {}) {
  const v = CognitoJwtVerifier.create({ userPoolId: POOL_ID, tokenUse, clientId: CLIENT_ID, ...options });
  v.cacheJwks(issued.jwks);
  return v;
}

test('aws-jwt-verify accepts an ID token from the sandbox', async () => {
  const payload = await verifier('id').verify(issued.idToken);
  assert.equal(payload.token_use, 'id');
  assert.equal(payload['cognito:username'], 'alice');
  assert.equal(payload.email_verified, true);
  assert.equal(payload['custom:team'], 'blue');
  assert.deepEqual(payload['cognito:groups'], ['admins']);
});

test('aws-jwt-verify accepts an access token from the sandbox, with its scope and group checks', async () => {
  const payload = await verifier('access', { groups: 'admins', scope: 'aws.cognito.signin.user.admin' })
    .verify(issued.accessToken);
  assert.equal(payload.token_use, 'access');
  assert.equal(payload.client_id, CLIENT_ID);
  assert.equal(payload.username, 'alice');
});

test('aws-jwt-verify refuses the ID token as an access token, and a tampered token', async () => {
  await assert.rejects(verifier('access').verify(issued.idToken), /Token use not allowed/);
  const [h, p, s] = issued.idToken.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  claims['cognito:groups'] = ['superusers'];
  const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
  await assert.rejects(verifier('id').verify(forged), /Invalid signature/);
});

test('aws-jwt-verify refuses a token for another app client', async () => {
  const other = CognitoJwtVerifier.create({ userPoolId: POOL_ID, tokenUse: 'id', clientId: 'someotherclient' });
  other.cacheJwks(issued.jwks);
  await assert.rejects(other.verify(issued.idToken), /Client ID \("audience"\) not allowed/);
});
