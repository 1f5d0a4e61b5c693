// A Backend API outage after the JWKS TTL, through the built umbrella on Node: a real node:http JWKS server on
// 127.0.0.1 that can fail in the ways an outage does (5xx, a garbage body, a dropped connection).
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthStatus, Clerk, verifyToken } from '../dist/index.js';

type Mode = 'ok' | 'status-503' | 'garbage' | 'drop';

function rsaKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}
const current = rsaKey('ins_current');
const retired = rsaKey('ins_retired');

// node:crypto alone signs, so the code under test is checked against an independent signer.
function sessionToken(key: { kid: string; privateKey: KeyObject }, sid = 'sess_1'): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    sub: 'user_1',
    sid,
    iss: 'https://clerk.example.com',
    iat: now,
    nbf: now - 5,
    exp: now + 7200,
  };
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

let server: Server;
let apiUrl: string;
let mode: Mode = 'ok';
let served = [current.jwk, retired.jwk];
const requests: { path: string | undefined; apiVersion: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url, apiVersion: req.headers['clerk-api-version'] as string | undefined });
    if (mode === 'drop') return req.socket.destroy();
    if (mode === 'status-503') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      return res.end('upstream unavailable');
    }
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html>maintenance</html>');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));
afterEach(() => {
  vi.useRealTimers();
  mode = 'ok';
  served = [current.jwk, retired.jwk];
  requests.length = 0;
});

// A new secret key per test is a new key source, so no test sees another's cached JWKS.
let instances = 0;
const newInstance = () => ({ secretKey: `sk_test_outage_${++instances}`, apiUrl, env: {} });
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
const TTL = 5 * 60 * 1000;
const COOLDOWN = 30 * 1000;
const HOUR = 60 * 60 * 1000;

describe('JWKS outage after the TTL, through the built @clerk/backend', () => {
  it.each(['status-503', 'garbage', 'drop'] as const)(
    'verifyToken keeps verifying during an outage (%s), one refresh per cooldown',
    async outage => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      const instance = { ...newInstance(), verifiedTokenCache: false, jwksRetryDelayInMs: 1 };
      await expect(verifyToken(sessionToken(current), instance)).resolves.toMatchObject({ sub: 'user_1' });
      mode = outage;
      advance(TTL);
      await expect(verifyToken(sessionToken(current, 'sess_2'), instance)).resolves.toMatchObject({
        sid: 'sess_2',
      });
      const afterFirstRefresh = requests.length;
      expect(afterFirstRefresh).toBeGreaterThan(1);
      for (let i = 0; i < 30; i++) await verifyToken(sessionToken(current, `sess_${i + 3}`), instance);
      expect(requests).toHaveLength(afterFirstRefresh);
      // The source comes back without the retired key: after the cooldown it is rejected, the current one kept.
      mode = 'ok';
      served = [current.jwk];
      advance(COOLDOWN);
      await expect(verifyToken(sessionToken(retired), instance)).rejects.toMatchObject({
        reason: 'jwk-remote-missing',
      });
      await expect(verifyToken(sessionToken(current), instance)).resolves.toBeTruthy();
    },
  );

  it('the window is bounded (jwksMaxStaleInMs, default 1 hour) and 0 switches it off', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const instance = { ...newInstance(), jwksRetryDelayInMs: 1 };
    await verifyToken(sessionToken(current), instance);
    mode = 'status-503';
    advance(TTL);
    await expect(
      verifyToken(sessionToken(current, 'sess_a'), { ...instance, jwksMaxStaleInMs: 0 }),
    ).rejects.toMatchObject({ reason: 'jwk-remote-failed-to-load', source: 'key-source' });
    advance(HOUR - 1);
    await expect(verifyToken(sessionToken(current, 'sess_b'), instance)).resolves.toBeTruthy();
    advance(1);
    await expect(verifyToken(sessionToken(current, 'sess_c'), instance)).rejects.toMatchObject({
      reason: 'jwk-remote-failed-to-load',
    });
  });

  it('Clerk().authenticateRequest stays signed in through an outage inside the window', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const { secretKey } = newInstance();
    const clerk = Clerk({ secretKey, apiUrl });
    const bearer = (token: string) =>
      new Request('https://app.example.com/dashboard', { headers: { authorization: `Bearer ${token}` } });
    expect((await clerk.authenticateRequest({ request: bearer(sessionToken(current)) })).status).toBe(
      AuthStatus.SignedIn,
    );
    mode = 'drop';
    advance(TTL);
    const during = await clerk.authenticateRequest({ request: bearer(sessionToken(current, 'sess_outage')) });
    expect(during.status).toBe(AuthStatus.SignedIn);
    expect(during.toAuth()).toMatchObject({ userId: 'user_1', sessionId: 'sess_outage' });
    advance(HOUR);
    const after = await clerk.authenticateRequest({ request: bearer(sessionToken(current, 'sess_late')) });
    expect(after.status).not.toBe(AuthStatus.SignedIn);
    expect(after.reason).toBe('jwk-remote-failed-to-load');
  });

  it('clerkApiVersion reaches the JWKS request as Clerk-API-Version', async () => {
    await verifyToken(sessionToken(current), { ...newInstance(), clerkApiVersion: '2026-05-12' });
    expect(requests).toEqual([{ path: '/v1/jwks', apiVersion: '2026-05-12' }]);
  });
});
