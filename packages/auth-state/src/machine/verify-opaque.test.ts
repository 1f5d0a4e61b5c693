import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSTANCE_SECRET, MACHINE_SECRET, type MachineApi, startMachineApi } from '../../test/machine-api';
import { type MachineAuthOptions, MachineTokenVerificationError, verifyMachineAuthToken } from './index';

let api: MachineApi;
beforeAll(async () => {
  api = await startMachineApi();
});
afterAll(() => api.close());
afterEach(() => {
  vi.useRealTimers();
});

let counter = 0;
const hex = () => (++counter).toString(16).padStart(32, '0');
const base = (): MachineAuthOptions => ({ secretKey: INSTANCE_SECRET, apiUrl: api.url, env: {} });
const since = (mark: number) => api.requests.slice(mark);

const now = Date.now();
const m2mJson = (id: string, extra: Record<string, unknown> = {}) => ({
  object: 'machine_to_machine_token',
  id,
  subject: 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
  claims: { region: 'eu' },
  scopes: ['mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em'],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: now + 3_600_000,
  last_used_at: null,
  created_at: now - 1000,
  updated_at: now - 500,
  ...extra,
});
const apiKeyJson = (id: string, extra: Record<string, unknown> = {}) => ({
  object: 'api_key',
  id,
  type: 'api_key',
  subject: 'org_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
  name: 'BILLING_EXPORT',
  description: 'nightly export',
  claims: { tier: 'gold' },
  scopes: ['read'],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: null,
  created_by: 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
  last_used_at: now - 100,
  created_at: now - 1000,
  updated_at: now - 500,
  ...extra,
});
const oauthJson = (id: string, extra: Record<string, unknown> = {}) => ({
  object: 'clerk_idp_oauth_access_token',
  id,
  client_id: 'client_abc',
  subject: 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
  scopes: ['profile', 'email'],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: now + 60_000,
  created_at: now - 1000,
  updated_at: now - 500,
  ...extra,
});

function issue(prefix: 'mt_' | 'ak_' | 'oat_', answer: { status: number; body?: unknown } | 'valid') {
  const token = `${prefix}${hex()}`;
  const id = `${prefix}id${hex()}`;
  const body = prefix === 'mt_' ? m2mJson(id) : prefix === 'ak_' ? apiKeyJson(id) : oauthJson(id);
  api.answers.set(token, answer === 'valid' ? { status: 200, body } : answer);
  return { token, id };
}

async function failure(token: string, options: MachineAuthOptions) {
  const result = await verifyMachineAuthToken(token, options);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error).toBeInstanceOf(MachineTokenVerificationError);
  return { error: error!, tokenType: result.tokenType };
}

