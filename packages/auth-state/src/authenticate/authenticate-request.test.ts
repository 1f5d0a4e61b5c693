// The reference's test catalogue (section 14) and worked outcomes (7.15), as one table over real signed
// tokens, a JWKS and a Backend API served on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiClient } from '../../test/api-client';
import {
  type BackendServer,
  EMPTY_JWKS_SECRET,
  MISSING_SESSION_ID,
  startBackendServer,
} from '../../test/backend-server';
import {
  foreignKey,
  instanceKey,
  nowSeconds,
  SESSION_ID,
  sessionClaims,
  signToken,
  tamperPayload,
  USER_ID,
} from '../../test/keys';
import {
  type AuthenticateRequestOptions,
  authenticateRequest,
  debugRequestState,
  type RequestState,
} from '../index';

let server: BackendServer;

interface Tokens {
  valid: string;
  validIat: number;
  expired: string;
  notYetValid: string;
  evilIssuer: string;
  exampleIssuer: string;
  noIssuer: string;
  noSubject: string;
  forged: string;
  tampered: string;
  proxyIssued: string;
  withOrg: string;
  machineCategory: string;
  payloadCategory: string;
}

const tokens = {} as Tokens;
const PROXY_PATH = '/__clerk';

const DEV = 'sk_test_deadbeef';
const PROD = 'sk_live_deadbeef';
const BROWSER = 'Mozilla/TestAgent';

beforeAll(async () => {
  server = await startBackendServer();
  const now = nowSeconds();
  tokens.valid = await signToken();
  tokens.validIat = now;
  tokens.expired = await signToken(sessionClaims({ exp: now - 3600, nbf: now - 7200 }));
  tokens.notYetValid = await signToken(sessionClaims({ nbf: now + 3600 }));
  tokens.evilIssuer = await signToken(sessionClaims({ iss: 'https://evil.com' }));
  tokens.exampleIssuer = await signToken(sessionClaims({ iss: 'https://clerk.example.com' }));
  tokens.noIssuer = await signToken(sessionClaims({ iss: undefined }));
  tokens.noSubject = await signToken(sessionClaims({ sub: undefined }));
  tokens.forged = await signToken(sessionClaims(), foreignKey);
  // Signed by the instance key, but of the machine category (header `cat`, current-clerk.md 1.1 and 1.6): never a
  // session token. A `cat` claim in the payload is no category.
  tokens.machineCategory = await signToken(sessionClaims(), instanceKey, { cat: 'cl_B7d4PD333AAA' });
  tokens.payloadCategory = await signToken(sessionClaims({ cat: 'cl_B7d4PD333AAA' }));
  tokens.tampered = tamperPayload(tokens.valid, { sub: 'user_someone_else' });
  tokens.proxyIssued = await signToken(sessionClaims({ iss: `${server.url}${PROXY_PATH}` }));
  tokens.withOrg = await signToken(
    sessionClaims({ org_id: 'org_1', org_role: 'admin', org_slug: 'acme', org_permissions: ['org:a:b'] }),
  );
});

afterAll(() => server.close());

/** The catalogue's defaults: a key that is neither dev nor prod, a browser, a plain host. */
function defaults(): AuthenticateRequestOptions {
  return {
    apiKey: 'deadbeef',
    apiUrl: server.url,
    host: 'example.com',
    userAgent: BROWSER,
    frontendApi: 'cafe.babe.clerk.ts',
    signInUrl: '',
    signUpUrl: '',
    afterSignInUrl: '',
    afterSignUpUrl: '',
    searchParams: new URLSearchParams(),
    env: {},
  };
}

type MessageCheck = string | RegExp | ((t: Tokens) => string);

interface Scenario {
  name: string;
  options: (t: Tokens) => AuthenticateRequestOptions;
  status: `${RequestState['status']}`;
  reason: string | null;
  message?: MessageCheck;
}

const signedIn = { status: 'signed-in', reason: null } as const;
const out = (reason: string, message?: MessageCheck) => ({ status: 'signed-out' as const, reason, message });
const inter = (reason: string, message?: MessageCheck) => ({
  status: 'interstitial' as const,
  reason,
  message,
});
const uatBefore = (t: Tokens) => String(t.validIat - 10);

