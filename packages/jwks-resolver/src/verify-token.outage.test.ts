// JWKS outages after the TTL (stale-if-error), the one deadline of a load, and the Clerk-API-Version header,
// against a real JWKS server on 127.0.0.1.
import { TokenVerificationErrorReason } from '@clerk/jwt-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Behaviour, type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { claims, signingKey, signToken } from '../test/tokens';
import { JWKS_DEFAULTS } from './constants';
import type { VerifyTokenOptions } from './options';
import { resolveKey } from './resolve-key';
import { verifyToken } from './verify-token';

const current = signingKey('ins_current');
const rotated = signingKey('ins_rotated');
// A secret key per test: a port reused by a later test's server is still a new key source.
let tests = 0;
let SECRET = '';
const TTL = 5 * 60 * 1000;
const COOLDOWN = 30 * 1000;
const HOUR = 60 * 60 * 1000;
let server: JwksServer;

beforeEach(async () => {
  SECRET = `sk_test_outage_${++tests}`;
  server = await startJwksServer();
  server.setKeys([current.publicJwk, rotated.publicJwk], SECRET);
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

const bapi = (extra: VerifyTokenOptions = {}): VerifyTokenOptions => ({
  secretKey: SECRET,
  apiUrl: server.url,
  env: {},
  verifiedTokenCache: false,
  jwksRetryDelayInMs: 1,
  ...extra,
});
const useFakeDate = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
const distinctTokens = (count: number) =>
  Array.from({ length: count }, (_, i) => signToken(current, claims({ sid: `sess_${i}` })));

describe('stale-if-error: keys inside the stale window keep verifying while the source fails', () => {
  it('defaults: 1 hour of stale window, a 5 s load deadline', () => {
    expect(JWKS_DEFAULTS.maxStaleInMs).toBe(HOUR);
    expect(JWKS_DEFAULTS.loadTimeoutInMs).toBe(5000);
  });

  const outages: [string, Behaviour, number][] = [
    ['a 500, retried', { kind: 'status', status: 500 }, 3],
    ['a 503, retried', { kind: 'status', status: 503, body: '<html>down</html>' }, 3],
    ['a dropped connection, retried', { kind: 'drop' }, 3],
    ['a garbage 200 body, not retried', { kind: 'body', body: '<html>maintenance</html>' }, 1],
  ];
  it.each(outages)('%s: served stale, then at most one refresh per cooldown', async (_, outage, attempts) => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    expect(server.requests).toHaveLength(1);
    server.fallback = outage;
    advance(TTL);

    // The first verification after the TTL tries the source (with its retries), fails, and serves stale.
    await expect(verifyToken(signToken(current), bapi())).resolves.toMatchObject({ sub: expect.any(String) });
    expect(server.requests).toHaveLength(1 + attempts);
    // Within the cooldown no verification adds a request.
    for (const token of distinctTokens(50)) await expect(verifyToken(token, bapi())).resolves.toBeTruthy();
    advance(COOLDOWN - 1);
    await expect(verifyToken(signToken(rotated), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(1 + attempts);
    // After it, one more refresh, which fails again and again serves stale.
    advance(1);
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(1 + 2 * attempts);
  });

  it('connection refused (the server is gone): served stale', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    await server.close();
    advance(TTL + HOUR - 1);
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    const error = await rejection(verifyToken(signToken(current), bapi({ jwksMaxStaleInMs: 0 })));
    expect(error).toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
  });

  it('concurrent verifications during an outage share one refresh', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 502 };
    advance(TTL);
    const results = await Promise.all(distinctTokens(20).map(token => verifyToken(token, bapi())));
    expect(results).toHaveLength(20);
    expect(server.requests).toHaveLength(1 + 3);
  });

  it('past the stale window the failure is reported again', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 500 };
    advance(TTL + HOUR);
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error).toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
    expect(error.message).toBe(`Error loading Clerk JWKS from ${server.url}/v1/jwks with code=500`);
  });

  it('jwksMaxStaleInMs bounds the window: 10 s past the TTL serves, 10 s and 1 ms does not', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 500 };
    advance(TTL + 10_000 - 1);
    await expect(verifyToken(signToken(current), bapi({ jwksMaxStaleInMs: 10_000 }))).resolves.toBeTruthy();
    advance(1);
    const error = await rejection(verifyToken(signToken(current), bapi({ jwksMaxStaleInMs: 10_000 })));
    expect(error.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
  });

  it('a kid removed by the source is rejected once a refresh succeeds; kept keys verify', async () => {
    useFakeDate();
    await verifyToken(signToken(rotated), bapi());
    server.fallback = { kind: 'status', status: 500 };
    advance(TTL);
    await expect(verifyToken(signToken(rotated), bapi())).resolves.toBeTruthy();
    // The source comes back without the rotated key.
    server.fallback = { kind: 'jwks' };
    server.setKeys([current.publicJwk], SECRET);
    advance(COOLDOWN);
    const error = await rejection(verifyToken(signToken(rotated), bapi()));
    expect(error).toMatchObject({ reason: 'jwk-remote-missing', source: 'token' });
    expect(error.message).toContain('The following kid are available: ins_current');
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
  });

  it('the verified-token cache follows the same rule: a removed kid stops hitting', async () => {
    useFakeDate();
    const token = signToken(rotated, claims({ exp: Math.floor(Date.now() / 1000) + 3 * 3600 }));
    await verifyToken(token, bapi({ verifiedTokenCache: true }));
    server.setKeys([current.publicJwk], SECRET);
    advance(TTL);
    expect((await rejection(verifyToken(token, bapi({ verifiedTokenCache: true })))).reason).toBe(
      'jwk-remote-missing',
    );
  });

  it('a rejected secret key is not an outage: no stale keys', async () => {
    useFakeDate();
    await verifyToken(signToken(current), bapi());
    server.fallback = {
      kind: 'status',
      status: 401,
      body: JSON.stringify({ errors: [{ code: 'clerk_key_invalid', message: 'Secret key is invalid.' }] }),
    };
    advance(TTL);
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error).toMatchObject({ reason: 'secret-key-invalid', source: 'key-source' });
  });

  it('a cold source that fails has nothing to serve', async () => {
    server.fallback = { kind: 'status', status: 500 };
    const error = await rejection(verifyToken(signToken(current), bapi()));
    expect(error.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
  });

  it('resolveKey serves the same stale keys with the same request budget', async () => {
    useFakeDate();
    await resolveKey(signToken(current), bapi());
    server.fallback = { kind: 'status', status: 500 };
    advance(TTL);
    await expect(resolveKey(signToken(current), bapi())).resolves.toEqual(current.publicJwk);
    await expect(resolveKey(signToken(rotated), bapi())).resolves.toEqual(rotated.publicJwk);
    await expect(verifyToken(signToken(current), bapi())).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(1 + 3);
  });
});