describe('opaque tokens through the Backend API (5.2)', () => {
  it('verifies an M2M token: POST /m2m_tokens/verify (no /v1) with the headers of 5.2, camelCased data', async () => {
    const { token, id } = issue('mt_', 'valid');
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, { ...base(), clerkApiVersion: '2026-05-12' });
    expect(result.errors).toBeUndefined();
    expect(result.tokenType).toBe('m2m_token');
    expect(result.data).toEqual({
      id,
      subject: 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
      scopes: ['mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em'],
      claims: { region: 'eu' },
      revoked: false,
      revocationReason: null,
      expired: false,
      expiration: now + 3_600_000,
      createdAt: now - 1000,
      updatedAt: now - 500,
    });
    const [request] = since(mark);
    expect(since(mark)).toHaveLength(1);
    expect(request).toMatchObject({ method: 'POST', path: '/m2m_tokens/verify', body: { token } });
    expect(request!.headers.authorization).toBe(`Bearer ${INSTANCE_SECRET}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toMatch(/^@clerk\/backend@/);
    expect(request!.headers['clerk-api-version']).toBe('2026-05-12');
  });

  it('verifies an API key: POST /api_keys/verify with `secret`; no Clerk-API-Version unless given', async () => {
    const { token, id } = issue('ak_', 'valid');
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, base());
    expect(result.tokenType).toBe('api_key');
    expect(result.data).toEqual({
      id,
      type: 'api_key',
      name: 'BILLING_EXPORT',
      subject: 'org_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
      scopes: ['read'],
      claims: { tier: 'gold' },
      revoked: false,
      revocationReason: null,
      expired: false,
      expiration: null,
      createdBy: 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
      description: 'nightly export',
      lastUsedAt: now - 100,
      createdAt: now - 1000,
      updatedAt: now - 500,
    });
    const [request] = since(mark);
    expect(request).toMatchObject({ path: '/api_keys/verify', body: { secret: token } });
    expect(request!.headers['clerk-api-version']).toBeUndefined();
  });

  it('verifies an OAuth access token: POST /oauth_applications/access_tokens/verify with `access_token`', async () => {
    const { token, id } = issue('oat_', 'valid');
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, base());
    expect(result.tokenType).toBe('oauth_token');
    expect(result.data).toMatchObject({
      id,
      clientId: 'client_abc',
      type: 'oauth_token',
      scopes: ['profile', 'email'],
    });
    expect(since(mark)[0]).toMatchObject({
      path: '/oauth_applications/access_tokens/verify',
      body: { access_token: token },
    });
  });

  it('keeps an apiUrl path prefix and reads CLERK_SECRET_KEY / CLERK_API_URL from the env option', async () => {
    const { token } = issue('ak_', 'valid');
    const result = await verifyMachineAuthToken(token, {
      env: { CLERK_SECRET_KEY: INSTANCE_SECRET, CLERK_API_URL: api.url },
    });
    expect(result.errors).toBeUndefined();
  });

  it.each([
    ['mt_', 'm2m_token', 'Machine token'],
    ['ak_', 'api_key', 'API key'],
    ['oat_', 'oauth_token', 'OAuth token'],
  ] as const)(
    'fails closed on a 200 with revoked: true or expired: true (%s)',
    async (prefix, tokenType, noun) => {
      for (const [change, ending] of [
        [{ revoked: true, revocation_reason: 'leaked' }, 'has been revoked'],
        [{ expired: true }, 'has expired'],
        [{ expiration: now - 60_000 }, 'has expired'],
      ] as const) {
        const { token } = issue(prefix, 'valid');
        const answer = api.answers.get(token)!;
        api.answers.set(token, { status: 200, body: { ...(answer.body as object), ...change } });
        const { error, tokenType: reported } = await failure(token, base());
        expect(reported).toBe(tokenType);
        expect(error.code).toBe('token-invalid');
        expect(error.message).toBe(`${noun} ${ending}`);
      }
    },
  );

  it('fails closed on an OAuth answer { "active": false }', async () => {
    const { token } = issue('oat_', { status: 200, body: { active: false } });
    const { error } = await failure(token, base());
    expect(error.code).toBe('token-invalid');
    expect(error.getFullMessage()).toBe('OAuth token is not active (code=token-invalid, status=n/a)');
  });

  it.each([
    ['mt_', 'Machine token not found'],
    ['ak_', 'API key not found'],
    ['oat_', 'OAuth token not found'],
  ] as const)('reports an unknown %s token as token-invalid with status 404', async (prefix, message) => {
    const { error } = await failure(`${prefix}${hex()}`, base());
    expect(error.code).toBe('token-invalid');
    expect(error.status).toBe(404);
    expect(error.getFullMessage()).toBe(`${message} (code=token-invalid, status=404)`);
  });

  it('reports a malformed opaque token the Backend API does not know as token-invalid', async () => {
    const { error } = await failure('ak_ not hex \u0000', base());
    expect(error.code).toBe('token-invalid');
  });

  it('maps 401 to secret-key-invalid with the first error message, else `Invalid secret key`', async () => {
    const { token } = issue('ak_', 'valid');
    const wrongKey = await failure(token, { ...base(), secretKey: 'sk_test_wrong' });
    expect(wrongKey.error.code).toBe('secret-key-invalid');
    expect(wrongKey.error.status).toBe(401);
    expect(wrongKey.error.message).toBe('The provided Clerk Secret Key is invalid.');
    const bare = issue('ak_', { status: 401 });
    const empty = await failure(bare.token, base());
    expect(empty.error.getFullMessage()).toBe('Invalid secret key (code=secret-key-invalid, status=401)');
  });

  it.each([500, 502, 503, 429, 400])('maps status %i to unexpected-error', async status => {
    const { token } = issue('mt_', { status, body: { errors: [{ code: 'x', message: 'down' }] } });
    const { error } = await failure(token, base());
    expect(error.getFullMessage()).toBe(`Unexpected error (code=unexpected-error, status=${status})`);
  });

  it('maps a network error and a non-JSON 200 to unexpected-error', async () => {
    const closed = await startMachineApi();
    await closed.close();
    const { error } = await failure(`mt_${hex()}`, { ...base(), apiUrl: closed.url });
    expect(error.getFullMessage()).toBe('Unexpected error (code=unexpected-error, status=n/a)');
    const { token } = issue('ak_', { status: 200, body: 'not an object' });
    expect((await failure(token, base())).error.code).toBe('unexpected-error');
  });

  it('gives up after the timeout when the Backend API never answers', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const { error } = await failure(`mt_${hex()}`, {
        ...base(),
        apiUrl: `http://127.0.0.1:${port}`,
        machineTokenFetchTimeoutInMs: 50,
      });
      expect(error.code).toBe('unexpected-error');
    } finally {
      silent.closeAllConnections();
      await new Promise(resolve => silent.close(resolve));
    }
  });
});

