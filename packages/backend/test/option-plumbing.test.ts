// The options of Clerk() and of each authenticateRequest call reach every request they are meant for, checked on
// the wire: a node:http Backend API on 127.0.0.1 serving the JWKS, the handshake payload and the M2M verify call,
// recording the `Clerk-API-Version` header of each request.
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthStatus, Clerk } from '../src/index';

const KID = 'ins_plumbing';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';

// node:crypto alone signs, independently of the code under test.
function signJwt(payload: Record<string, unknown>): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const sessionToken = (sid = 'sess_1') => {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    sub: 'user_1',
    sid,
    iss: 'https://clerk.example.com',
    iat: now,
    nbf: now - 5,
    exp: now + 86_400,
  });
};

const m2mJwt = () => {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ sub: 'mch_caller', jti: 'mt_jwt_1', iat: now, nbf: now - 5, exp: now + 600 });
};

interface Seen {
  method: string;
  path: string;
  clerkApiVersion: string | undefined;
}

let server: Server;
let apiUrl: string;
let jwksDown = false;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push({
      method: req.method ?? '',
      path,
      clerkApiVersion: req.headers['clerk-api-version'] as string,
    });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/v1/jwks') {
      if (jwksDown) return json(503, { errors: [{ code: 'unavailable', message: 'down' }] });
      return json(200, { keys: [jwk] });
    }
    if (path === '/v1/clients/handshake_payload') {
      return json(200, { directives: [`__session=${sessionToken('sess_handshake')}; Path=/; Secure`] });
    }
    if (path === '/m2m_tokens/verify') {
      const now = Date.now();
      return json(200, {
        object: 'machine_to_machine_token',
        id: 'mt_1',
        subject: 'mch_caller',
        scopes: [],
        revoked: false,
        expired: false,
        expiration: null,
        created_at: now,
        updated_at: now,
      });
    }
    json(404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));
afterEach(() => {
  vi.useRealTimers();
  jwksDown = false;
  seen.length = 0;
});

// A new secret key per client is a new JWKS source, so no test reuses another's cached keys.
let clients = 0;
const clerkWith = (options: Parameters<typeof Clerk>[0] = {}) =>
  Clerk({ secretKey: `sk_live_plumbing_${++clients}`, publishableKey, apiUrl, env: {}, ...options });

const bearer = (token: string, path = '/dashboard') =>
  new Request(`https://app.example.com${path}`, { headers: { authorization: `Bearer ${token}` } });

/** One request of each kind: the JWKS of both call forms, the handshake payload, machine verification. */
async function everyKindOfRequest(clerk: ReturnType<typeof clerkWith>) {
  const legacy = await clerk.authenticateRequest({ request: bearer(sessionToken()) });
  const current = await clerk.authenticateRequest(bearer(sessionToken('sess_current')));
  const handshake = await clerk.authenticateRequest(
    new Request('https://app.example.com/page?__clerk_handshake_nonce=nonce_1', {
      headers: { 'sec-fetch-dest': 'document' },
    }),
  );
  const opaque = await clerk.authenticateRequest(bearer('mt_opaque_token'), { acceptsToken: 'm2m_token' });
  const machineJwt = await clerk.authenticateRequest(bearer(m2mJwt()), {
    acceptsToken: 'm2m_token',
    skipJwksCache: true,
  });
  return { legacy, current, handshake, opaque, machineJwt };
}