describe('one deadline for a whole load (jwksLoadTimeoutInMs)', () => {
  it('a slow JWKS fails at the deadline, without retries after it', async () => {
    server.fallback = { kind: 'slow', ms: 10_000 };
    const error = await rejection(
      verifyToken(signToken(current), bapi({ jwksLoadTimeoutInMs: 300, jwksFetchTimeoutInMs: 5000 })),
    );
    expect(error).toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
    expect(error.message).toBe(
      `Error loading Clerk JWKS from ${server.url}/v1/jwks: no response within 300 ms.`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('no retry starts whose wait would end past the deadline', async () => {
    server.fallback = { kind: 'status', status: 500 };
    const error = await rejection(
      verifyToken(signToken(current), bapi({ jwksLoadTimeoutInMs: 400, jwksRetryDelayInMs: 500 })),
    );
    expect(error.message).toContain('with code=500');
    expect(server.requests).toHaveLength(1);
  });

  it('retries that fit run inside it, and the load succeeds', async () => {
    server.queue({ kind: 'status', status: 500 }, { kind: 'drop' });
    await expect(verifyToken(signToken(current), bapi({ jwksLoadTimeoutInMs: 5000 }))).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });
});

describe('clerkApiVersion', () => {
  it('the Backend API JWKS request sends Clerk-API-Version exactly as given', async () => {
    await verifyToken(signToken(current), bapi({ clerkApiVersion: '2026-05-12' }));
    expect(server.requests).toEqual([
      {
        path: '/v1/jwks',
        method: 'GET',
        authorization: `Bearer ${SECRET}`,
        contentType: 'application/json',
        clerkApiVersion: '2026-05-12',
      },
    ]);
  });

  it('without it no Clerk-API-Version header is sent (0.x)', async () => {
    await verifyToken(signToken(current), bapi());
    expect(server.requests[0]).toHaveProperty('clerkApiVersion', undefined);
  });

  it('proxy and issuer JWKS requests never carry it', async () => {
    server.setKeys([current.publicJwk]);
    const proxyUrl = `${server.url}/proxy`;
    await verifyToken(signToken(current), { proxyUrl, env: {}, clerkApiVersion: '2026-05-12' });
    const iss = server.url;
    await verifyToken(signToken(current, claims({ iss })), { issuer: iss, env: {}, clerkApiVersion: 'x' });
    expect(server.requests.map(r => [r.path, r.clerkApiVersion])).toEqual([
      ['/proxy/.well-known/jwks.json', undefined],
      ['/.well-known/jwks.json', undefined],
    ]);
  });
});