describe('machineSecretKey versus secretKey (5.2)', () => {
  it('M2M: the machine key wins over the secret key', async () => {
    const { token } = issue('mt_', 'valid');
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, { ...base(), machineSecretKey: MACHINE_SECRET });
    expect(result.errors).toBeUndefined();
    expect(since(mark)[0]!.headers.authorization).toBe(`Bearer ${MACHINE_SECRET}`);
  });

  it('M2M: the machine key alone is enough, also from CLERK_MACHINE_SECRET_KEY', async () => {
    const { token } = issue('mt_', 'valid');
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, {
      apiUrl: api.url,
      env: { CLERK_MACHINE_SECRET_KEY: MACHINE_SECRET },
    });
    expect(result.errors).toBeUndefined();
    expect(since(mark)[0]!.headers.authorization).toBe(`Bearer ${MACHINE_SECRET}`);
  });

  it('M2M: with neither key the call goes out without Authorization and the 401 is reported', async () => {
    const { token } = issue('mt_', 'valid');
    const mark = api.requests.length;
    const { error } = await failure(token, { apiUrl: api.url, env: {} });
    expect(since(mark)[0]!.headers.authorization).toBeUndefined();
    expect(error.code).toBe('secret-key-invalid');
  });

  it('API keys and OAuth tokens never use the machine key: without a secret key no request is made', async () => {
    for (const prefix of ['ak_', 'oat_'] as const) {
      const { token } = issue(prefix, 'valid');
      const mark = api.requests.length;
      const { error } = await failure(token, { apiUrl: api.url, machineSecretKey: MACHINE_SECRET, env: {} });
      expect(error.code).toBe('secret-key-invalid');
      expect(since(mark)).toHaveLength(0);
      const mixed = await verifyMachineAuthToken(token, { ...base(), machineSecretKey: MACHINE_SECRET });
      expect(mixed.errors).toBeUndefined();
      expect(since(mark)[0]!.headers.authorization).toBe(`Bearer ${INSTANCE_SECRET}`);
    }
  });
});

