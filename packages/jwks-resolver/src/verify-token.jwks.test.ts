import { TokenVerificationErrorAction, TokenVerificationErrorReason } from '@clerk/jwt-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { claims, signingKey, signToken } from '../test/tokens';
import type { VerifyTokenOptions } from './options';
import { resolveKey } from './resolve-key';
import { verifyToken } from './verify-token';

const current = signingKey('ins_current');
const rotated = signingKey('ins_rotated');
const SECRET = 'sk_test_tenant_a';
let server: JwksServer;

beforeEach(async () => {
  server = await startJwksServer();
  server.setKeys([current.publicJwk], SECRET);
  server.setKeys([current.publicJwk]);
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

/** Backend API source on the test server; no local key can leak in from the process environment. */
const bapi = (extra: VerifyTokenOptions = {}): VerifyTokenOptions => ({
  secretKey: SECRET,
  apiUrl: server.url,
  env: {},
  verifiedTokenCache: false,
  ...extra,
});

const useFakeDate = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });

describe('key sources on the wire', () => {
  it('Backend API: GET {apiUrl}/{apiVersion}/jwks with exactly the bearer secret key and JSON content type', async () => {
    await expect(verifyToken(signToken(current), bapi())).resolves.toMatchObject({ sub: expect.any(String) });
    expect(server.requests).toEqual([
      { path: '/v1/jwks', method: 'GET', authorization: `Bearer ${SECRET}`, contentType: 'application/json' },
    ]);
    await verifyToken(signToken(current), bapi({ apiUrl: `${server.url}/base`, apiVersion: 'v2' }));
    expect(server.requests[1]?.path).toBe('/base/v2/jwks');
  });

  it('env fills the secret key and API URL for the Backend API source', async () => {
    const env = { CLERK_SECRET_KEY: SECRET, CLERK_API_URL: server.url, CLERK_API_VERSION: 'v1' };
    await expect(verifyToken(signToken(current), { env })).resolves.toBeTruthy();
    expect(server.requests.map(r => [r.path, r.authorization])).toEqual([['/v1/jwks', `Bearer ${SECRET}`]]);
  });

  it('proxy: GET {proxyUrl}/.well-known/jwks.json without the secret key', async () => {
    await verifyToken(signToken(current), { proxyUrl: `${server.url}/__clerk`, env: {} });
    expect(server.requests).toEqual([
      {
        path: '/__clerk/.well-known/jwks.json',
        method: 'GET',
        authorization: undefined,
        contentType: undefined,
      },
    ]);
  });

  it('issuer: GET {issuer}/.well-known/jwks.json, and the issuer is still checked against iss', async () => {
    const token = signToken(current, claims({ iss: server.url }));
    await expect(verifyToken(token, { issuer: server.url, env: {} })).resolves.toMatchObject({
      iss: server.url,
    });
    expect(server.requests.map(r => r.path)).toEqual(['/.well-known/jwks.json']);
    const foreign = await rejection(verifyToken(signToken(current), { issuer: server.url, env: {} }));
    expect(foreign).toMatchObject({ reason: 'token-invalid-issuer', source: 'token' });
  });

  it('calls an injected fetch bound to globalThis', async () => {
    const seen: unknown[] = [];
    const boundFetch = function (this: unknown, input: string, init: RequestInit) {
      seen.push(this);
      return fetch(input, init);
    };
    await verifyToken(signToken(current), bapi({ fetch: boundFetch }));
    expect(seen).toEqual([globalThis]);
    expect(server.requests).toHaveLength(1);
  });

  it('resolveKey gives the JWK for the token kid from the same cache', async () => {
    const key = await resolveKey(signToken(current), bapi());
    expect(key).toEqual(current.publicJwk);
    await verifyToken(signToken(current), bapi());
    expect(server.requests).toHaveLength(1);
  });
});