const catalogue: Scenario[] = [
  {
    name: 'JWKS without keys, header token',
    options: t => ({ secretKey: EMPTY_JWKS_SECRET, headerToken: t.valid }),
    ...out(
      'jwk-remote-failed-to-load',
      'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com. Contact support@clerk.com (reason=jwk-remote-failed-to-load, token-carrier=header)',
    ),
  },
  { name: 'valid header token', options: t => ({ headerToken: t.valid }), ...signedIn },
  {
    name: 'header token, azp not authorized',
    options: t => ({ headerToken: t.valid, authorizedParties: ['whatever'] }),
    ...out(
      'token-invalid-authorized-parties',
      'Invalid JWT Authorized party claim (azp) "https://accounts.inspired.puma-74.lcl.dev". Expected "whatever". (reason=token-invalid-authorized-parties, token-carrier=header)',
    ),
  },
  {
    name: 'expired header token',
    options: t => ({ headerToken: t.expired }),
    status: 'unknown',
    reason: 'token-expired',
    message: /^JWT is expired\..*\(reason=token-expired, token-carrier=header\)$/,
  },
  {
    name: 'header token with a tampered payload',
    options: t => ({ headerToken: t.tampered }),
    ...out(
      'token-invalid-signature',
      'JWT signature is invalid. (reason=token-invalid-signature, token-carrier=header)',
    ),
  },
  {
    name: 'header token not a JWT',
    options: () => ({ headerToken: 'test_header_token' }),
    ...out(
      'token-invalid',
      'Invalid JWT form. A JWT consists of three parts separated by dots. (reason=token-invalid, token-carrier=header)',
    ),
  },
  {
    name: 'cookie, https origin against forwarded proto http',
    options: t => ({ cookieToken: t.valid, origin: 'https://clerk.com', forwardedProto: 'http' }),
    ...out('header-missing-cors', ''),
  },
  {
    name: 'dev, curl with cookie and uat',
    options: t => ({ apiKey: 'test_deadbeef', userAgent: 'curl', clientUat: '12345', cookieToken: t.valid }),
    ...out('header-missing-non-browser', ''),
  },
  {
    name: 'satellite, uat 0, browser, not synced',
    options: () => ({
      isSatellite: true,
      clientUat: '0',
      domain: 'satellite.example.dev',
      signInUrl: 'https://primary.dev/sign-in',
    }),
    ...inter('satellite-needs-syncing', ''),
  },
  {
    name: 'satellite, uat 0, non-browser',
    options: () => ({
      isSatellite: true,
      clientUat: '0',
      domain: 'satellite.example.dev',
      userAgent: '[some-agent]',
    }),
    ...out('satellite-needs-syncing', ''),
  },
  {
    name: 'dev satellite, no cookies',
    options: () => ({
      apiKey: DEV,
      isSatellite: true,
      domain: 'satellite.dev',
      signInUrl: 'https://primary.dev/sign-in',
    }),
    ...inter('satellite-needs-syncing'),
  },
  {
    name: 'dev primary asked to sync a satellite',
    options: () => ({
      apiKey: DEV,
      clientUat: '1',
      searchParams: new URLSearchParams({ __clerk_satellite_url: 'https://sat.dev' }),
    }),
    ...inter('primary-responds-to-syncing'),
  },
  {
    name: 'prod, no cookies',
    options: () => ({ apiKey: 'live_deadbeef' }),
    ...out('cookie-and-uat-missing'),
  },
  {
    name: 'dev, cookie without uat',
    options: t => ({ apiKey: DEV, cookieToken: t.valid }),
    ...inter('uat-missing'),
  },
  {
    name: 'dev, cross-origin referrer',
    options: () => ({ apiKey: DEV, clientUat: '12345', referrer: 'https://clerk.com' }),
    ...inter('cross-origin-referrer'),
  },
  {
    name: 'satellite with a key that is neither dev nor prod ignores the referrer',
    options: t => ({
      apiKey: 'pk_test_deadbeef',
      isSatellite: true,
      domain: 'satellite.dev',
      referrer: 'https://clerk.com',
      clientUat: uatBefore(t),
      cookieToken: t.valid,
    }),
    ...signedIn,
  },
  { name: 'uat without cookie', options: () => ({ clientUat: '1234' }), ...inter('cookie-missing') },
  { name: 'uat 0 without cookie', options: () => ({ clientUat: '0' }), ...out('standard-signed-out', '') },
  {
    name: 'cookie older than the client',
    options: t => ({ cookieToken: t.valid, clientUat: String(t.validIat + 10) }),
    ...inter('cookie-outdated', ''),
  },
  {
    name: 'cookie token without sub',
    options: t => ({ cookieToken: t.noSubject, clientUat: uatBefore(t) }),
    ...out(
      'token-verification-failed',
      'Subject claim (sub) is required and must be a string. Received undefined. Make sure that this is a valid Clerk generate JWT. (reason=token-verification-failed, token-carrier=cookie)',
    ),
  },
  { name: 'valid cookie', options: t => ({ cookieToken: t.valid, clientUat: uatBefore(t) }), ...signedIn },
  {
    name: 'expired cookie',
    options: t => ({ cookieToken: t.expired, clientUat: uatBefore(t) }),
    ...inter('token-expired', /^JWT is expired.*\(reason=token-expired, token-carrier=cookie\)$/),
  },
  {
    name: 'dev, Amazon CloudFront counts as a browser',
    options: t => ({
      apiKey: DEV,
      userAgent: 'Amazon CloudFront',
      cookieToken: t.valid,
      clientUat: uatBefore(t),
    }),
    ...signedIn,
  },
];