describe('the verified-result cache for opaque tokens', () => {
  it('answers a repeated token from the cache within the TTL, then asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token } = issue('ak_', 'valid');
    const mark = api.requests.length;
    const first = await verifyMachineAuthToken(token, base());
    const second = await verifyMachineAuthToken(token, base());
    expect(second.data).toEqual(first.data);
    expect(since(mark)).toHaveLength(1);
    vi.setSystemTime(Date.now() + 10_001);
    await verifyMachineAuthToken(token, base());
    expect(since(mark)).toHaveLength(2);
  });

  it('sees a revocation once the TTL has passed, and never caches the rejection', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token } = issue('mt_', 'valid');
    const options = { ...base(), machineTokenCacheTtlInMs: 2000 };
    expect((await verifyMachineAuthToken(token, options)).errors).toBeUndefined();
    const body = api.answers.get(token)!.body as object;
    api.answers.set(token, { status: 200, body: { ...body, revoked: true } });
    expect((await verifyMachineAuthToken(token, options)).errors).toBeUndefined(); // still within the TTL
    vi.setSystemTime(Date.now() + 2001);
    const mark = api.requests.length;
    expect((await failure(token, options)).error.message).toBe('Machine token has been revoked');
    expect((await failure(token, options)).error.code).toBe('token-invalid');
    expect(since(mark)).toHaveLength(2);
  });

  it('never caches failures: 404, 401 and 5xx ask every time', async () => {
    const unknown = `oat_${hex()}`;
    const broken = issue('oat_', { status: 503 });
    const mark = api.requests.length;
    for (let i = 0; i < 2; i++) {
      await failure(unknown, base());
      await failure(broken.token, base());
      await failure(broken.token, { ...base(), secretKey: 'sk_test_wrong' });
    }
    expect(since(mark)).toHaveLength(6);
  });

  it('never serves an entry past the token expiration, even within the TTL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token } = issue('mt_', 'valid');
    const body = api.answers.get(token)!.body as object;
    api.answers.set(token, { status: 200, body: { ...body, expiration: Date.now() + 1000 } });
    const mark = api.requests.length;
    await verifyMachineAuthToken(token, { ...base(), clockSkewInMs: 0 });
    vi.setSystemTime(Date.now() + 1001);
    const { error } = await failure(token, { ...base(), clockSkewInMs: 0 });
    expect(error.message).toBe('Machine token has expired');
    expect(since(mark)).toHaveLength(2);
  });

  it('keeps entries apart per secret key and per Backend API', async () => {
    const other = await startMachineApi();
    try {
      const { token } = issue('mt_', 'valid');
      other.answers.set(token, api.answers.get(token)!);
      const mark = api.requests.length;
      await verifyMachineAuthToken(token, base());
      await verifyMachineAuthToken(token, { ...base(), machineSecretKey: MACHINE_SECRET });
      expect(since(mark)).toHaveLength(2);
      // A wrong key must not ride on the entry the right key made.
      expect((await failure(token, { ...base(), secretKey: 'sk_test_wrong' })).error.code).toBe(
        'secret-key-invalid',
      );
      await verifyMachineAuthToken(token, { ...base(), apiUrl: other.url });
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('lets concurrent requests with the same token share one Backend API call, failures included', async () => {
    const { token } = issue('mt_', 'valid');
    const mark = api.requests.length;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyMachineAuthToken(token, base())),
    );
    expect(results.every(result => result.data?.subject === 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk')).toBe(true);
    expect(since(mark)).toHaveLength(1);
    const broken = issue('ak_', { status: 502 });
    const failures = await Promise.all(Array.from({ length: 5 }, () => failure(broken.token, base())));
    expect(failures.every(({ error }) => error.status === 502)).toBe(true);
    expect(since(mark)).toHaveLength(2);
    await failure(broken.token, base());
    expect(since(mark)).toHaveLength(3);
    const uncached = issue('ak_', 'valid');
    await Promise.all(
      [0, 1, 2].map(() => verifyMachineAuthToken(uncached.token, { ...base(), machineTokenCacheTtlInMs: 0 })),
    );
    expect(since(mark)).toHaveLength(6);
  });

  it('is off with machineTokenCacheTtlInMs: 0', async () => {
    const { token } = issue('ak_', 'valid');
    const mark = api.requests.length;
    await verifyMachineAuthToken(token, { ...base(), machineTokenCacheTtlInMs: 0 });
    await verifyMachineAuthToken(token, { ...base(), machineTokenCacheTtlInMs: 0 });
    expect(since(mark)).toHaveLength(2);
  });

  it('hands out data nobody can change for the next caller', async () => {
    const { token } = issue('ak_', 'valid');
    const first = await verifyMachineAuthToken(token, base());
    expect(() => {
      (first.data!.scopes as string[]).push('admin');
    }).toThrow(TypeError);
    const second = await verifyMachineAuthToken(token, base());
    expect(second.data!.scopes).toEqual(['read']);
  });
});