describe('clerkApiVersion given to Clerk()', () => {
  it('is sent as Clerk-API-Version on the JWKS, handshake and machine requests', async () => {
    const states = await everyKindOfRequest(clerkWith({ clerkApiVersion: '2026-05-12' }));
    expect(states.legacy.status).toBe(AuthStatus.SignedIn);
    expect(states.current.status).toBe('signed-in');
    expect(states.handshake.status).toBe('signed-in');
    expect(states.opaque).toMatchObject({ status: 'signed-in', tokenType: 'm2m_token' });
    expect(states.machineJwt).toMatchObject({ status: 'signed-in', tokenType: 'm2m_token' });
    const paths = seen.map(request => request.path);
    expect(paths).toContain('/v1/jwks');
    expect(paths).toContain('/v1/clients/handshake_payload');
    expect(paths).toContain('/m2m_tokens/verify');
    // The 0.x form's load, the machine JWT's forced reload: at least two JWKS requests, all with the header.
    expect(paths.filter(path => path === '/v1/jwks').length).toBeGreaterThanOrEqual(2);
    for (const request of seen) expect(request).toMatchObject({ clerkApiVersion: '2026-05-12' });
  });

  it('reaches the current form JWKS load on its own (no 0.x call before it)', async () => {
    const state = await clerkWith({ clerkApiVersion: '2025-11-10' }).authenticateRequest(
      bearer(sessionToken()),
    );
    expect(state.status).toBe('signed-in');
    expect(seen).toEqual([{ method: 'GET', path: '/v1/jwks', clerkApiVersion: '2025-11-10' }]);
  });

  it('unset: no request carries the header (the 0.x wire)', async () => {
    const states = await everyKindOfRequest(clerkWith());
    expect(states.legacy.status).toBe(AuthStatus.SignedIn);
    expect(states.handshake.status).toBe('signed-in');
    expect(states.opaque.status).toBe('signed-in');
    expect(states.machineJwt.status).toBe('signed-in');
    expect(new Set(seen.map(request => request.path))).toEqual(
      new Set(['/v1/jwks', '/v1/clients/handshake_payload', '/m2m_tokens/verify']),
    );
    for (const request of seen) expect(request.clerkApiVersion).toBeUndefined();
  });
});

const TTL = 5 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('jwksMaxStaleInMs reaches the JWKS cache', () => {
  // Past the default window (1 hour): only a plumbed-through longer window keeps the keys.
  it.each(['0.x', 'current'] as const)(
    '%s form: a call window of 3 hours keeps a token verifying',
    async form => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      const clerk = clerkWith();
      const call = { jwksMaxStaleInMs: 3 * HOUR, jwksRetryDelayInMs: 1 };
      const authenticate = (sid: string) =>
        form === '0.x'
          ? clerk.authenticateRequest({ request: bearer(sessionToken(sid)), ...call })
          : clerk.authenticateRequest(bearer(sessionToken(sid)), call);
      expect((await authenticate('sess_before')).status).toBe('signed-in');
      jwksDown = true;
      advance(TTL + 2 * HOUR);
      const during = await authenticate('sess_during');
      expect(during.status).toBe('signed-in');
      expect(seen.filter(request => request.path === '/v1/jwks').length).toBeGreaterThan(1);
    },
  );

  // Inside the default window: only a plumbed-through 0 turns stale keys away.
  it.each(['0.x', 'current'] as const)('%s form: 0 switches the window off', async form => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const clerk = clerkWith();
    const call = { jwksMaxStaleInMs: 0, jwksRetryDelayInMs: 1 };
    const authenticate = (sid: string) =>
      form === '0.x'
        ? clerk.authenticateRequest({ request: bearer(sessionToken(sid)), ...call })
        : clerk.authenticateRequest(bearer(sessionToken(sid)), call);
    expect((await authenticate('sess_before')).status).toBe('signed-in');
    jwksDown = true;
    advance(TTL);
    const during = await authenticate('sess_during');
    expect(during.status).not.toBe('signed-in');
    expect(during.reason).toBe('jwk-remote-failed-to-load');
  });

  it('given to Clerk(): 0 switches the window off for both forms, a call value wins over it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const clerk = clerkWith({ jwksMaxStaleInMs: 0, jwksRetryDelayInMs: 1 });
    expect((await clerk.authenticateRequest(bearer(sessionToken('sess_before')))).status).toBe('signed-in');
    jwksDown = true;
    advance(TTL);
    const legacy = await clerk.authenticateRequest({ request: bearer(sessionToken('sess_legacy')) });
    expect(legacy.reason).toBe('jwk-remote-failed-to-load');
    const current = await clerk.authenticateRequest(bearer(sessionToken('sess_current')));
    expect(current.reason).toBe('jwk-remote-failed-to-load');
    const overridden = await clerk.authenticateRequest(bearer(sessionToken('sess_override')), {
      jwksMaxStaleInMs: HOUR,
    });
    expect(overridden.status).toBe('signed-in');
  });
});