/** Builds a request the way a browser or client would send it. */
function request(path: string, headers: Record<string, string>): Request {
  return new Request(`https://example.com${path}`, { headers: { host: 'example.com', ...headers } });
}

const cookies = (t: Tokens, uat: string | null, token: string | null = t.exampleIssuer) =>
  [token !== null ? `__session=${token}` : '', uat !== null ? `__client_uat=${uat}` : '']
    .filter(Boolean)
    .join('; ');

const worked =
  (secretKey: string, headers: (t: Tokens) => Record<string, string>, path = '/') =>
  (t: Tokens) => ({
    apiKey: undefined,
    frontendApi: undefined,
    host: undefined,
    userAgent: undefined,
    secretKey,
    searchParams: undefined,
    request: request(path, { 'user-agent': BROWSER, ...headers(t) }),
  });

const workedOutcomes: Scenario[] = [
  ...[DEV, PROD, 'deadbeef'].flatMap(key => [
    {
      name: `${key}: Bearer valid`,
      options: worked(key, t => ({ authorization: `Bearer ${t.exampleIssuer}` })),
      ...signedIn,
    },
    {
      name: `${key}: raw token without scheme`,
      options: worked(key, t => ({ authorization: t.exampleIssuer })),
      ...signedIn,
    },
    {
      name: `${key}: Bearer expired with a valid cookie`,
      options: worked(key, t => ({ authorization: `Bearer ${t.expired}`, cookie: cookies(t, uatBefore(t)) })),
      status: 'unknown' as const,
      reason: 'token-expired',
    },
    {
      name: `${key}: Bearer with a foreign issuer`,
      options: worked(key, t => ({ authorization: `Bearer ${t.evilIssuer}` })),
      ...out('token-invalid-issuer'),
    },
  ]),
  {
    name: 'dev: valid cookies, no user agent',
    options: t => ({
      ...worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)) }))(t),
      request: new Request('https://example.com/', {
        headers: { host: 'example.com', cookie: cookies(t, uatBefore(t)) },
      }),
    }),
    ...out('header-missing-non-browser'),
  },
  {
    name: 'dev: valid cookies',
    options: worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)) })),
    ...signedIn,
  },
  {
    name: 'dev: uat after iat',
    options: worked(DEV, t => ({ cookie: cookies(t, String(t.validIat + 100)) })),
    ...inter('cookie-outdated'),
  },
  {
    name: 'dev: session cookie, no uat',
    options: worked(DEV, t => ({ cookie: cookies(t, null) })),
    ...inter('uat-missing'),
  },
  {
    name: 'dev: uat 0 with a session cookie',
    options: worked(DEV, t => ({ cookie: cookies(t, '0') })),
    ...out('standard-signed-out'),
  },
  {
    name: 'dev: uat 5, no session',
    options: worked(DEV, t => ({ cookie: cookies(t, '5', null) })),
    ...inter('cookie-missing'),
  },
  {
    name: 'dev: Origin on another host',
    options: worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)), origin: 'https://other.com' })),
    ...out('header-missing-cors'),
  },
  {
    name: 'dev: Origin null is cross-origin (compatibility row 8)',
    options: worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)), origin: 'null' })),
    ...out('header-missing-cors', ''),
  },
  {
    name: 'dev: cross-origin Referer',
    options: worked(DEV, t => ({
      cookie: cookies(t, uatBefore(t)),
      referer: 'https://accounts.example.dev/sign-in',
    })),
    ...inter('cross-origin-referrer'),
  },
  {
    name: 'dev: unparsable Referer is ignored (compatibility row 8)',
    options: worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)), referer: 'not a url' })),
    ...signedIn,
  },
  {
    name: 'dev: ?__clerk_satellite_url=x',
    options: worked(DEV, t => ({ cookie: cookies(t, uatBefore(t)) }), '/?__clerk_satellite_url=x'),
    ...inter('primary-responds-to-syncing'),
  },
  {
    name: 'dev: expired session cookie, uat 5',
    options: worked(DEV, t => ({ cookie: cookies(t, '5', t.expired) })),
    ...inter('token-expired'),
  },
  { name: 'prod: no cookies', options: worked(PROD, () => ({})), ...out('cookie-and-uat-missing') },
  {
    name: 'prod: session cookie, no uat',
    options: worked(PROD, t => ({ cookie: cookies(t, null) })),
    ...inter('cookie-outdated'),
  },
  {
    name: 'prod: valid cookies, curl',
    options: worked(PROD, t => ({ cookie: cookies(t, uatBefore(t)), 'user-agent': 'curl/8.0' })),
    ...signedIn,
  },
  {
    name: 'prod: cross-origin Referer',
    options: worked(PROD, t => ({ cookie: cookies(t, uatBefore(t)), referer: 'https://elsewhere.com/' })),
    ...signedIn,
  },
  {
    name: 'dev satellite: no uat',
    options: t => ({
      ...worked(DEV, () => ({}))(t),
      isSatellite: true,
      domain: 'sat.dev',
      signInUrl: 'https://primary.dev/sign-in',
    }),
    ...inter('satellite-needs-syncing'),
  },
  {
    name: 'dev satellite: no uat, curl',
    options: t => ({
      ...worked(DEV, () => ({ 'user-agent': 'curl' }))(t),
      isSatellite: true,
      domain: 'sat.dev',
      signInUrl: 'https://primary.dev/sign-in',
    }),
    ...out('header-missing-non-browser'),
  },
  {
    name: 'satellite: token with any iss',
    options: t => ({
      ...worked(PROD, t => ({ cookie: cookies(t, uatBefore(t), t.evilIssuer) }))(t),
      isSatellite: true,
      domain: 'sat.dev',
    }),
    ...signedIn,
  },
];

