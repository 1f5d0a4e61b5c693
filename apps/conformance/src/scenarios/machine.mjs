// Machine authentication: recognition, the networkless M2M / OAuth JWT path, and API keys through the host's
// Backend API stand-in (`POST /api_keys/verify`).
import { assert } from '../assert.mjs';
import {
  getTokenType,
  isMachineToken,
  MachineTokenVerificationError,
  verifyMachineAuthToken,
} from '../library.mjs';
import { scenario } from '../scenario.mjs';

/** A `fetch` that counts its calls, so a scenario can show that a path made no request at all. */
function countingFetch() {
  const counter = { calls: 0 };
  counter.fetch = (input, init) => {
    counter.calls++;
    return globalThis.fetch(input, init);
  };
  return counter;
}

const singleError = (result, code, label) => {
  assert.equal(result.data, undefined, `${label}: data`);
  assert.equal(result.errors?.length, 1, `${label}: one error`);
  assert.ok(result.errors[0] instanceof MachineTokenVerificationError, `${label}: typed error`);
  assert.equal(result.errors[0].code, code, `${label}: code (${result.errors[0].message})`);
  return result.errors[0];
};

export const machineScenarios = [
  scenario('Machine tokens: getTokenType and isMachineToken tell the kinds apart', context => {
    const { machine, tokens } = context;
    assert.equal(getTokenType('mt_0123'), 'm2m_token', 'mt_');
    assert.equal(getTokenType('oat_0123'), 'oauth_token', 'oat_');
    assert.equal(getTokenType(machine.apiKey), 'api_key', 'ak_');
    assert.equal(getTokenType(machine.m2mJwt), 'm2m_token', 'M2M JWT');
    assert.equal(getTokenType(machine.oauthJwt), 'oauth_token', 'OAuth JWT');
    assert.equal(getTokenType(tokens.rs256), 'session_token', 'session JWT');
    assert.equal(isMachineToken(tokens.rs256), false, 'session JWT is no machine token');
    assert.equal(isMachineToken(machine.m2mJwt), true, 'M2M JWT is a machine token');
  }),
  scenario('Machine tokens: an M2M JWT verifies networklessly with jwtKey (no request)', async context => {
    const counter = countingFetch();
    const result = await verifyMachineAuthToken(context.machine.m2mJwt, {
      jwtKey: context.keys.rsa.publicPem,
      fetch: counter.fetch,
      env: {},
    });
    assert.equal(result.errors, undefined, `errors (${result.errors?.[0]?.message})`);
    assert.equal(result.tokenType, 'm2m_token', 'tokenType');
    assert.equal(result.data.subject, context.machine.machineId, 'subject');
    assert.deepEqual(result.data.scopes, [context.machine.calleeId], 'scopes');
    assert.equal(result.data.claims.job, 'conformance', 'claims.job');
    assert.equal(counter.calls, 0, 'requests');
  }),
  scenario(
    'Machine tokens: an OAuth JWT (typ at+jwt) verifies through the JWKS of the Backend API',
    async context => {
      const counter = countingFetch();
      const options = { secretKey: context.secretKey, apiUrl: context.apiUrl, fetch: counter.fetch, env: {} };
      const result = await verifyMachineAuthToken(context.machine.oauthJwt, options);
      assert.equal(result.errors, undefined, `errors (${result.errors?.[0]?.message})`);
      assert.equal(result.tokenType, 'oauth_token', 'tokenType');
      assert.equal(result.data.clientId, 'client_conformance', 'clientId');
      assert.deepEqual(result.data.scopes, ['profile', 'email'], 'scopes');
      assert.ok(counter.calls <= 1, `at most one JWKS request (${counter.calls})`);
    },
  ),
  scenario('Machine tokens: an M2M JWT signed by another key never verifies', async context => {
    const result = await verifyMachineAuthToken(context.machine.forgedM2mJwt, {
      jwtKey: context.keys.rsa.publicPem,
      env: {},
    });
    const error = singleError(result, 'token-verification-failed', 'forged');
    assert.equal(error.message, 'JWT signature is invalid.', 'message');
  }),
  scenario(
    'Machine tokens: an API key verifies through the Backend API; repeats come from the cache',
    async context => {
      const counter = countingFetch();
      const options = { secretKey: context.secretKey, apiUrl: context.apiUrl, fetch: counter.fetch, env: {} };
      const first = await verifyMachineAuthToken(context.machine.apiKey, options);
      assert.equal(first.errors, undefined, `errors (${first.errors?.[0]?.message})`);
      assert.equal(first.tokenType, 'api_key', 'tokenType');
      assert.equal(first.data.id, context.machine.apiKeyId, 'id');
      assert.equal(first.data.name, 'CONFORMANCE_KEY', 'name');
      assert.equal(first.data.subject, 'org_conformance', 'subject');
      const second = await verifyMachineAuthToken(context.machine.apiKey, options);
      assert.equal(second.data?.id, context.machine.apiKeyId, 'cached id');
      assert.equal(counter.calls, 1, 'requests');
    },
  ),
  scenario('Machine tokens: unknown API keys and wrong secret keys give typed errors', async context => {
    const options = { secretKey: context.secretKey, apiUrl: context.apiUrl, env: {} };
    const unknown = singleError(
      await verifyMachineAuthToken('ak_unknown', options),
      'token-invalid',
      'unknown',
    );
    assert.equal(
      unknown.getFullMessage(),
      'API key not found (code=token-invalid, status=404)',
      'unknown message',
    );
    const wrong = await verifyMachineAuthToken(context.machine.apiKey, {
      ...options,
      secretKey: 'sk_test_wrong',
    });
    assert.equal(singleError(wrong, 'secret-key-invalid', 'wrong key').status, 401, 'status');
  }),
];
