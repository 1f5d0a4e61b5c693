import { TokenVerificationErrorReason } from '@clerk/jwt-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { AZP, claims, ISSUER, nowSeconds, signingKey, signToken } from '../test/tokens';
import type { VerifyTokenOptions } from './options';
import { recallVerified, rememberVerified } from './verified-token-cache';
import { verifyToken } from './verify-token';

const key = signingKey('ins_cache');
const replacement = signingKey('ins_cache');
let server: JwksServer;

beforeEach(async () => {
  server = await startJwksServer();
  server.setKeys([key.publicJwk], 'sk_test_cache');
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

const bapi = (extra: VerifyTokenOptions = {}): VerifyTokenOptions => ({
  secretKey: 'sk_test_cache',
  apiUrl: server.url,
  env: {},
  ...extra,
});
const sourceIdOf = () => `${server.url}/v1/jwks\nsk_test_cache`;
/** Verifies a token, and checks that it is cached afterwards. */
const cached = async (token: string, options: VerifyTokenOptions) => {
  const payload = await verifyToken(token, options);
  expect(recallVerified(token, options.jwtKey ?? sourceIdOf(), options, Date.now())).toEqual(payload);
  return payload;
};

describe('verified-token cache', () => {
  it('remembers a verified token for its source, and only when the option is on (default)', async () => {
    const token = signToken(key);
    await verifyToken(token, bapi({ verifiedTokenCache: false }));
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeUndefined();
    const payload = await verifyToken(token, bapi());
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toEqual(payload);
    expect(recallVerified(token, `${server.url}/v1/jwks\nsk_test_other`, {}, Date.now())).toBeUndefined();
    await expect(verifyToken(token, bapi())).resolves.toEqual(payload);
  });

  it('a rejected token is never remembered: only a verification that passed enters it', async () => {
    const token = signToken(key, claims({ aud: 'api' }));
    await rejection(verifyToken(token, bapi({ audience: 'other' })));
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeUndefined();
    await verifyToken(token, bapi());
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeTruthy();
  });

  it('hits return private copies: mutating a result changes nothing later', async () => {
    const token = signToken(key, claims({ org_permissions: ['org:read'] }));
    const first = await verifyToken(token, bapi());
    first.sub = 'user_mutated';
    (first.org_permissions as string[]).push('org:admin');
    const second = await verifyToken(token, bapi());
    second.sid = 'sess_mutated';
    const third = await verifyToken(token, bapi());
    expect(third.sub).toBe('user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr');
    expect(third.sid).toBe('sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9');
    expect(third.org_permissions).toEqual(['org:read']);
  });

  it('hits copy a __proto__ claim as data, never as a prototype', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid })).toString(
      'base64url',
    );
    const body = JSON.stringify(claims()).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
    const input = `${header}.${Buffer.from(body).toString('base64url')}`;
    const { sign } = await import('node:crypto');
    const token = `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
    await cached(token, bapi());
    const hit = await verifyToken(token, bapi());
    expect(Object.getPrototypeOf(hit)).toBe(Object.prototype);
    expect((hit as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(hit, '__proto__')?.value).toEqual({ isAdmin: true });
  });

  it('re-checks azp, iss and aud options on every hit', async () => {
    const token = signToken(key, claims({ aud: 'api' }));
    await cached(token, bapi());
    const azp = await rejection(verifyToken(token, bapi({ authorizedParties: ['https://elsewhere.test'] })));
    expect(azp).toMatchObject({
      reason: TokenVerificationErrorReason.TokenInvalidAuthorizedParties,
      source: 'token',
    });
    const iss = await rejection(verifyToken(token, bapi({ issuer: 'https://clerk.other.dev' })));
    expect(iss.reason).toBe(TokenVerificationErrorReason.TokenInvalidIssuer);
    const aud = await rejection(verifyToken(token, bapi({ audience: 'other' })));
    expect(aud.reason).toBe(TokenVerificationErrorReason.TokenVerificationFailed);
    await expect(
      verifyToken(token, bapi({ authorizedParties: [AZP], issuer: ISSUER, audience: ['api'] })),
    ).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(1);
  });

  it('re-checks exp and nbf with the clock skew on every hit, and never outlives exp', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const token = signToken(key, claims({ exp: nowSeconds() + 10 }));
    await cached(token, bapi());
    vi.setSystemTime(Date.now() + 12_000);
    // Within the default 5 s skew the token is still accepted, but not from the cache.
    await expect(verifyToken(token, bapi())).resolves.toBeTruthy();
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeUndefined();
    const strict = await rejection(verifyToken(token, bapi({ clockSkewInMs: 0 })));
    expect(strict.reason).toBe(TokenVerificationErrorReason.TokenExpired);
    vi.setSystemTime(Date.now() + 10_000);
    expect((await rejection(verifyToken(token, bapi()))).reason).toBe(
      TokenVerificationErrorReason.TokenExpired,
    );
  });

  it('a hit re-checks nbf: a skew change can reject a cached token', async () => {
    const token = signToken(key, claims({ nbf: nowSeconds() + 3 }));
    await cached(token, bapi());
    const early = await rejection(verifyToken(token, bapi({ clockSkewInMs: 0 })));
    expect(early.reason).toBe(TokenVerificationErrorReason.TokenNotActiveYet);
  });

  it('never outlives the key it was verified with', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const token = signToken(key);
    await cached(token, bapi());
    // The source now serves a different key under the same kid: the cached verification must not count.
    server.setKeys([replacement.publicJwk], 'sk_test_cache');
    await verifyToken(signToken(key), bapi({ skipJwksCache: true, verifiedTokenCache: false })).catch(
      () => {},
    );
    const error = await rejection(verifyToken(token, bapi()));
    expect(error.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
    await expect(verifyToken(signToken(replacement), bapi())).resolves.toBeTruthy();
  });

  it('is not used once the source TTL has passed, nor with skipJwksCache', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const token = signToken(key, claims({ exp: nowSeconds() + 3600 }));
    await cached(token, bapi());
    expect(recallVerified(token, sourceIdOf(), { skipJwksCache: true }, Date.now())).toBeUndefined();
    vi.setSystemTime(Date.now() + 5 * 60 * 1000);
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeUndefined();
    server.fallback = { kind: 'status', status: 500 };
    const error = await rejection(verifyToken(token, bapi({ jwksRetryDelayInMs: 1, jwksMaxStaleInMs: 0 })));
    expect(error.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
  });

  it('during an outage inside the stale window, a verified token is a hit again (no request)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const token = signToken(key, claims({ exp: nowSeconds() + 3600 }));
    await cached(token, bapi());
    vi.setSystemTime(Date.now() + 5 * 60 * 1000);
    server.fallback = { kind: 'status', status: 503 };
    await expect(verifyToken(token, bapi({ jwksFetchRetries: 0 }))).resolves.toBeTruthy();
    const requests = server.requests.length;
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeTruthy();
    await expect(verifyToken(token, bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(requests);
  });

  it('failures are never cached', async () => {
    const token = signToken(key);
    server.queue(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    );
    await rejection(verifyToken(token, bapi({ jwksRetryDelayInMs: 1 })));
    expect(recallVerified(token, sourceIdOf(), {}, Date.now())).toBeUndefined();
    await expect(verifyToken(token, bapi())).resolves.toBeTruthy();
  });

  it('a local key is part of the entry: another key misses the cache', async () => {
    const token = signToken(key);
    await cached(token, { jwtKey: key.publicPem });
    expect(recallVerified(token, key.publicPem, {}, Date.now())).toBeTruthy();
    const error = await rejection(verifyToken(token, { jwtKey: replacement.publicPem }));
    expect(error.reason).toBe(TokenVerificationErrorReason.TokenInvalidSignature);
  });

  it('is bounded: the oldest entries are dropped', () => {
    const resolved = { key: key.publicPem, sourceId: 'bounded-test' };
    const payload = { sub: 'user_1', exp: nowSeconds() + 60 };
    const tokenNumber = (i: number) =>
      `e30.${Buffer.from(JSON.stringify({ ...payload, i })).toString('base64url')}.c2ln`;
    for (let i = 0; i <= 1000; i++) rememberVerified(tokenNumber(i), undefined, resolved, payload);
    expect(recallVerified(tokenNumber(0), 'bounded-test', {}, Date.now())).toBeUndefined();
    expect(recallVerified(tokenNumber(1000), 'bounded-test', {}, Date.now())).toEqual({
      ...payload,
      i: 1000,
    });
  });
});
