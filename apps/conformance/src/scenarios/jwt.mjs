// decodeJwt, verifyJwt, hasValidSignature and signJwt on RS, PS and ES keys.
import { assert } from '../assert.mjs';
import { decodeJwt, hasValidSignature, signJwt, TokenVerificationError, verifyJwt } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const verifyOptions = (context, key) => ({ key, issuer: context.issuer });

export const jwtScenarios = [
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
