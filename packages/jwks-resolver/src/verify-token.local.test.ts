import { TokenVerificationError, TokenVerificationErrorReason } from '@clerk/jwt-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { AZP, bareBody, claims, ISSUER, nowSeconds, signingKey, signToken } from '../test/tokens';
import { verifyToken } from './verify-token';

const instanceKey = signingKey('ins_local');
const otherKey = signingKey('ins_other');
let server: JwksServer;

beforeAll(async () => {
  server = await startJwksServer();
  // The JWKS would verify tokens of `otherKey`: any request to it would change outcomes, and is counted.
  server.setKeys([otherKey.publicJwk]);
  server.setKeys([otherKey.publicJwk], 'sk_test_remote');
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  for (const name of Object.keys(process.env)) if (name.startsWith('CLERK_')) delete process.env[name];
});

/** Every JWKS source pointed at the counting server, so a local key must win to make zero requests. */
const remoteSources = () => ({
  secretKey: 'sk_test_remote',
  apiUrl: server.url,
  proxyUrl: server.url,
  issuer: ISSUER,
});

describe('verifyToken with a local key: networkless', () => {
  it('the jwtKey option verifies with zero requests, whatever JWKS sources are configured', async () => {
    const token = signToken(instanceKey);
    const payload = await verifyToken(token, { jwtKey: instanceKey.publicPem, ...remoteSources() });
    expect(payload.sub).toBe('user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr');
    expect(server.requests).toHaveLength(0);
  });

  it('CLERK_JWT_KEY from the env option verifies with zero requests', async () => {
    const token = signToken(instanceKey);
    await expect(
      verifyToken(token, { env: { CLERK_JWT_KEY: instanceKey.publicPem }, ...remoteSources() }),
    ).resolves.toMatchObject({ iss: ISSUER });
    expect(server.requests).toHaveLength(0);
  });

  it('CLERK_JWT_KEY from process.env verifies with zero requests', async () => {
    process.env.CLERK_JWT_KEY = instanceKey.publicPem;
    await expect(verifyToken(signToken(instanceKey), remoteSources())).resolves.toMatchObject({ azp: AZP });
    expect(server.requests).toHaveLength(0);
  });

  it('precedence by outcome: option beats env beats JWKS', async () => {
    const envOnly = { env: { CLERK_JWT_KEY: otherKey.publicPem }, ...remoteSources() };
    // Option (instanceKey) beats env (otherKey): instance tokens pass, other tokens fail on the signature.
    await expect(
      verifyToken(signToken(instanceKey), { ...envOnly, jwtKey: instanceKey.publicPem }),
    ).resolves.toBeTruthy();
    const fromOther = await rejection(
      verifyToken(signToken(otherKey), { ...envOnly, jwtKey: instanceKey.publicPem }),
    );
    expect(fromOther.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
    // Env (otherKey) beats the JWKS, which serves otherKey too but is never asked.
    await expect(verifyToken(signToken(otherKey), envOnly)).resolves.toBeTruthy();
    const envInstance = { env: { CLERK_JWT_KEY: instanceKey.publicPem }, ...remoteSources() };
    const rejected = await rejection(verifyToken(signToken(otherKey), envInstance));
    expect(rejected.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
    expect(server.requests).toHaveLength(0);
    // Without a local key the JWKS is used: otherKey's token passes through the proxy, the first JWKS source.
    await expect(verifyToken(signToken(otherKey), { ...remoteSources(), env: {} })).resolves.toBeTruthy();
    expect(server.requests.map(r => r.path)).toEqual(['/.well-known/jwks.json']);
  });

  it('process.env CLERK_JWT_KEY beats a secret key from the options on Node', async () => {
    process.env.CLERK_JWT_KEY = instanceKey.publicPem;
    const rejected = await rejection(verifyToken(signToken(otherKey), remoteSources()));
    expect(rejected.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts PEM with armour, without armour, and the bare base64 body', async () => {
    const token = signToken(instanceKey);
    const body = bareBody(instanceKey.publicPem);
    const unarmoured = body.replace(/(.{64})/g, '$1\n');
    for (const jwtKey of [
      instanceKey.publicPem,
      body,
      unarmoured,
      instanceKey.publicPem.replace(/\n/g, '\r\n'),
    ]) {
      await expect(verifyToken(token, { jwtKey, verifiedTokenCache: false })).resolves.toMatchObject({
        sid: 'sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9',
      });
    }
  });

  it('any key size and algorithm jwt-core accepts, PEM or JWK (0.x knew only 2048-bit RS256)', async () => {
    for (const key of [
      signingKey('k3072', 'RS256', 3072),
      signingKey('k4096', 'RS512', 4096),
      signingKey('rs384', 'RS384'),
      signingKey('es256', 'ES256'),
    ]) {
      const token = signToken(key);
      await expect(verifyToken(token, { jwtKey: key.publicPem })).resolves.toMatchObject({
        sub: expect.any(String),
      });
      await expect(verifyToken(token, { jwtKey: key.publicJwk })).resolves.toMatchObject({
        sub: expect.any(String),
      });
    }
  });

  it('a different jwtKey per call is honoured: the first key is never sticky', async () => {
    const token = signToken(instanceKey);
    await expect(verifyToken(token, { jwtKey: instanceKey.publicPem })).resolves.toBeTruthy();
    const rejected = await rejection(verifyToken(token, { jwtKey: otherKey.publicPem }));
    expect(rejected.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
    expect(rejected.source).toBe('token');
  });

  it('claim failures are the token at fault and keep their 0.x reasons and messages', async () => {
    const jwtKey = instanceKey.publicPem;
    const expired = await rejection(
      verifyToken(signToken(instanceKey, claims({ exp: nowSeconds() - 3600 })), { jwtKey }),
    );
    expect(expired).toMatchObject({ reason: 'token-expired', source: 'token' });
    expect(expired.message).toMatch(/^JWT is expired\. Expiry date: /);
    // Its message is built on first read, and reads the same through the stack, String() and a subclass.
    expect(Object.keys(expired)).toEqual(['reason', 'action']);
    expect(expired.stack?.split('\n')[0]).toBe(`Error: ${expired.message}`);
    expect(String(expired)).toBe(`Error: ${expired.message}`);
    expect(expired.getFullMessage()).toBe(
      `${expired.message} (reason=token-expired, token-carrier=undefined)`,
    );

    const azp = await rejection(
      verifyToken(signToken(instanceKey), { jwtKey, authorizedParties: ['whatever'] }),
    );
    expect(azp.getFullMessage()).toBe(
      `Invalid JWT Authorized party claim (azp) "${AZP}". Expected "whatever". (reason=token-invalid-authorized-parties, token-carrier=undefined)`,
    );
    const issuer = await rejection(
      verifyToken(signToken(instanceKey), { jwtKey, issuer: 'https://clerk.whatever.lcl.dev' }),
    );
    expect(issuer.message).toBe(
      `Invalid JWT issuer claim (iss) "${ISSUER}". Expected "https://clerk.whatever.lcl.dev".`,
    );
    expect(issuer).toBeInstanceOf(TokenVerificationError);
    expect(Object.keys(issuer).sort()).toEqual(['action', 'reason']);

    const malformed = await rejection(verifyToken('not-a-jwt', { jwtKey }));
    expect(malformed).toMatchObject({ reason: 'token-invalid', source: 'token' });
  });

  it('a tampered token never authenticates', async () => {
    const token = signToken(instanceKey);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify(claims({ sub: 'user_admin' }))).toString('base64url')}.${signature}`;
    const rejected = await rejection(verifyToken(forged, { jwtKey: instanceKey.publicPem }));
    expect(rejected).toMatchObject({ reason: 'token-invalid-signature', source: 'token' });
  });

  it('an unusable jwtKey is the key source at fault', async () => {
    const rejected = await rejection(verifyToken(signToken(instanceKey), { jwtKey: 'definitely not a key' }));
    expect(rejected).toMatchObject({ reason: 'token-verification-failed', source: 'key-source' });
    expect(rejected.message).toMatch(/^Error verifying JWT signature\./);
  });

  it('a malformed token is reported before a missing key source, as in 0.x', async () => {
    expect(await rejection(verifyToken('a.b', { env: {} }))).toMatchObject({ reason: 'token-invalid' });
    expect(await rejection(verifyToken(signToken(instanceKey), { env: {} }))).toMatchObject({
      reason: 'jwk-failed-to-resolve',
      source: 'key-source',
    });
  });

  it('issuer as a string, a function or null', async () => {
    const token = signToken(instanceKey);
    const jwtKey = instanceKey.publicPem;
    await expect(verifyToken(token, { jwtKey, issuer: ISSUER })).resolves.toBeTruthy();
    await expect(
      verifyToken(token, { jwtKey, issuer: iss => iss.startsWith('https://clerk.') }),
    ).resolves.toBeTruthy();
    await expect(verifyToken(token, { jwtKey, issuer: null })).resolves.toBeTruthy();
    const refused = await rejection(verifyToken(token, { jwtKey, issuer: () => false }));
    expect(refused.message).toBe(
      'Failed JWT issuer resolver. Make sure that the resolver returns a truthy value.',
    );
  });

  it('clock skew: 5 s by default, clockSkewInMs 0 honoured, clockSkewInSeconds read as seconds', async () => {
    const justExpired = signToken(instanceKey, claims({ exp: nowSeconds() - 2 }));
    const jwtKey = instanceKey.publicPem;
    await expect(verifyToken(justExpired, { jwtKey })).resolves.toBeTruthy();
    expect((await rejection(verifyToken(justExpired, { jwtKey, clockSkewInMs: 0 }))).reason).toBe(
      'token-expired',
    );
    expect((await rejection(verifyToken(justExpired, { jwtKey, clockSkewInSeconds: 1 }))).reason).toBe(
      'token-expired',
    );
    await expect(verifyToken(justExpired, { jwtKey, clockSkewInSeconds: 60 })).resolves.toBeTruthy();
  });
});