describe('JWKS cache per key source', () => {
  it('keys are reused: a second token needs no request', async () => {
    await verifyToken(signToken(current), bapi());
    await verifyToken(signToken(current, claims({ sid: 'sess_other' })), bapi());
    expect(server.requests).toHaveLength(1);
  });

  it('two instances never verify each other tokens, even with equal kids', async () => {
    const tenantB = signingKey('ins_current');
    server.setKeys([tenantB.publicJwk], 'sk_test_tenant_b');
    const tokenA = signToken(current);
    const tokenB = signToken(tenantB);
    const asA = bapi({ verifiedTokenCache: true });
    const asB = bapi({ secretKey: 'sk_test_tenant_b', verifiedTokenCache: true });
    await expect(verifyToken(tokenA, asA)).resolves.toBeTruthy();
    await expect(verifyToken(tokenB, asB)).resolves.toBeTruthy();
    expect((await rejection(verifyToken(tokenA, asB))).reason).toBe(
      TokenVerificationErrorReason.TokenInvalidSignature,
    );
    expect((await rejection(verifyToken(tokenB, asA))).reason).toBe(
      TokenVerificationErrorReason.TokenInvalidSignature,
    );
    expect(server.requests.map(r => r.authorization)).toEqual([
      `Bearer ${SECRET}`,
      'Bearer sk_test_tenant_b',
    ]);
  });

  it('the same URL through the Backend API and through a proxy are separate sources', async () => {
    server.setKeys([rotated.publicJwk]);
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    const viaProxy = await rejection(verifyToken(signToken(current), { proxyUrl: server.url, env: {} }));
    expect(viaProxy.reason).toBe(TokenVerificationErrorReason.RemoteJWKMissing);
  });

  it('honours jwksCacheTtlInMs (default 5 minutes)', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    vi.setSystemTime(Date.now() + 5 * 60 * 1000 - 1000);
    await verifyToken(signToken(current), bapi());
    expect(server.requests).toHaveLength(1);
    vi.setSystemTime(Date.now() + 1000);
    await verifyToken(signToken(current), bapi());
    expect(server.requests).toHaveLength(2);
    vi.setSystemTime(Date.now() + 10_000);
    await verifyToken(signToken(current), bapi({ jwksCacheTtlInMs: 10_000 }));
    expect(server.requests).toHaveLength(3);
  });

  it('skipJwksCache forces a refresh', async () => {
    await verifyToken(signToken(current), bapi());
    await verifyToken(signToken(current), bapi({ skipJwksCache: true }));
    await verifyToken(signToken(current), bapi({ skipJwksCache: true }));
    expect(server.requests).toHaveLength(3);
  });

  it('20 concurrent verifications on a cold cache make 1 request', async () => {
    server.queue({ kind: 'slow', ms: 50 });
    const tokens = Array.from({ length: 20 }, (_, i) => signToken(current, claims({ sid: `sess_${i}` })));
    const payloads = await Promise.all(tokens.map(token => verifyToken(token, bapi())));
    expect(payloads.map(p => p.sid)).toEqual(tokens.map((_, i) => `sess_${i}`));
    expect(server.requests).toHaveLength(1);
  });

  it('an unknown kid refetches once, then not again for the cooldown (default 30 s)', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    const forged = (i: number) => signToken(rotated, claims(), { kid: `ins_forged_${i}` });
    // Right after a load the cooldown already holds: forged kids cause no traffic.
    for (let i = 0; i < 20; i++) {
      const error = await rejection(verifyToken(forged(i), bapi()));
      expect(error).toMatchObject({
        reason: TokenVerificationErrorReason.RemoteJWKMissing,
        action: TokenVerificationErrorAction.ContactSupport,
        source: 'token',
      });
    }
    expect(server.requests).toHaveLength(1);
    vi.setSystemTime(Date.now() + 30_000);
    await rejection(verifyToken(forged(99), bapi()));
    expect(server.requests).toHaveLength(2);
    for (let i = 0; i < 20; i++) await rejection(verifyToken(forged(i), bapi()));
    expect(server.requests).toHaveLength(2);
    vi.setSystemTime(Date.now() + 1000);
    await rejection(verifyToken(forged(100), bapi({ jwksRefetchCooldownInMs: 1000 })));
    expect(server.requests).toHaveLength(3);
  });

  it('jwk-remote-missing lists the kids available, as in 0.x', async () => {
    server.setKeys([current.publicJwk, rotated.publicJwk], SECRET);
    const error = await rejection(verifyToken(signToken(rotated, claims(), { kid: 'ins_unknown' }), bapi()));
    expect(error.message).toBe(
      "Unable to find a signing key in JWKS that matches the kid='ins_unknown' of the provided session token. Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT. The following kid are available: ins_current, ins_rotated",
    );
  });

  it('key rotation: a new kid is picked up after the cooldown; the removed key stops verifying', async () => {
    useFakeDate();
    const oldToken = signToken(current);
    await verifyToken(oldToken, bapi());
    server.setKeys([rotated.publicJwk], SECRET);
    vi.setSystemTime(Date.now() + 30_000);
    await expect(verifyToken(signToken(rotated), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(2);
    const stale = await rejection(verifyToken(oldToken, bapi()));
    expect(stale.reason).toBe(TokenVerificationErrorReason.RemoteJWKMissing);
    expect(stale.message).toContain('The following kid are available: ins_rotated');
  });
});

