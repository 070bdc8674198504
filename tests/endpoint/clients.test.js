// Real Cognito clients against `userpool serve` over real HTTP: the AWS CLI
// and boto3 (Debian), the AWS SDK for JavaScript v3,
// amazon-cognito-identity-js (SRP), Amplify v6 (userPoolEndpoint) and
// aws-jwt-verify (the issuer Cognito uses, and the endpoint's own).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const path = require('node:path');
const { promisify } = require('node:util');
const { start, ok, codeFor, poolWithClient, tempDir } = require('./server');

const run = promisify(execFile);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

let server;
test.before(async () => { server = await start(); });
test.after(async () => {
  const { code } = await server.stop();
  assert.equal(code, 0, 'the server exits cleanly on SIGTERM');
});

test('the AWS CLI (--endpoint-url) creates a pool and a client, signs up, admin-confirms and signs in', async () => {
  const home = tempDir();
  const env = {
    ...process.env, HOME: home, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: path.join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'), AWS_PAGER: '',
  };
  const aws = async (...args) =>
    JSON.parse((await run('aws', ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'], { env })).stdout || '{}');
  const { UserPool } = await aws('create-user-pool', '--pool-name', 'cli-pool', '--auto-verified-attributes', 'email');
  assert.match(UserPool.Id, /^us-east-1_[0-9a-zA-Z]+$/);
  const { UserPoolClient } = await aws('create-user-pool-client', '--user-pool-id', UserPool.Id, '--client-name', 'cli',
    '--explicit-auth-flows', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH');
  const signUp = await aws('sign-up', '--client-id', UserPoolClient.ClientId, '--username', 'ana', '--password', 'Passw0rd!',
    '--user-attributes', 'Name=email,Value=ana@example.com');
  assert.equal(signUp.UserConfirmed, false);
  assert.equal(signUp.CodeDeliveryDetails.Destination, 'a***@e***.com');
  await aws('admin-confirm-sign-up', '--user-pool-id', UserPool.Id, '--username', 'ana');
  const signIn = await aws('initiate-auth', '--client-id', UserPoolClient.ClientId, '--auth-flow', 'USER_PASSWORD_AUTH',
    '--auth-parameters', 'USERNAME=ana,PASSWORD=Passw0rd!');
  assert.match(signIn.AuthenticationResult.IdToken, JWT);
  assert.equal(signIn.AuthenticationResult.TokenType, 'Bearer');
  // Cognito's error, as the CLI reports it.
  await assert.rejects(
    aws('initiate-auth', '--client-id', UserPoolClient.ClientId, '--auth-flow', 'USER_PASSWORD_AUTH',
      '--auth-parameters', 'USERNAME=ana,PASSWORD=wrong'),
    (e) => /NotAuthorizedException/.test(e.stderr) && /Incorrect username or password\./.test(e.stderr));
});

test('boto3 (endpoint_url) does the same flow and reads Cognito errors as ClientError codes', async () => {
  const { stdout } = await run('python3', [path.join(__dirname, 'boto3_flow.py'), server.url]);
  const result = JSON.parse(stdout);
  assert.equal(result.confirmed_status, 'CONFIRMED');
  assert.match(result.id_token, JWT);
  assert.equal(result.wrong_password_error, 'NotAuthorizedException');
  assert.equal(result.missing_pool_error, 'ResourceNotFoundException');
  assert.equal(result.http_status, 400);
});

test('the AWS SDK for JavaScript v3: the flow, and errors with their name, status and request ID', async () => {
  const sdk = require('@aws-sdk/client-cognito-identity-provider');
  const client = new sdk.CognitoIdentityProviderClient({
    region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { UserPool } = await client.send(new sdk.CreateUserPoolCommand({ PoolName: 'sdk-pool' }));
  const { UserPoolClient } = await client.send(new sdk.CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: 'sdk', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const signUp = await client.send(new sdk.SignUpCommand({
    ClientId: UserPoolClient.ClientId, Username: 'bo', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'bo@example.com' }],
  }));
  assert.match(signUp.UserSub, UUID);
  assert.match(signUp.$metadata.requestId, UUID);
  await client.send(new sdk.AdminConfirmSignUpCommand({ UserPoolId: UserPool.Id, Username: 'bo' }));
  const auth = await client.send(new sdk.InitiateAuthCommand({
    ClientId: UserPoolClient.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bo', PASSWORD: 'Passw0rd!' },
  }));
  const user = await client.send(new sdk.GetUserCommand({ AccessToken: auth.AuthenticationResult.AccessToken }));
  assert.equal(user.Username, 'bo');
  await assert.rejects(client.send(new sdk.InitiateAuthCommand({
    ClientId: UserPoolClient.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bo', PASSWORD: 'nope' },
  })), (e) => {
    assert.equal(e.name, 'NotAuthorizedException');
    assert.equal(e.message, 'Incorrect username or password.');
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.match(e.$metadata.requestId, UUID);
    return true;
  });
  await assert.rejects(client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Missing1' })),
    (e) => e.name === 'ResourceNotFoundException' && e.$metadata.httpStatusCode === 400);
});

test('amazon-cognito-identity-js signs up, confirms with the code and signs in with SRP over HTTP', async () => {
  const { CognitoUserPool, CognitoUser, AuthenticationDetails, CognitoUserAttribute } = require('amazon-cognito-identity-js');
  const { poolId, clientId } = await poolWithClient(server.url, 'identity-js');
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url + '/' });
  await new Promise((resolve, reject) => pool.signUp('cara', 'Passw0rd!', [new CognitoUserAttribute({ Name: 'email', Value: 'cara@example.com' })],
    null, (e, r) => (e ? reject(e) : resolve(r))));
  const user = new CognitoUser({ Username: 'cara', Pool: pool });
  const code = await codeFor(server.url, 'cara@example.com');
  await new Promise((resolve, reject) => user.confirmRegistration(code, true, (e, r) => (e ? reject(e) : resolve(r))));
  const signIn = (password) => new Promise((resolve, reject) => new CognitoUser({ Username: 'cara', Pool: pool })
    .authenticateUser(new AuthenticationDetails({ Username: 'cara', Password: password }), { onSuccess: resolve, onFailure: reject }));
  const session = await signIn('Passw0rd!');  // USER_SRP_AUTH, the library's default
  assert.equal(session.getIdToken().payload['cognito:username'], 'cara');
  assert.equal(session.getIdToken().payload.email, 'cara@example.com');
  assert.ok(session.isValid());
  await assert.rejects(signIn('Wrong0rd!'), (e) => e.code === 'NotAuthorizedException' && e.message === 'Incorrect username or password.');
});

test('Amplify v6 (userPoolEndpoint) signs up, confirms with the code, signs in with SRP and fetches the session', async () => {
  const { poolId, clientId } = await poolWithClient(server.url, 'amplify');
  const { Amplify } = require('aws-amplify');
  const auth = require('aws-amplify/auth');
  Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } } });
  const signUp = await auth.signUp({ username: 'dee', password: 'Passw0rd!', options: { userAttributes: { email: 'dee@example.com' } } });
  assert.equal(signUp.isSignUpComplete, false);
  assert.equal(signUp.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
  const confirmed = await auth.confirmSignUp({ username: 'dee', confirmationCode: await codeFor(server.url, 'dee@example.com') });
  assert.equal(confirmed.isSignUpComplete, true);
  const signIn = await auth.signIn({ username: 'dee', password: 'Passw0rd!' });  // USER_SRP_AUTH by default
  assert.equal(signIn.isSignedIn, true);
  const session = await auth.fetchAuthSession();
  assert.equal(session.tokens.idToken.payload['cognito:username'], 'dee');
  assert.equal(session.tokens.accessToken.payload.client_id, clientId);
  const current = await auth.getCurrentUser();
  assert.equal(current.username, 'dee');
  await auth.signOut();
  await assert.rejects(auth.signIn({ username: 'dee', password: 'Wrong0rd!' }), (e) => e.name === 'NotAuthorizedException');
});