const moreRules: Scenario[] = [
  {
    name: 'Bearer in an explicit headerToken is not stripped without a request',
    options: t => ({ headerToken: `Bearer ${t.valid}` }),
    ...out('token-invalid'),
  },
  {
    name: 'lower-case bearer is not stripped (malformed token, compatibility row 17)',
    options: t => ({ request: request('/', { authorization: `bearer ${t.valid}` }) }),
    ...out('token-invalid'),
  },
  {
    name: 'Basic credentials select the header flow and fail',
    options: () => ({ request: request('/', { authorization: 'Basic eHl6' }) }),
    ...out('token-invalid'),
  },
  {
    name: 'an empty Authorization header falls through to the cookie flow',
    options: () => ({ request: request('/', { authorization: '', cookie: '__client_uat=0' }) }),
    ...out('standard-signed-out'),
  },
  {
    name: 'header token wins over a cookie that would be signed out',
    options: t => ({
      request: request('/', { authorization: `Bearer ${t.valid}`, cookie: '__client_uat=0' }),
    }),
    ...signedIn,
  },
  {
    name: 'not-yet-valid header token is unknown',
    options: t => ({ headerToken: t.notYetValid }),
    status: 'unknown',
    reason: 'token-not-active-yet',
  },
  {
    name: 'not-yet-valid cookie token is an interstitial',
    options: t => ({ cookieToken: t.notYetValid, clientUat: uatBefore(t) }),
    ...inter('token-not-active-yet'),
  },
  {
    name: 'token signed by another key under the same kid',
    options: t => ({ headerToken: t.forged }),
    ...out('token-invalid-signature'),
  },
  {
    name: 'token without iss under the default issuer check (compatibility row 15)',
    options: t => ({ headerToken: t.noIssuer }),
    ...out('token-invalid-issuer'),
  },
  {
    name: 'dev satellite synced without uat reaches uat-missing',
    options: () => ({
      apiKey: DEV,
      isSatellite: true,
      domain: 'sat.dev',
      signInUrl: 'https://p.dev/sign-in',
      searchParams: new URLSearchParams('__clerk_synced=true'),
    }),
    ...inter('uat-missing'),
  },
  {
    name: 'prod satellite synced without cookies',
    options: () => ({
      apiKey: PROD,
      isSatellite: true,
      domain: 'sat.dev',
      searchParams: new URLSearchParams('__clerk_synced=true'),
    }),
    ...out('cookie-and-uat-missing'),
  },
  {
    name: 'only __clerk_synced=true exactly counts as synced',
    options: () => ({
      isSatellite: true,
      domain: 'sat.dev',
      searchParams: new URLSearchParams('__clerk_synced=TRUE'),
    }),
    ...inter('satellite-needs-syncing'),
  },
  {
    name: 'prod, uat -1 without cookie reaches the token rule',
    options: () => ({ apiKey: PROD, clientUat: '-1' }),
    ...out('token-invalid', /token-carrier=cookie\)$/),
  },
  {
    name: 'uat 0 with a session cookie ignores the cookie',
    options: t => ({ clientUat: '0', cookieToken: t.valid }),
    ...out('standard-signed-out'),
  },
  {
    name: 'proxy: the token must be issued by the proxy',
    options: t => ({ proxyUrl: `${server.url}${PROXY_PATH}`, headerToken: t.valid }),
    ...out('token-invalid-issuer'),
  },
  {
    name: 'proxy: a token issued by the proxy is signed in',
    options: t => ({ proxyUrl: `${server.url}${PROXY_PATH}`, headerToken: t.proxyIssued }),
    ...signedIn,
  },
  {
    name: 'jwtKey verifies without any request',
    options: t => ({ apiUrl: 'http://127.0.0.1:9', jwtKey: instanceKey.publicPem, headerToken: t.valid }),
    ...signedIn,
  },
  {
    name: 'jwtKey rejects a token signed by another key',
    options: t => ({ apiUrl: 'http://127.0.0.1:9', jwtKey: instanceKey.publicPem, headerToken: t.forged }),
    ...out('token-invalid-signature'),
  },
  {
    name: 'a machine-category JWT (cat cl_B7d4PD333AAA) in the header is no session token',
    options: t => ({ headerToken: t.machineCategory }),
    ...out('token-invalid', /Invalid session token category\./),
  },
  {
    name: 'a machine-category JWT in the session cookie is no session token either',
    options: t => ({ clientUat: String(t.validIat), cookieToken: t.machineCategory }),
    ...out('token-invalid', /Invalid session token category\./),
  },
  {
    name: 'a `cat` claim in the payload is no token category (the category is a header parameter)',
    options: t => ({ headerToken: t.payloadCategory }),
    ...signedIn,
  },
  {
    name: 'a secret key from the injected environment',
    options: t => ({ apiKey: undefined, env: { CLERK_SECRET_KEY: 'deadbeef' }, headerToken: t.valid }),
    ...signedIn,
  },
  {
    name: 'malformed percent-encoding in a cookie keeps the raw value (compatibility row 6)',
    options: () => ({ request: request('/', { cookie: '__client_uat=%25C3; __session=%E0%A4%A' }) }),
    ...out('token-invalid'),
  },
  {
    name: 'cookies are decoded once: %2530 stays %30 (compatibility row 6)',
    options: () => ({ request: request('/', { cookie: '__client_uat=%2530' }) }),
    ...out('token-invalid'),
  },
  {
    name: 'the first of duplicated cookies wins',
    options: t => ({
      request: request('/', { cookie: `__client_uat=0; __client_uat=${uatBefore(t)}; __session=${t.valid}` }),
    }),
    ...out('standard-signed-out'),
  },
  {
    name: 'quoted cookie values are unquoted',
    options: t => ({
      request: request('/', { cookie: `__client_uat="${uatBefore(t)}"; __session="${t.valid}"` }),
    }),
    ...signedIn,
  },
];