describe('failing key sources', () => {
  it('5xx is retried with backoff up to the bound (default 2), then jwk-remote-failed-to-load', async () => {
    server.fallback = { kind: 'status', status: 500 };
    const error = await rejection(verifyToken(signToken(current), bapi({ jwksRetryDelayInMs: 10 })));
    expect(error).toMatchObject({
      reason: TokenVerificationErrorReason.RemoteJWKFailedToLoad,
      action: TokenVerificationErrorAction.ContactSupport,
      message: `Error loading Clerk JWKS from ${server.url}/v1/jwks with code=500`,
      source: 'key-source',
    });
    expect(server.requests).toHaveLength(3);
    server.requests.length = 0;
    await rejection(verifyToken(signToken(current), bapi({ jwksFetchRetries: 4, jwksRetryDelayInMs: 1 })));
    expect(server.requests).toHaveLength(5);
  });

  it('the retry bound stays a bound: at most 10 retries, and NaN means the default', async () => {
    server.fallback = { kind: 'status', status: 503 };
    await rejection(
      verifyToken(signToken(current), bapi({ jwksFetchRetries: Infinity, jwksRetryDelayInMs: 0 })),
    );
    expect(server.requests).toHaveLength(11);
    server.requests.length = 0;
    await rejection(
      verifyToken(signToken(current), bapi({ jwksFetchRetries: Number.NaN, jwksRetryDelayInMs: 0 })),
    );
    expect(server.requests).toHaveLength(3);
  });

  it('a 5xx followed by success verifies', async () => {
    server.queue({ kind: 'status', status: 503 }, { kind: 'status', status: 502, body: 'bad gateway' });
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });

  it('4xx is never retried', async () => {
    server.fallback = { kind: 'status', status: 404, body: '{"errors":[]}' };
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error.message).toBe(`Error loading Clerk JWKS from ${server.url}/v1/jwks with code=404`);
    expect(server.requests).toHaveLength(1);
  });

  it('secret-key-invalid carries the Backend API message and is not retried', async () => {
    const error = await rejection(verifyToken(signToken(current), bapi({ secretKey: 'sk_test_revoked' })));
    expect(error).toMatchObject({
      reason: TokenVerificationErrorReason.SecretKeyInvalid,
      action: TokenVerificationErrorAction.ContactSupport,
      message: 'Secret key is invalid.',
      source: 'key-source',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('network errors are retried, then reported with the URL', async () => {
    server.fallback = { kind: 'drop' };
    const error = await rejection(verifyToken(signToken(current), bapi({ jwksRetryDelayInMs: 5 })));
    expect(error.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
    expect(error.message).toMatch(new RegExp(`^Error loading Clerk JWKS from ${server.url}/v1/jwks: `));
    expect(server.requests).toHaveLength(3);
  });

  it('a server that is gone is a typed error, not a crash', async () => {
    const url = server.url;
    await server.close();
    const error = await rejection(
      verifyToken(signToken(current), { proxyUrl: url, env: {}, jwksRetryDelayInMs: 1, jwksFetchRetries: 1 }),
    );
    expect(error).toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
    server = await startJwksServer();
  });

  it('a slow answer times out (option) and counts as a network error', async () => {
    server.fallback = { kind: 'slow', ms: 5000 };
    const error = await rejection(
      verifyToken(
        signToken(current),
        // 500 ms, not less: each attempt must reach the server before it is given up, even on a loaded machine.
        bapi({ jwksFetchTimeoutInMs: 500, jwksFetchRetries: 1, jwksRetryDelayInMs: 1 }),
      ),
    );
    expect(error.message).toBe(
      `Error loading Clerk JWKS from ${server.url}/v1/jwks: no response within 500 ms.`,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('a non-JSON 200 answer is jwk-remote-failed-to-load without retries', async () => {
    server.fallback = { kind: 'body', body: '<html>maintenance</html>' };
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error.message).toBe(
      `Error loading Clerk JWKS from ${server.url}/v1/jwks: the response is not JSON.`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('a JWKS without keys gives the 0.x message', async () => {
    for (const body of ['{}', '{"keys":[]}']) {
      server.queue({ kind: 'status', status: 200, body });
      const error = await rejection(verifyToken(signToken(current), bapi({ skipJwksCache: true })));
      expect(error.getFullMessage()).toBe(
        'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com. Contact support@clerk.com (reason=jwk-remote-failed-to-load, token-carrier=undefined)',
      );
    }
  });

  it('when a refresh fails, unexpired cached keys keep working', async () => {
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'drop' };
    await expect(
      verifyToken(signToken(current), bapi({ skipJwksCache: true, jwksRetryDelayInMs: 1 })),
    ).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(4);
  });

  it('with jwksMaxStaleInMs 0, expired cached keys do not: after the TTL a failing source fails', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 500 };
    vi.setSystemTime(Date.now() + 5 * 60 * 1000);
    const error = await rejection(
      verifyToken(signToken(current), bapi({ jwksRetryDelayInMs: 1, jwksMaxStaleInMs: 0 })),
    );
    expect(error.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
    expect(server.requests).toHaveLength(4);
  });

  it('an unknown-kid refetch that fails reports the key source', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 500 };
    vi.setSystemTime(Date.now() + 30_000);
    const error = await rejection(verifyToken(signToken(rotated), bapi({ jwksRetryDelayInMs: 1 })));
    expect(error).toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(4);
  });

  it('an unusable key in the JWKS is the key source at fault', async () => {
    server.setKeys([{ kty: 'oct', k: 'c2VjcmV0', kid: 'ins_current' } as JsonWebKey], SECRET);
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error).toMatchObject({ reason: 'token-verification-failed', source: 'key-source' });
  });

  it('an expired token is rejected before key resolution: no request even for an unknown kid', async () => {
    const expired = signToken(rotated, claims({ exp: Math.floor(Date.now() / 1000) - 3600 }), {
      kid: 'ins_unknown',
    });
    const error = await rejection(verifyToken(expired, bapi()));
    expect(error).toMatchObject({ reason: TokenVerificationErrorReason.TokenExpired, source: 'token' });
    expect(server.requests).toHaveLength(0);
  });

  it('header checks keep their 0.x precedence over claim checks', async () => {
    const expired = claims({ exp: Math.floor(Date.now() / 1000) - 3600 });
    const none = await rejection(verifyToken(signToken(current, expired, { alg: 'none' }), bapi()));
    expect(none.reason).toBe(TokenVerificationErrorReason.TokenInvalidAlgorithm);
    const typ = await rejection(verifyToken(signToken(current, expired, { typ: 'JWS' }), bapi()));
    expect(typ.reason).toBe(TokenVerificationErrorReason.TokenInvalid);
  });

  it('malformed tokens never reach the network', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'ins_unknown' })).toString(
      'base64url',
    );
    const malformed = [
      '',
      'a.b',
      'a.b.c.d',
      '%%%.e30.c2ln',
      `${signToken(current).slice(0, -4)}.x`,
      `${header}.!!!.c2ln`,
      `${header}.${Buffer.from('[1]').toString('base64url')}.c2ln`,
    ];
    for (const token of malformed) {
      expect((await rejection(verifyToken(token, bapi()))).reason).toBe(
        TokenVerificationErrorReason.TokenInvalid,
      );
    }
    expect(server.requests).toHaveLength(0);
  });
});
