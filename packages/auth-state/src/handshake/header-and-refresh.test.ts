// The header flow, refresh with `__refresh_<suffix>` (current-clerk.md 3.9), the JWKS path through the
// Backend API stand-in, the configuration checks of 3.6 and the redirect helper, against 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  browserRequest,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  SID,
  sessionToken,
} from '../../test/current-fixtures';
import { type HandshakeServer, startHandshakeServer } from '../../test/handshake-server';
import { instanceKey, nowSeconds } from '../../test/keys';
import {
  authenticateRequest,
  type CurrentAuthenticateOptions,
  createAuthenticateRequest,
  redirectResponseFor,
} from '../index';

let server: HandshakeServer;
beforeAll(async () => {
  server = await startHandshakeServer();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const now = nowSeconds();
const APP = 'https://app.example.com/dashboard';
const prod = (extra: CurrentAuthenticateOptions = {}): CurrentAuthenticateOptions => ({
  publishableKey: PROD_PK,
  secretKey: PROD_SK,
  apiUrl: server.url,
  env: {},
  skipJwksCache: true,
  ...extra,
});

describe('the Authorization header', () => {
  it('signed in by a Bearer token, the key from the JWKS of the Backend API (secret key)', async () => {
    const token = sessionToken(PROD_FAPI);
    const before = server.calls.length;
    const state = await authenticateRequest(
      new Request(APP, { headers: { authorization: `Bearer ${token}` } }),
      prod(),
    );
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(token);
    const jwks = server.calls.slice(before).find(call => call.url === '/v1/jwks');
    expect(jwks?.headers.authorization).toBe(`Bearer ${PROD_SK}`);
  });

  it('the scheme is matched in any letter case; another scheme is no token', async () => {
    const token = sessionToken(PROD_FAPI);
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const state = await authenticateRequest(
        new Request(APP, { headers: { authorization: `${scheme} ${token}` } }),
        prod(),
      );
      expect(state.status).toBe('signed-in');
    }
    const basic = await authenticateRequest(
      new Request(APP, { headers: { authorization: `Basic ${token}` } }),
      prod(),
    );
    expect(basic.status).toBe('signed-out');
    expect(basic.reason).toBe('session-token-and-uat-missing');
    const bare = await authenticateRequest(new Request(APP, { headers: { authorization: token } }), prod());
    expect(bare.status).toBe('signed-in');
  });

  it('an expired header token from an API call: signed out with the handshake reason and full message', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      new Request(APP, { headers: { authorization: `Bearer ${expired}` } }),
      prod(),
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(state.message).toMatch(/\(reason=token-expired, token-carrier=header\)$/);
    expect(state.headers.get('x-clerk-auth-message')).toBe(state.message);
  });

  it('a machine token under the default acceptsToken: token-type-mismatch', async () => {
    const state = await authenticateRequest(
      new Request(APP, { headers: { authorization: 'Bearer ak_123' } }),
      prod(),
    );
    expect(state.reason).toBe('token-type-mismatch');
    expect(state.tokenType).toBe('session_token');
  });
});

