// `acceptsToken` with real machine verification (current-clerk.md 5.4, 5.5): opaque tokens through the
// Backend API stand-in on 127.0.0.1 (it checks the Authorization header and counts requests), machine JWTs
// networkless, machine tokens never read from cookies, and the 0.x form unchanged.
import { signJwt } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequest, PROD_PK, PROD_SUFFIX } from '../../test/current-fixtures';
import { instanceKey, nowSeconds } from '../../test/keys';
import { INSTANCE_SECRET, MACHINE_SECRET, type MachineApi, startMachineApi } from '../../test/machine-api';
import { authenticateRequest, type CurrentAuthenticateOptions, createAuthenticateRequest } from '../index';

let api: MachineApi;
beforeAll(async () => {
  api = await startMachineApi();
});
afterAll(() => api.close());

const APP = 'https://app.example.com/api/reports';
const MACHINE = 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk';
const USER = 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk';
const ORG = 'org_2xhFjEI5X2qWRvtV13BzSj8H6Dk';
const now = Date.now();

let counter = 0;
const unique = (prefix: string) => `${prefix}${(++counter).toString(16).padStart(32, '0')}`;
const bearer = (token: string, init: RequestInit = {}) =>
  new Request(APP, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
const options = (acceptsToken: CurrentAuthenticateOptions['acceptsToken']): CurrentAuthenticateOptions => ({
  publishableKey: PROD_PK,
  secretKey: INSTANCE_SECRET,
  apiUrl: api.url,
  env: {},
  acceptsToken,
});
const since = (mark: number) => api.requests.slice(mark);

const times = {
  revoked: false,
  revocation_reason: null,
  expired: false,
  created_at: now - 1000,
  updated_at: now,
};
function apiKey(): string {
  const token = unique('ak_');
  api.answers.set(token, {
    status: 200,
    body: {
      object: 'api_key',
      id: unique('ak_id_'),
      type: 'api_key',
      subject: ORG,
      name: 'BILLING_EXPORT',
      claims: { tier: 'gold' },
      scopes: ['read'],
      expiration: null,
      created_by: USER,
      description: null,
      last_used_at: null,
      ...times,
    },
  });
  return token;
}
function m2mToken(): string {
  const token = unique('mt_');
  api.answers.set(token, {
    status: 200,
    body: {
      object: 'machine_to_machine_token',
      id: token,
      subject: MACHINE,
      claims: { region: 'eu' },
      scopes: ['mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em'],
      expiration: now + 3_600_000,
      ...times,
    },
  });
  return token;
}
function oauthToken(): string {
  const token = unique('oat_');
  api.answers.set(token, {
    status: 200,
    body: {
      object: 'clerk_idp_oauth_access_token',
      id: unique('oat_id_'),
      type: 'oauth_token',
      client_id: 'client_abc',
      subject: USER,
      scopes: ['email', 'profile'],
      expiration: now + 3_600_000,
      ...times,
    },
  });
  return token;
}
const m2mJwt = (extra: Record<string, unknown> = {}) => {
  const iat = nowSeconds();
  return signJwt(
    {
      iss: 'https://clerk.example.com',
      sub: MACHINE,
      jti: 'mt_jwt_1',
      iat,
      exp: iat + 600,
      region: 'eu',
      ...extra,
    },
    instanceKey.privatePem,
    { algorithm: 'RS256', header: { kid: instanceKey.kid, typ: 'JWT' } },
  );
};
const oauthJwt = () => {
  const iat = nowSeconds();
  return signJwt(
    {
      iss: 'https://clerk.example.com',
      sub: USER,
      client_id: 'client_abc',
      scope: 'email profile',
      iat,
      exp: iat + 600,
    },
    instanceKey.privatePem,
    { algorithm: 'RS256', header: { kid: instanceKey.kid, typ: 'at+jwt' } },
  );
};

describe('acceptsToken: each machine type verified by the Backend API (5.2, 5.4, 5.5)', () => {
  it('api_key: signed in with the API key auth object; the secret key authorizes the call', async () => {
    const token = apiKey();
    const mark = api.requests.length;
    const state = await authenticateRequest(bearer(token), options('api_key'));
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'api_key', token, isAuthenticated: true });
    expect(since(mark)).toHaveLength(1);
    expect(since(mark)[0]).toMatchObject({
      method: 'POST',
      path: '/api_keys/verify',
      body: { secret: token },
    });
    expect(since(mark)[0]!.headers.authorization).toBe(`Bearer ${INSTANCE_SECRET}`);
    const auth = state.toAuth() as unknown as Record<string, unknown> & { getToken(): Promise<string> };
    expect(auth).toMatchObject({
      tokenType: 'api_key',
      isAuthenticated: true,
      subject: ORG,
      name: 'BILLING_EXPORT',
      claims: { tier: 'gold' },
      scopes: ['read'],
      userId: null,
      orgId: ORG,
    });
    expect(await auth.getToken()).toBe(token);
    expect((auth.has as () => boolean)()).toBe(false);
  });

  it('m2m_token: the machine secret key wins, no publishable key or secret key needed', async () => {
    const token = m2mToken();
    const mark = api.requests.length;
    const state = await authenticateRequest(bearer(token), {
      machineSecretKey: MACHINE_SECRET,
      apiUrl: api.url,
      env: {},
      acceptsToken: 'm2m_token',
    });
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'm2m_token' });
    expect(since(mark).map(request => [request.path, request.headers.authorization])).toEqual([
      ['/m2m_tokens/verify', `Bearer ${MACHINE_SECRET}`],
    ]);
    expect(state.toAuth()).toMatchObject({
      tokenType: 'm2m_token',
      id: token,
      subject: MACHINE,
      machineId: MACHINE,
      claims: { region: 'eu' },
    });
  });

  it('oauth_token: signed in with userId and clientId', async () => {
    const token = oauthToken();
    const state = await authenticateRequest(bearer(token), options('oauth_token'));
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'oauth_token' });
    expect(state.toAuth()).toMatchObject({
      tokenType: 'oauth_token',
      userId: USER,
      clientId: 'client_abc',
      scopes: ['email', 'profile'],
    });
  });

  it('any and a list that names the type verify the machine token', async () => {
    for (const accepted of ['any', ['session_token', 'api_key']] as const) {
      const token = apiKey();
      const state = await authenticateRequest(bearer(token), options(accepted as never));
      expect(state).toMatchObject({ status: 'signed-in', tokenType: 'api_key', token });
    }
  });

  it('the opaque cache: a second request with the same token makes no Backend API call', async () => {
    const token = oauthToken();
    const mark = api.requests.length;
    for (let i = 0; i < 3; i++) {
      expect((await authenticateRequest(bearer(token), options('oauth_token'))).status).toBe('signed-in');
    }
    expect(since(mark)).toHaveLength(1);
  });

  it('rejections: revoked (fails closed), unknown (404), bad secret key (401), each with its code and type', async () => {
    const revoked = unique('ak_');
    api.answers.set(revoked, {
      status: 200,
      body: { id: 'ak_id', subject: USER, name: 'x', ...times, revoked: true, expiration: null },
    });
    const state = await authenticateRequest(bearer(revoked), options(['api_key']));
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'token-invalid',
      message: 'API key has been revoked (code=token-invalid, status=n/a)',
      tokenType: 'api_key',
    });
    expect(state.headers.get('x-clerk-auth-reason')).toBe('token-invalid');
    expect(state.toAuth()).toMatchObject({
      tokenType: 'api_key',
      isAuthenticated: false,
      id: null,
      name: null,
    });

    const unknown = await authenticateRequest(bearer('mt_unknown'), options('m2m_token'));
    expect(unknown).toMatchObject({
      reason: 'token-invalid',
      message: 'Machine token not found (code=token-invalid, status=404)',
      tokenType: 'm2m_token',
    });
    const badKey = await authenticateRequest(bearer(oauthToken()), {
      ...options('any'),
      secretKey: 'sk_live_wrong',
    });
    expect(badKey).toMatchObject({
      status: 'signed-out',
      reason: 'secret-key-invalid',
      message: 'The provided Clerk Secret Key is invalid. (code=secret-key-invalid, status=401)',
      tokenType: 'oauth_token',
    });
  });

  it('a factory instance passes its build-time keys and API URL to machine verification', async () => {
    const clerk = createAuthenticateRequest({
      options: { secretKey: INSTANCE_SECRET, publishableKey: PROD_PK, apiUrl: api.url, env: {} },
    });
    const token = apiKey();
    const mark = api.requests.length;
    const state = await clerk.authenticateRequest(bearer(token), { acceptsToken: 'api_key' });
    expect(state.status).toBe('signed-in');
    expect(since(mark).map(request => request.path)).toEqual(['/api_keys/verify']);
  });
});