function checkMessage(actual: string | null, expected: MessageCheck | undefined) {
  if (expected === undefined) return;
  if (typeof expected === 'function') expect(actual).toBe(expected(tokens));
  else if (typeof expected === 'string') expect(actual).toBe(expected);
  else expect(actual).toMatch(expected);
}

describe.each([
  ['test catalogue (section 14)', catalogue],
  ['worked outcomes (7.15)', workedOutcomes],
  ['further rules and compatibility rows', moreRules],
])('authenticateRequest: %s', (_, scenarios) => {
  it.each(scenarios.map(s => [s.name, s] as const))('%s', async (_name, scenario) => {
    const state = await authenticateRequest({ ...defaults(), ...scenario.options(tokens) });
    expect({ status: state.status, reason: state.reason }).toEqual({
      status: scenario.status,
      reason: scenario.reason,
    });
    checkMessage(state.message, scenario.message);
    if (state.status === 'signed-in') expect(state.toAuth().userId).toBe(USER_ID);
    if (state.status === 'interstitial' || state.status === 'unknown') expect(state.toAuth()).toBeNull();
    if (state.status === 'signed-out') expect(state.toAuth().userId).toBeNull();
  });
});

describe('authenticateRequest behind a proxy (7.7)', () => {
  it('loads the JWKS through the proxy without sending the secret key', async () => {
    server.requests.length = 0;
    const state = await authenticateRequest({
      ...defaults(),
      apiKey: DEV,
      proxyUrl: `${server.url}${PROXY_PATH}`,
      headerToken: tokens.proxyIssued,
      skipJwksCache: true,
    });
    expect(state.status).toBe('signed-in');
    expect(server.requests.map(r => r.path)).toEqual([`${PROXY_PATH}/.well-known/jwks.json`]);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('authenticateRequest: state shapes', () => {
  it('signed in: fields in 0.x order, the same auth object on every call, the verified token', async () => {
    const state = await authenticateRequest({ ...defaults(), headerToken: tokens.valid, proxyUrl: '' });
    expect(Object.keys(state)).toEqual([
      'status',
      'reason',
      'message',
      'frontendApi',
      'proxyUrl',
      'publishableKey',
      'domain',
      'isSatellite',
      'signInUrl',
      'signUpUrl',
      'afterSignInUrl',
      'afterSignUpUrl',
      'isSignedIn',
      'isInterstitial',
      'isUnknown',
      'toAuth',
      'token',
    ]);
    expect(state).toMatchObject({
      isSignedIn: true,
      isInterstitial: false,
      isUnknown: false,
      token: tokens.valid,
    });
    const auth = state.toAuth();
    expect(state.toAuth()).toBe(auth);
    expect(auth).toMatchObject({
      sessionId: SESSION_ID,
      userId: USER_ID,
      session: undefined,
      user: undefined,
      organization: undefined,
    });
    expect(auth?.sessionClaims).toMatchObject({ sub: USER_ID, sid: SESSION_ID });
  });

  it('signed out: fields in 0.x order, a fresh signed-out auth object per call', async () => {
    const state = await authenticateRequest({ ...defaults(), clientUat: '0', frontendApi: 'x.clerk.ts' });
    expect(Object.keys(state)).toEqual([
      'status',
      'reason',
      'message',
      'frontendApi',
      'proxyUrl',
      'publishableKey',
      'isSatellite',
      'domain',
      'signInUrl',
      'signUpUrl',
      'afterSignInUrl',
      'afterSignUpUrl',
      'isSignedIn',
      'isInterstitial',
      'isUnknown',
      'toAuth',
      'token',
    ]);
    expect(state.toAuth()).not.toBe(state.toAuth());
    expect(state.token).toBeNull();
    const debug = (state.toAuth() as { debug: () => Record<string, unknown> }).debug();
    expect(debug).toMatchObject({
      status: 'signed-out',
      reason: 'standard-signed-out',
      message: '',
      apiKey: 'deadbee',
    });
  });

  it('interstitial: fields in 0.x order and the echoed satellite configuration', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      isSatellite: true,
      clientUat: '0',
      domain: 'satellite.dev',
      signInUrl: 'https://primary.dev/sign-in',
    });
    expect(Object.keys(state)).toEqual([
      'status',
      'reason',
      'message',
      'frontendApi',
      'publishableKey',
      'isSatellite',
      'domain',
      'proxyUrl',
      'signInUrl',
      'signUpUrl',
      'afterSignInUrl',
      'afterSignUpUrl',
      'isSignedIn',
      'isInterstitial',
      'isUnknown',
      'toAuth',
      'token',
    ]);
    expect(state).toMatchObject({
      isSatellite: true,
      domain: 'satellite.dev',
      signInUrl: 'https://primary.dev/sign-in',
      frontendApi: 'cafe.babe.clerk.ts',
      message: '',
      isInterstitial: true,
    });
  });

  it('unknown: no proxyUrl property', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      headerToken: tokens.expired,
      proxyUrl: undefined,
    });
    expect(state.status).toBe('unknown');
    expect(Object.hasOwn(state, 'proxyUrl')).toBe(false);
    expect(Object.keys(state)).toEqual([
      'status',
      'reason',
      'message',
      'frontendApi',
      'publishableKey',
      'isSatellite',
      'domain',
      'signInUrl',
      'signUpUrl',
      'afterSignInUrl',
      'afterSignUpUrl',
      'isSignedIn',
      'isInterstitial',
      'isUnknown',
      'toAuth',
      'token',
    ]);
  });

  it('debugRequestState keeps exactly nine keys in order', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      clientUat: '1234',
      proxyUrl: 'https://p.dev/__clerk',
    });
    expect(debugRequestState(state)).toEqual({
      frontendApi: 'cafe.babe.clerk.ts',
      isSignedIn: false,
      proxyUrl: 'https://p.dev/__clerk',
      isInterstitial: true,
      reason: 'cookie-missing',
      message: '',
      publishableKey: '',
      isSatellite: false,
      domain: '',
    });
    expect(Object.keys(debugRequestState(state))).toEqual([
      'frontendApi',
      'isSignedIn',
      'proxyUrl',
      'isInterstitial',
      'reason',
      'message',
      'publishableKey',
      'isSatellite',
      'domain',
    ]);
  });

  it('a valid publishable key beats the explicit frontendApi', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      clientUat: '0',
      publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k',
    });
    expect(state.frontendApi).toBe('clerk.example.com');
    expect(state.publishableKey).toBe('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
  });
});

