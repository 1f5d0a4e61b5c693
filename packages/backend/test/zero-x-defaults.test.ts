// The 0.x defaults and shapes of the request states and auth objects (auth-and-tokens.md 7.1, 7.13, 7.14,
// 8.1, 8.2), through the built umbrella as a user imports it, with no publishableKey, proxyUrl, domain or
// isSatellite configured. Tokens are signed with a fresh key and verified networklessly (jwtKey).
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Clerk, createAuthenticateRequest, debugRequestState, signJwt } from '../dist/index.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwtKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const SECRET = 'sk_test_zero_x_defaults';
const BROWSER = 'Mozilla/5.0 (defaults test)';
const now = Math.floor(Date.now() / 1000);
const tokens = { valid: '', expired: '' };

const sign = (claims: Record<string, unknown>) =>
  signJwt(
    { sub: 'user_1', sid: 'sess_1', iss: 'https://clerk.example.test', ...claims },
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    { algorithm: 'RS256', header: { typ: 'JWT', kid: 'ins_1' } },
  );

beforeAll(async () => {
  tokens.valid = await sign({ nbf: now - 10, exp: now + 600 });
  tokens.expired = await sign({ nbf: now - 7200, exp: now - 3600 });
});

// Own-property orders of 7.13, the nine keys of 7.14 and the auth objects' of 8.1 and 8.2.
const STATE_KEYS = {
  'signed-in': [
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
  ],
  'signed-out': [
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
  ],
  interstitial: [
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
  ],
  unknown: [
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
  ],
} as const;
const DEBUG_KEYS = [
  'frontendApi',
  'isSignedIn',
  'proxyUrl',
  'isInterstitial',
  'reason',
  'message',
  'publishableKey',
  'isSatellite',
  'domain',
];
const SIGNED_IN_AUTH_KEYS = [
  'actor',
  'sessionClaims',
  'sessionId',
  'session',
  'userId',
  'user',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'organization',
  'getToken',
  'has',
  'debug',
];
const SIGNED_OUT_AUTH_KEYS = [
  'sessionClaims',
  'sessionId',
  'session',
  'userId',
  'user',
  'actor',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'organization',
  'getToken',
  'has',
  'debug',
];
const FLAGS = {
  'signed-in': [true, false, false],
  'signed-out': [false, false, false],
  interstitial: [false, true, false],
  unknown: [false, false, true],
} as const;

const flows = () =>
  ({
    'signed-in': { headerToken: tokens.valid },
    'signed-out': { clientUat: '0', userAgent: BROWSER },
    interstitial: { clientUat: '5', userAgent: BROWSER },
    unknown: { headerToken: tokens.expired },
  }) as const;

const entryPoints = {
  'Clerk()': () => Clerk({ secretKey: SECRET, jwtKey, env: {} }),
  'Clerk() with the options set to undefined': () =>
    Clerk({
      secretKey: SECRET,
      jwtKey,
      env: {},
      publishableKey: undefined,
      proxyUrl: undefined,
      domain: undefined,
    }),
  createAuthenticateRequest: () =>
    createAuthenticateRequest({ options: { secretKey: SECRET, jwtKey, env: {} } }),
};

describe.each(Object.entries(entryPoints))('%s with nothing configured', (_, make) => {
  it.each(Object.keys(flows()) as Array<keyof typeof STATE_KEYS>)(
    '%s echoes "", "", "", false in 0.x order',
    async status => {
      const state = await make().authenticateRequest(flows()[status]);
      expect(state.status).toBe(status);
      expect(Object.keys(state)).toEqual(STATE_KEYS[status]);
      expect(state.frontendApi).toBe('');
      expect(state.publishableKey).toBe('');
      expect(state.domain).toBe('');
      expect(state.isSatellite).toBe(false);
      if (status !== 'unknown') expect((state as { proxyUrl: unknown }).proxyUrl).toBe('');
      expect([state.isSignedIn, state.isInterstitial, state.isUnknown]).toEqual(FLAGS[status]);
      expect(state.message).toEqual(
        status === 'signed-in' ? null : status === 'unknown' ? expect.any(String) : '',
      );
      expect(state.token).toBe(status === 'signed-in' ? tokens.valid : null);

      const debug = debugRequestState(state);
      expect(Object.keys(debug)).toEqual(DEBUG_KEYS);
      expect(debug).toMatchObject({ publishableKey: '', domain: '', isSatellite: false, frontendApi: '' });
      expect(debug.proxyUrl).toBe(status === 'unknown' ? undefined : '');
    },
  );

  it('the signed-out auth object: all-null fields in 0.x order, and debug data with the defaults', async () => {
    const state = await make().authenticateRequest(flows()['signed-out']);
    const auth = state.toAuth()!;
    expect(Object.keys(auth)).toEqual(SIGNED_OUT_AUTH_KEYS);
    expect(
      SIGNED_OUT_AUTH_KEYS.slice(0, 11).map(key => (auth as unknown as Record<string, unknown>)[key]),
    ).toEqual(Array(11).fill(null));
    expect(state.toAuth()).not.toBe(auth);
    expect(await auth.getToken()).toBeNull();
    expect(auth.has({ role: 'admin' })).toBe(false);
    expect(auth.debug()).toMatchObject({
      apiKey: '',
      secretKey: SECRET.slice(0, 7),
      jwtKey: jwtKey.slice(0, 7),
      publishableKey: '',
      proxyUrl: '',
      domain: '',
      isSatellite: false,
      frontendApi: '',
      apiUrl: 'https://api.clerk.dev',
      apiVersion: 'v1',
      status: 'signed-out',
      reason: 'standard-signed-out',
      message: '',
    });
  });

  it('the signed-in auth object: claims in 0.x order, the same object on every toAuth()', async () => {
    const state = await make().authenticateRequest(flows()['signed-in']);
    const auth = state.toAuth()!;
    expect(Object.keys(auth)).toEqual(SIGNED_IN_AUTH_KEYS);
    expect(state.toAuth()).toBe(auth);
    expect(auth).toMatchObject({ userId: 'user_1', sessionId: 'sess_1', actor: undefined, orgId: undefined });
    expect(await auth.getToken()).toBe(tokens.valid);
    expect(auth.debug()).toMatchObject({ publishableKey: '', proxyUrl: '', domain: '', isSatellite: false });
  });
});

describe('explicit request values without a request (0.38.15)', () => {
  it('{ origin, host, forwardedHost: "" } signs in: an empty forwarded host is used as given', async () => {
    const clerk = Clerk({ secretKey: SECRET, jwtKey, env: {} });
    const values = {
      cookieToken: tokens.valid,
      clientUat: String(now - 20),
      userAgent: BROWSER,
      origin: 'https://app.example.test',
      host: 'other.example.test',
    };
    expect((await clerk.authenticateRequest({ ...values, forwardedHost: '' })).status).toBe('signed-in');
    // Without the empty value, host decides and the origin is another one.
    expect((await clerk.authenticateRequest(values)).reason).toBe('header-missing-cors');
  });
});