describe('refresh with __refresh_<suffix>', () => {
  const expiredCookies = (expired: string) => ({
    [`__session_${PROD_SUFFIX}`]: expired,
    [`__client_uat_${PROD_SUFFIX}`]: String(now - 3600),
    [`__refresh_${PROD_SUFFIX}`]: 'refresh-token-1',
  });
  beforeEach(() => {
    server.refresh = { status: 500, body: { errors: [{ code: 'unexpected_error', message: 'x' }] } };
  });

  it('POSTs the refresh and answers signed-in with the new cookies', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const fresh = sessionToken(PROD_FAPI);
    server.refresh = {
      status: 200,
      body: { object: 'cookies', cookies: [`__session_${PROD_SUFFIX}=${fresh}; Path=/`] },
    };
    const before = server.calls.length;
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: expiredCookies(expired), headers: { 'x-custom': 'v' } }),
      prod({ clerkApiVersion: '2025-11-10' }),
    );
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(fresh);
    expect(state.headers.getSetCookie()).toEqual([`__session_${PROD_SUFFIX}=${fresh}; Path=/`]);
    const call = server.calls.slice(before).find(entry => entry.url.includes('/refresh'));
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(`/v1/sessions/${SID}/refresh?suffixed_cookies=true`);
    expect(call?.headers['clerk-api-version']).toBe('2025-11-10');
    expect(call?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(call?.body ?? '{}');
    expect(body).toMatchObject({
      format: 'cookie',
      expired_token: expired,
      refresh_token: 'refresh-token-1',
      request_origin: 'https://app.example.com',
    });
    expect(body.request_headers['x-custom']).toEqual(['v']);
  });

  it.each([
    [{ status: 500, body: { errors: [{ code: 'unexpected_error', message: 'x' }] } }, 'fetch-error'],
    [
      { status: 401, body: { errors: [{ code: 'refresh_token_invalid', message: 'x' }] } },
      'refresh_token_invalid',
    ],
    [{ status: 502, body: 'Bad gateway' }, 'unexpected-bapi-error'],
    [
      { status: 200, body: { object: 'cookies', cookies: ['__session=garbage; Path=/'] } },
      'invalid-session-token',
    ],
  ])('a failed refresh (%j) becomes session-token-expired-refresh-%s', async (answer, label) => {
    server.refresh = answer;
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: expiredCookies(expired) }),
      prod(),
    );
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe(`session-token-expired-refresh-${label}`);
  });

  it('a Backend API that cannot be reached: fetch-error', async () => {
    const closed = await startHandshakeServer();
    await closed.close();
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: expiredCookies(expired) }),
      prod({ apiUrl: closed.url, jwtKey: instanceKey.publicPem }),
    );
    expect(state.reason).toBe('session-token-expired-refresh-fetch-error');
  });

  it('an expired token without sid: expired-session-token-missing-sid-claim, no request', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600, sid: undefined });
    const before = server.calls.filter(call => call.url.includes('/refresh')).length;
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: expiredCookies(expired) }),
      prod(),
    );
    expect(state.reason).toBe('session-token-expired-refresh-expired-session-token-missing-sid-claim');
    expect(server.calls.filter(call => call.url.includes('/refresh')).length).toBe(before);
  });

  it('the unsuffixed __refresh cookie is never read', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      browserRequest(APP, {
        cookies: { __session: expired, __client_uat: String(now - 3600), __refresh: 'r' },
      }),
      prod(),
    );
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
  });
});

describe('configuration errors reject (3.6)', () => {
  it('missing secret key', async () => {
    await expect(authenticateRequest(new Request(APP), { publishableKey: PROD_PK, env: {} })).rejects.toThrow(
      'Missing Clerk Secret Key. Go to https://dashboard.clerk.com and get your key for your instance.',
    );
  });

  it('satellite checks keep the 0.x messages', async () => {
    const satellite = {
      ...prod(),
      isSatellite: true,
      secretKey: 'sk_test_x',
      publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k',
    };
    await expect(authenticateRequest(new Request(APP), satellite)).rejects.toThrow(
      'Missing signInUrl. Pass a signInUrl for dev instances if an app is satellite',
    );
    await expect(
      authenticateRequest(new Request(APP, { headers: { origin: 'https://app.example.com' } }), {
        ...satellite,
        signInUrl: 'https://app.example.com/sign-in',
      }),
    ).rejects.toThrow('The signInUrl needs to be on a different origin than your satellite application.');
    await expect(
      authenticateRequest(new Request(APP), { ...satellite, signInUrl: 'https://p.dev/sign-in' }),
    ).rejects.toThrow(
      'Missing domain and proxyUrl. A satellite application needs to specify a domain or a proxyUrl',
    );
  });

  it('acceptsToken m2m_token needs a machine secret key or a secret key, and no publishable key', async () => {
    await expect(
      authenticateRequest(new Request(APP), { acceptsToken: 'm2m_token', env: {} }),
    ).rejects.toThrow(
      'Machine token authentication requires either a Machine secret key or a Clerk secret key. Ensure a Clerk secret key or Machine secret key is set.',
    );
    const state = await authenticateRequest(new Request(APP), {
      acceptsToken: 'm2m_token',
      machineSecretKey: 'msk_machine',
      env: {},
    });
    expect(state.reason).toBe('No token in header');
  });
});

