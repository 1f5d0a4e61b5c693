// The host is the oracle of every harness, so it is checked on its own: its tokens verify against the JWKS
// it serves with plain node:crypto, the forged one does not, and its Backend API answers as Clerk's does.
import assert from 'node:assert/strict';
import { constants, createPublicKey, verify } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startHost } from '../src/host.mjs';

let host;
let jwks;

before(async () => {
  host = await startHost();
  const response = await fetch(`${host.context.apiUrl}/v1/jwks`, {
    headers: { authorization: `Bearer ${host.context.secretKey}` },
  });
  jwks = await response.json();
});
after(() => host.close());

function verifiesWithJwks(token) {
  const [header, payload, signature] = token.split('.');
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
  const jwk = jwks.keys.find(key => key.kid === kid && key.alg === alg);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const bits = Number(alg.slice(2));
  const options =
    alg[0] === 'P'
      ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bits / 8 }
      : alg[0] === 'E'
        ? { key, dsaEncoding: 'ieee-p1363' }
        : key;
  return verify(
    `sha${bits}`,
    Buffer.from(`${header}.${payload}`),
    options,
    Buffer.from(signature, 'base64url'),
  );
}

test('every issued token verifies against the served JWKS; the forged one does not', () => {
  const { tokens } = host.context;
  for (const name of ['rs256', 'ps256', 'es256', 'expired', 'foreignIssuer']) {
    assert.equal(verifiesWithJwks(tokens[name]), true, name);
  }
  assert.equal(verifiesWithJwks(tokens.forged), false);
});

test('the session claims are those of the instance', () => {
  const { claims, issuer, userId, sessionId, publishableKey, frontendApi } = host.context;
  assert.equal(claims.iss, issuer);
  assert.equal(claims.sub, userId);
  assert.equal(claims.sid, sessionId);
  assert.ok(claims.exp > Date.now() / 1000 && claims.iat <= Date.now() / 1000);
  assert.equal(atob(publishableKey.split('_')[2]), `${frontendApi}$`);
});

test('the Backend API requires the secret key and answers Clerk-shaped errors', async () => {
  const { apiUrl, secretKey, userId, missingUserId, traceId } = host.context;
  const get = (path, key) => fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  const denied = await get('/v1/jwks', 'sk_test_wrong');
  assert.equal(denied.status, 401);
  assert.equal((await denied.json()).errors[0].code, 'clerk_key_invalid');
  const found = await get(`/v1/users/${userId}`, secretKey);
  assert.equal(found.headers.get('content-type'), 'application/json');
  assert.equal((await found.json()).id, userId);
  const missing = await get(`/v1/users/${missingUserId}`, secretKey);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), {
    errors: [
      {
        code: 'resource_not_found',
        message: 'not found',
        long_message: `No user was found with id ${missingUserId}.`,
        meta: {},
      },
    ],
    clerk_trace_id: traceId,
  });
});