test('aws-jwt-verify accepts the tokens: CognitoJwtVerifier with the JWKS cached (issuer "aws")', async () => {
  const { CognitoJwtVerifier } = require('aws-jwt-verify');
  const { poolId, clientId } = await poolWithClient(server.url, 'verify');
  await ok(server.url, 'AdminCreateUser', { UserPoolId: poolId, Username: 'eve', MessageAction: 'SUPPRESS' });
  await ok(server.url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'eve', Password: 'Passw0rd!', Permanent: true });
  const { AuthenticationResult } = await ok(server.url, 'InitiateAuth',
    { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'eve', PASSWORD: 'Passw0rd!' } });
  const jwks = await (await fetch(`${server.url}/${poolId}/.well-known/jwks.json`)).json();
  for (const tokenUse of ['id', 'access']) {
    const verifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse, clientId });
    verifier.cacheJwks(jwks);
    const payload = await verifier.verify(tokenUse === 'id' ? AuthenticationResult.IdToken : AuthenticationResult.AccessToken);
    assert.equal(payload.iss, `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
  }
  // Another pool's keys do not verify it.
  const other = await poolWithClient(server.url, 'other');
  const otherJwks = await (await fetch(`${server.url}/${other.poolId}/.well-known/jwks.json`)).json();
  const wrong = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId });
  wrong.cacheJwks(otherJwks);
  await assert.rejects(wrong.verify(AuthenticationResult.IdToken));
});

test('with --issuer local, the generic verifier fetches the JWKS from the endpoint and discovery is self-consistent', async () => {
  const local = await start({ issuer: 'local' });
  try {
    const { JwtVerifier } = require('aws-jwt-verify');
    const { validateCognitoJwtFields } = require('aws-jwt-verify/cognito-verifier');
    const { SimpleJwksCache } = require('aws-jwt-verify/jwk');
    // The library's own fetcher in Node speaks https only; over plain http
    // it is given one that uses fetch (its README's "different Fetcher").
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri) => (await fetch(uri)).arrayBuffer() } });
    const { poolId, clientId } = await poolWithClient(local.url, 'local-issuer');
    await ok(local.url, 'AdminCreateUser', { UserPoolId: poolId, Username: 'fin', MessageAction: 'SUPPRESS' });
    await ok(local.url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'fin', Password: 'Passw0rd!', Permanent: true });
    const { AuthenticationResult } = await ok(local.url, 'InitiateAuth',
      { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'fin', PASSWORD: 'Passw0rd!' } });
    const issuer = `${local.url}/${poolId}`;
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    assert.equal(discovery.issuer, issuer);
    assert.equal(discovery.jwks_uri, `${issuer}/.well-known/jwks.json`);
    const verifier = JwtVerifier.create({
      issuer, audience: null, jwksUri: discovery.jwks_uri,
      customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'access', clientId }),
    }, { jwksCache });
    const payload = await verifier.verify(AuthenticationResult.AccessToken);
    assert.equal(payload.iss, issuer);
    assert.equal(payload.username, 'fin');
  } finally {
    await local.stop();
  }
});