describe('the Frontend API URL (3.3)', () => {
  const handshakeBase = async (options: CurrentAuthenticateOptions, url = APP) => {
    const state = await authenticateRequest(
      browserRequest(url, { cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) } }),
      prod(options),
    );
    const location = new URL(state.headers.get('location') as string);
    return { base: `${location.origin}${location.pathname}`, state };
  };

  it('a relative proxyUrl is prefixed with the forwarded origin', async () => {
    const state = await authenticateRequest(
      browserRequest('http://10.0.0.1:3000/dashboard', {
        cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) },
        headers: { 'x-forwarded-proto': 'https,http', 'x-forwarded-host': 'app.example.com, internal' },
      }),
      prod({ proxyUrl: '/clerk-proxy/' }),
    );
    const location = new URL(state.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(
      'https://app.example.com/clerk-proxy/v1/client/handshake',
    );
    expect(location.searchParams.get('redirect_url')).toBe('https://app.example.com/dashboard');
    expect(state.proxyUrl).toBe('https://app.example.com/clerk-proxy/');
  });

  it('an absolute proxyUrl keeps its scheme and path', async () => {
    expect((await handshakeBase({ proxyUrl: 'https://proxy.example.net/p' })).base).toBe(
      'https://proxy.example.net/p/v1/client/handshake',
    );
  });

  it('auto-proxy on a Vercel production deployment, unless disabled or configured', async () => {
    const vercel = { VERCEL_TARGET_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'my-app.vercel.app' };
    const auto = await handshakeBase({ env: vercel });
    expect(auto.base).toBe('https://app.example.com/__clerk/v1/client/handshake');
    expect(auto.state.proxyUrl).toBe('https://app.example.com/__clerk');
    expect((await handshakeBase({ env: { ...vercel, CLERK_DISABLE_AUTO_PROXY: 'true' } })).base).toBe(
      'https://clerk.example.com/v1/client/handshake',
    );
    expect(
      (await handshakeBase({ env: { ...vercel, VERCEL_PROJECT_PRODUCTION_URL: 'example.com' } })).base,
    ).toBe('https://clerk.example.com/v1/client/handshake');
    expect((await handshakeBase({ env: vercel, domain: 'example.com' })).base).toBe(
      'https://clerk.example.com/v1/client/handshake',
    );
  });
});

describe('redirectResponseFor', () => {
  it('turns a handshake state into a 307 with every header, set-cookie lines included', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) } }),
      prod(),
    );
    const response = redirectResponseFor(state);
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toBe(state.headers.get('location'));
    expect(response?.headers.get('cache-control')).toBe('no-store');
    expect(response?.headers.getSetCookie()).toEqual(state.headers.getSetCookie());
    expect(response?.headers.get('x-clerk-auth-status')).toBe('handshake');
  });

  it('gives null for a state without location', async () => {
    const state = await authenticateRequest(new Request(APP), prod());
    expect(redirectResponseFor(state)).toBeNull();
  });
});

describe('createAuthenticateRequest: both forms on one instance', () => {
  it('the current form merges build-time options; the 0.x form is untouched', async () => {
    const { authenticateRequest: authenticate } = createAuthenticateRequest({
      options: { secretKey: PROD_SK, publishableKey: PROD_PK, jwtKey: instanceKey.publicPem, env: {} },
    });
    const token = sessionToken(PROD_FAPI);
    const current = await authenticate(new Request(APP, { headers: { authorization: `Bearer ${token}` } }));
    expect(current.status).toBe('signed-in');
    expect(current.isAuthenticated).toBe(true);
    expect(current.headers).toBeInstanceOf(Headers);
    const legacy = await authenticate({ headerToken: token });
    // 0.x checks the issuer: `https://clerk.example.com` is a Clerk frontend API host, so it signs in too,
    // and the 0.x state has no `headers`.
    expect(legacy.status).toBe('signed-in');
    expect('headers' in legacy).toBe(false);
    expect('isInterstitial' in legacy).toBe(true);
  });
});