describe('machine JWTs are networkless (5.2)', () => {
  it('an M2M JWT with jwtKey: signed in, zero requests, for m2m_token, any and a list', async () => {
    const token = await m2mJwt();
    const mark = api.requests.length;
    for (const accepted of ['m2m_token', 'any', ['m2m_token']] as const) {
      const state = await authenticateRequest(bearer(token), {
        ...options(accepted as never),
        jwtKey: instanceKey.publicPem,
      });
      expect(state).toMatchObject({ status: 'signed-in', tokenType: 'm2m_token' });
      expect(state.toAuth()).toMatchObject({ id: 'mt_jwt_1', machineId: MACHINE, claims: { region: 'eu' } });
    }
    expect(since(mark)).toEqual([]);
  });

  it('an OAuth JWT with jwtKey: signed in, zero requests', async () => {
    const token = await oauthJwt();
    const mark = api.requests.length;
    const state = await authenticateRequest(bearer(token), {
      ...options('oauth_token'),
      jwtKey: instanceKey.publicPem,
    });
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'oauth_token' });
    expect(state.toAuth()).toMatchObject({
      userId: USER,
      clientId: 'client_abc',
      scopes: ['email', 'profile'],
    });
    expect(since(mark)).toEqual([]);
  });

  it('an expired M2M JWT is signed out with token-verification-failed', async () => {
    const past = nowSeconds() - 3600;
    const token = await m2mJwt({ iat: past, exp: past + 60 });
    const state = await authenticateRequest(bearer(token), {
      ...options('m2m_token'),
      jwtKey: instanceKey.publicPem,
    });
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'token-verification-failed',
      tokenType: 'm2m_token',
    });
  });

  it('an M2M JWT as a session token (the default) is a token-type-mismatch, never verified', async () => {
    const state = await authenticateRequest(bearer(await m2mJwt()), {
      ...options(undefined),
      jwtKey: instanceKey.publicPem,
    });
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      tokenType: 'session_token',
    });
  });
});