describe('authenticateRequest: options taken from headers', () => {
  const debugOf = async (options: AuthenticateRequestOptions) => {
    const state = await authenticateRequest({
      ...defaults(),
      host: undefined,
      userAgent: undefined,
      clientUat: '0',
      ...options,
    });
    return (state.toAuth() as { debug: () => Record<string, unknown> }).debug();
  };

  it('reads every header the rules use', async () => {
    const debug = await debugOf({
      request: request('/', {
        origin: 'https://example.com',
        'x-forwarded-host': 'fwd.example.com',
        'x-forwarded-port': '8443',
        'x-forwarded-proto': 'https',
        referer: 'https://example.com/from',
        'user-agent': 'Mozilla/5.0',
      }),
    });
    expect(debug).toMatchObject({
      origin: 'https://example.com',
      host: 'example.com',
      forwardedHost: 'fwd.example.com',
      forwardedPort: '8443',
      forwardedProto: 'https',
      referrer: 'https://example.com/from',
      userAgent: 'Mozilla/5.0',
    });
  });

  it('explicit options win over header values', async () => {
    const debug = await debugOf({
      request: request('/', {
        'x-forwarded-host': 'fwd.example.com',
        'user-agent': 'Mozilla/5.0',
        'x-forwarded-proto': 'https',
      }),
      forwardedHost: 'explicit.example.com',
      userAgent: 'Explicit/1.0',
      forwardedProto: 'http',
    });
    expect(debug).toMatchObject({
      forwardedHost: 'explicit.example.com',
      userAgent: 'Explicit/1.0',
      forwardedProto: 'http',
    });
  });

  it('reads the same values from native Headers, a Headers subclass and an object with only get()', async () => {
    // Mixed-case names, an empty value (read as missing), repeated names (combined as get() combines them).
    const headers = new Headers([
      ['Origin', 'https://example.com'],
      ['X-Forwarded-Host', 'fwd.example.com'],
      ['x-forwarded-host', 'second.example.com'],
      ['X-Forwarded-Port', '8443'],
      ['X-Forwarded-Proto', ''],
      ['Referer', 'https://example.com/from'],
      ['User-Agent', 'Mozilla/5.0'],
      ['Authorization', ''],
      ['Cookie', '__client_uat=0'],
      ['Cookie', 'theme=dark'],
    ]);
    const native = new Request('https://example.com/', { headers });
    class WrappedHeaders extends Headers {}
    const subclassed = { url: native.url, headers: new WrappedHeaders(headers) } as Request;
    const getOnly = { url: native.url, headers: { get: (name: string) => headers.get(name) } } as Request;
    const expected = {
      origin: 'https://example.com',
      host: undefined,
      forwardedHost: 'fwd.example.com, second.example.com',
      forwardedPort: '8443',
      forwardedProto: undefined,
      referrer: 'https://example.com/from',
      userAgent: 'Mozilla/5.0',
      headerToken: undefined,
      clientUat: '0',
    };
    for (const request of [native, subclassed, getOnly]) {
      const debug = await debugOf({ request, clientUat: undefined });
      // The Origin is not the forwarded host: cross-origin without an Authorization header.
      expect(debug).toMatchObject({ status: 'signed-out', reason: 'header-missing-cors' });
      expect(Object.fromEntries(Object.keys(expected).map(name => [name, debug[name]]))).toEqual(expected);
    }
  });

  it('cloudfront-forwarded-proto wins over x-forwarded-proto', async () => {
    const debug = await debugOf({
      request: request('/', { 'cloudfront-forwarded-proto': 'https', 'x-forwarded-proto': 'http' }),
    });
    expect(debug.forwardedProto).toBe('https');
  });
});

