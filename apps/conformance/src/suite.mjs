// The conformance scenarios. Every harness runs this list unchanged, inside its runtime, against the built
// packages. `context` is the JSON the host made (src/host.mjs): keys, tokens and the 127.0.0.1 API URL.
import { decodeJwt, hasValidSignature, signJwt, TokenVerificationError, verifyJwt } from '@clerk/jwt-core';
import { assert } from './assert.mjs';

export { assert, ConformanceAssertionError } from './assert.mjs';

const scenario = (name, run) => ({ name, run });

const verifyOptions = (context, key) => ({ key, issuer: context.issuer });

/** The scenario list, in the order harnesses report it. */
export const scenarios = [
  scenario('decodeJwt reads the header, payload and raw parts', context => {
    const jwt = decodeJwt(context.tokens.rs256);
    assert.equal(jwt.header.alg, 'RS256', 'alg');
    assert.equal(jwt.header.kid, context.keys.rsa.kid, 'kid');
    assert.equal(jwt.payload.sub, context.userId, 'sub');
    assert.equal(jwt.payload.iat, context.claims.iat, 'iat');
    assert.equal(`${jwt.raw.header}.${jwt.raw.payload}.${jwt.raw.signature}`, context.tokens.rs256, 'raw');
    assert.equal(jwt.signature.length, 256, 'signature bytes');
  }),
  scenario('decodeJwt rejects a malformed token with token-invalid', () => {
    for (const token of ['', 'a.b', 'not.a.token', 'e30.bnVsbA.AA']) {
      assert.throws(
        () => decodeJwt(token),
        { instanceOf: TokenVerificationError, reason: 'token-invalid' },
        token,
      );
    }
  }),
  scenario('verifyJwt accepts RS256 with a PEM key', async context => {
    const payload = await verifyJwt(context.tokens.rs256, verifyOptions(context, context.keys.rsa.publicPem));
    assert.equal(payload.sub, context.userId, 'sub');
    assert.equal(payload.sid, context.sessionId, 'sid');
  }),
  scenario('verifyJwt accepts PS256 with a JWK', async context => {
    const payload = await verifyJwt(context.tokens.ps256, verifyOptions(context, context.keys.pss.publicJwk));
    assert.equal(payload.sub, context.userId, 'sub');
  }),
  scenario('verifyJwt accepts ES256 with a JWK and with a PEM key', async context => {
    for (const key of [context.keys.ec.publicJwk, context.keys.ec.publicPem]) {
      const payload = await verifyJwt(context.tokens.es256, verifyOptions(context, key));
      assert.equal(payload.sub, context.userId, typeof key);
    }
  }),
  scenario('verifyJwt rejects an expired token with token-expired', async context => {
    await assert.rejects(
      verifyJwt(context.tokens.expired, verifyOptions(context, context.keys.rsa.publicPem)),
      {
        instanceOf: TokenVerificationError,
        reason: 'token-expired',
      },
    );
  }),
  scenario('verifyJwt rejects a forged token with token-invalid-signature', async context => {
    await assert.rejects(
      verifyJwt(context.tokens.forged, verifyOptions(context, context.keys.rsa.publicPem)),
      {
        instanceOf: TokenVerificationError,
        reason: 'token-invalid-signature',
      },
    );
  }),
  scenario('verifyJwt rejects a foreign issuer with token-invalid-issuer', async context => {
    await assert.rejects(
      verifyJwt(context.tokens.foreignIssuer, verifyOptions(context, context.keys.rsa.publicPem)),
      { reason: 'token-invalid-issuer' },
    );
  }),
  scenario('hasValidSignature tells the signing key from another key', async context => {
    const jwt = decodeJwt(context.tokens.rs256);
    assert.equal(await hasValidSignature(jwt, context.keys.rsa.publicJwk), true, 'signing key');
    assert.equal(await hasValidSignature(jwt, context.keys.attacker.publicJwk), false, 'other key');
  }),
  scenario('signJwt signs ES256 inside the runtime and verifyJwt accepts it', async context => {
    const payload = { sub: context.userId, iss: context.issuer, exp: context.claims.exp };
    const token = await signJwt(payload, context.keys.ec.privateJwk, { algorithm: 'ES256' });
    const verified = await verifyJwt(token, verifyOptions(context, context.keys.ec.publicJwk));
    assert.equal(verified.sub, context.userId, 'sub');
    assert.equal(decodeJwt(token).header.alg, 'ES256', 'alg');
  }),
];

/** Parses the context the host passed (a JSON string), with a clear error when a launcher forgot it. */
export function readContext(text) {
  if (!text) throw new Error('No conformance context: run the harness through `conformance-host`.');
  return typeof text === 'string' ? JSON.parse(text) : text;
}

/** Runs every scenario in order; never throws. Calls `onResult` once per scenario. */
export async function runScenarios(context, onResult = () => {}) {
  const results = [];
  for (const { name, run } of scenarios) {
    let error = null;
    try {
      await run(context);
    } catch (thrown) {
      error = thrown;
    }
    const result = { name, ok: error === null, error };
    results.push(result);
    onResult(result);
  }
  return results;
}

/** One line per scenario, the same in every harness. */
export const formatResult = ({ name, ok, error }) =>
  ok ? `ok   ${name}` : `FAIL ${name}: ${error?.stack ?? error}`;