describe('machine tokens are never read from cookies (5.4)', () => {
  const cookieRequest = (token: string) =>
    browserRequest(APP, {
      cookies: { [`__session_${PROD_SUFFIX}`]: token, [`__client_uat_${PROD_SUFFIX}`]: String(nowSeconds()) },
    });

  it('with any, an opaque machine token in __session is an undecodable session token, no Backend API call', async () => {
    const token = apiKey();
    const mark = api.requests.length;
    const state = await authenticateRequest(cookieRequest(token), options('any'));
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'token-invalid',
      tokenType: 'session_token',
    });
    expect(since(mark)).toEqual([]);
  });

  it('with any, an M2M JWT in __session is a token-type-mismatch (rule 12)', async () => {
    const state = await authenticateRequest(cookieRequest(await m2mJwt()), {
      ...options('any'),
      jwtKey: instanceKey.publicPem,
    });
    expect(state).toMatchObject({ status: 'signed-out', reason: 'token-type-mismatch' });
  });

  it('with a machine type and only a cookie: No token in header', async () => {
    const state = await authenticateRequest(cookieRequest(apiKey()), options('api_key'));
    expect(state).toMatchObject({ status: 'signed-out', reason: 'No token in header', tokenType: 'api_key' });
  });
});

describe('the current form defaults to the current Backend API (8.1)', () => {
  it('standalone and factory states report https://api.clerk.com unless an API URL is given', async () => {
    const request = bearer('ak_never_sent');
    const standalone = await authenticateRequest(request, {
      secretKey: INSTANCE_SECRET,
      publishableKey: PROD_PK,
      env: {},
      acceptsToken: 'session_token',
    });
    const factory = await createAuthenticateRequest({
      options: { secretKey: INSTANCE_SECRET, publishableKey: PROD_PK, env: {} },
    }).authenticateRequest(request, { acceptsToken: 'session_token' });
    for (const state of [standalone, factory]) {
      expect(state.reason).toBe('token-type-mismatch');
      const debug = (state.toAuth() as { debug(): Record<string, unknown> }).debug();
      expect(debug.apiUrl).toBe('https://api.clerk.com');
    }
    const fromEnv = await authenticateRequest(request, {
      secretKey: INSTANCE_SECRET,
      publishableKey: PROD_PK,
      env: { CLERK_API_URL: api.url },
    });
    expect((fromEnv.toAuth() as { debug(): Record<string, unknown> }).debug().apiUrl).toBe(api.url);
  });
});

describe('the 0.x form: a machine token is just an invalid session token', () => {
  it('an API key in the header is signed out token-invalid, with no Backend API call', async () => {
    const token = apiKey();
    const mark = api.requests.length;
    const state = await authenticateRequest({
      request: bearer(token),
      secretKey: INSTANCE_SECRET,
      publishableKey: PROD_PK,
      apiUrl: api.url,
      env: {},
    });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token-invalid');
    expect(state.message).toMatch(/^Invalid JWT form\. A JWT consists of three parts separated by dots\./);
    expect(state).not.toHaveProperty('tokenType');
    expect(since(mark)).toEqual([]);
  });

  it('acceptsToken is not a 0.x option: an M2M token still goes the session-token way', async () => {
    const token = m2mToken();
    const mark = api.requests.length;
    const state = await authenticateRequest({
      request: bearer(token),
      secretKey: INSTANCE_SECRET,
      publishableKey: PROD_PK,
      apiUrl: api.url,
      env: {},
      ...({ acceptsToken: 'any' } as object),
    });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token-invalid');
    expect(since(mark)).toEqual([]);
  });
});