describe('authenticateRequest: configuration errors reject', () => {
  const cases: Array<[string, AuthenticateRequestOptions, string]> = [
    [
      'no secret key',
      { apiKey: undefined },
      'Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com and get your key for your instance.',
    ],
    [
      'dev satellite without signInUrl',
      { apiKey: DEV, isSatellite: true, domain: 'sat.dev' },
      'Missing signInUrl. Pass a signInUrl for dev instances if an app is satellite',
    ],
    [
      'satellite signInUrl not absolute',
      { isSatellite: true, domain: 'sat.dev', signInUrl: '/sign-in', origin: 'https://sat.dev' },
      'The signInUrl needs to have a absolute url format.',
    ],
    [
      'satellite signInUrl on its own origin',
      {
        isSatellite: true,
        domain: 'sat.dev',
        signInUrl: 'https://sat.dev/sign-in',
        origin: 'https://sat.dev',
      },
      'The signInUrl needs to be on a different origin than your satellite application.',
    ],
    [
      'satellite without domain or proxy',
      { apiKey: PROD, isSatellite: true },
      'Missing domain and proxyUrl. A satellite application needs to specify a domain or a proxyUrl',
    ],
  ];
  it.each(cases)('%s', async (_, options, message) => {
    await expect(authenticateRequest({ ...defaults(), ...options })).rejects.toThrow(message);
  });

  it('prod and "neither" satellites may omit signInUrl', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      apiKey: PROD,
      isSatellite: true,
      domain: 'sat.dev',
    });
    expect(state.reason).toBe('satellite-needs-syncing');
  });
});

describe('authenticateRequest: loading resources through the injected Backend API', () => {
  const client = () => createTestApiClient(server.url, 'deadbeef');

  it('loads session, user and organization in parallel and puts them on the auth object', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      headerToken: tokens.withOrg,
      apiClient: client(),
      loadSession: true,
      loadUser: true,
      loadOrganization: true,
    });
    expect(state.status).toBe('signed-in');
    const auth = state.toAuth();
    expect(auth).toMatchObject({
      session: { object: 'session', id: SESSION_ID },
      user: { object: 'user', id: USER_ID },
      organization: { object: 'organization', id: 'org_1' },
      orgId: 'org_1',
      orgRole: 'admin',
      orgSlug: 'acme',
    });
  });

  it('does not ask for an organization when the token has none', async () => {
    const before = server.requests.filter(r => r.path.startsWith('/v1/organizations/')).length;
    const state = await authenticateRequest({
      ...defaults(),
      headerToken: tokens.valid,
      apiClient: client(),
      loadOrganization: true,
    });
    expect(state.toAuth()).toMatchObject({ organization: undefined });
    expect(server.requests.filter(r => r.path.startsWith('/v1/organizations/')).length).toBe(before);
  });

  it('loads resources even when the outcome is cookie-outdated', async () => {
    const token = await signToken(sessionClaims({ sub: 'user_outdated_probe' }));
    const state = await authenticateRequest({
      ...defaults(),
      cookieToken: token,
      clientUat: String(nowSeconds() + 100),
      apiClient: client(),
      loadUser: true,
    });
    expect(state.reason).toBe('cookie-outdated');
    expect(server.requests.some(r => r.path === '/v1/users/user_outdated_probe')).toBe(true);
  });

  it('an API error while loading is signed out unexpected-error with the API message', async () => {
    const token = await signToken(sessionClaims({ sid: MISSING_SESSION_ID }));
    const state = await authenticateRequest({
      ...defaults(),
      headerToken: token,
      apiClient: client(),
      loadSession: true,
    });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('unexpected-error');
    expect(state.message).toBe('Backend API sessions.getSession failed: No session was found');
  });

  it('load flags without an apiClient are signed out unexpected-error with a clear message', async () => {
    const state = await authenticateRequest({ ...defaults(), headerToken: tokens.valid, loadUser: true });
    expect(state.reason).toBe('unexpected-error');
    expect(state.message).toMatch(/needs the Backend API: pass an `apiClient`/);
  });

  it('getToken() prefers the cookie token even when the header token was verified', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      request: request('/', { authorization: `Bearer ${tokens.valid}`, cookie: '__session=cookie-value' }),
    });
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(tokens.valid);
    await expect(state.toAuth()!.getToken()).resolves.toBe('cookie-value');
  });

  it('getToken({ template }) mints through the sessions API', async () => {
    const state = await authenticateRequest({
      ...defaults(),
      headerToken: tokens.valid,
      apiClient: client(),
    });
    await expect(state.toAuth()!.getToken({ template: 'supabase' })).resolves.toBe(
      `jwt-from-template-supabase-for-${SESSION_ID}`,
    );
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/sessions/${SESSION_ID}/tokens/supabase`,
    });
  });
});
