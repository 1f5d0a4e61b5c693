// One test per row of current-clerk.md 3.7 (and the fail-closed additions), through the public
// `authenticateRequest(request, options)`, with the walkthrough keys, URLs and suffixes of 3.12.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  browserRequest,
  DEV_FAPI,
  DEV_PK,
  DEV_SK,
  DEV_SUFFIX,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  SID,
  sessionToken,
  signRaw,
} from '../../test/current-fixtures';
import { type HandshakeServer, startHandshakeServer } from '../../test/handshake-server';
import { foreignKey, instanceKey, nowSeconds } from '../../test/keys';
import { recordHeaderReads } from '../../test/recorded-headers';
import { authenticateRequest, type CurrentAuthenticateOptions, type CurrentRequestState } from '../index';

let server: HandshakeServer;
beforeAll(async () => {
  server = await startHandshakeServer();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const prod = (extra: CurrentAuthenticateOptions = {}): CurrentAuthenticateOptions => ({
  publishableKey: PROD_PK,
  secretKey: PROD_SK,
  jwtKey: instanceKey.publicPem,
  apiUrl: server.url,
  env: {},
  ...extra,
});
const dev = (extra: CurrentAuthenticateOptions = {}): CurrentAuthenticateOptions => ({
  ...prod(),
  publishableKey: DEV_PK,
  secretKey: DEV_SK,
  ...extra,
});

const APP = 'https://app.example.com/dashboard';
const LOCAL = 'http://localhost:3000/';
const now = nowSeconds();
const prodCookies = (token: string, uat = String(now - 10)) => ({
  [`__session_${PROD_SUFFIX}`]: token,
  [`__client_uat_${PROD_SUFFIX}`]: uat,
});

function expectHandshake(state: CurrentRequestState, reason: string) {
  expect(state.status).toBe('handshake');
  expect(state.reason).toBe(reason);
  expect(state.headers.get('cache-control')).toBe('no-store');
  expect(state.headers.get('x-clerk-auth-status')).toBe('handshake');
  expect(state.headers.get('x-clerk-auth-reason')).toBe(reason);
  expect(state.headers.getSetCookie()).toContain(
    '__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2',
  );
  return new URL(state.headers.get('location') as string);
}

describe('walkthrough: production, expired cookie (3.12)', () => {
  it('redirects to the handshake with the parameters in order', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: prodCookies(expired, String(now - 3600)) }),
      prod(),
    );
    const location = expectHandshake(state, 'session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(location.href).toBe(
      'https://clerk.example.com/v1/client/handshake?redirect_url=https%3A%2F%2Fapp.example.com%2Fdashboard' +
        '&__clerk_api_version=2026-05-12&suffixed_cookies=true' +
        `&__clerk_hs_reason=session-token-expired-refresh-non-eligible-no-refresh-cookie&format=nonce&__session=${expired}`,
    );
    expect(state.message).toMatch(
      /^JWT is expired\. Expiry date: .*\(reason=token-expired, token-carrier=cookie\)$/,
    );
    expect(state.toAuth()).toBeNull();
    expect(state.tokenType).toBe('session_token');
  });

  it('then resolves the nonce through the Backend API: signed-in with the directives, no second redirect', async () => {
    const fresh = sessionToken(PROD_FAPI);
    const directive = `__session_${PROD_SUFFIX}=${fresh}; Path=/; Secure; SameSite=Lax`;
    server.nonces.set('nonce-1', [directive, `__client_uat_${PROD_SUFFIX}=${now}; Path=/`]);
    const before = server.calls.length;
    const state = await authenticateRequest(
      browserRequest(APP, {
        cookies: { ...prodCookies('stale'), __clerk_handshake_nonce: 'nonce-1', __clerk_redirect_count: '1' },
      }),
      prod({ clerkApiVersion: '2026-05-12' }),
    );
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(fresh);
    expect(state.headers.get('location')).toBeNull();
    expect(state.headers.get('access-control-allow-origin')).toBe('null');
    expect(state.headers.get('access-control-allow-credentials')).toBe('true');
    expect(state.headers.getSetCookie()).toEqual([directive, `__client_uat_${PROD_SUFFIX}=${now}; Path=/`]);
    const call = server.calls[before];
    expect(call?.method).toBe('GET');
    expect(call?.url).toBe('/v1/clients/handshake_payload?nonce=nonce-1');
    expect(call?.headers.authorization).toBe(`Bearer ${PROD_SK}`);
    expect(call?.headers['clerk-api-version']).toBe('2026-05-12');
  });
});

describe('walkthrough: development, first visit (3.12)', () => {
  it('rule 7: no dev browser: handshake dev-browser-missing', async () => {
    const state = await authenticateRequest(browserRequest(LOCAL), dev());
    expect(expectHandshake(state, 'dev-browser-missing').href).toBe(
      'https://happy-hippo-1.clerk.accounts.dev/v1/client/handshake?redirect_url=http%3A%2F%2Flocalhost%3A3000%2F' +
        '&__clerk_api_version=2026-05-12&suffixed_cookies=false&__clerk_hs_reason=dev-browser-missing&format=nonce',
    );
  });

  it('rule 0: the handshake token comes back; directives set, redirect to the clean URL', async () => {
    const fresh = sessionToken(DEV_FAPI);
    const handshake = signRaw({
      handshake: [`__session_${DEV_SUFFIX}=${fresh}; Path=/`, `__client_uat_${DEV_SUFFIX}=${now}`],
    });
    const url = `${LOCAL}?__clerk_db_jwt=dvb_1&__clerk_handshake=${handshake}&__clerk_help=1&keep=1`;
    const state = await authenticateRequest(browserRequest(url), dev());
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(fresh);
    expect(state.headers.get('location')).toBe('http://localhost:3000/?keep=1');
    expect(state.headers.get('cache-control')).toBe('no-store');
    expect(state.headers.getSetCookie()).toHaveLength(2);
  });

  it('rule 0: no session directive: signed-out session-token-missing with the headers', async () => {
    const handshake = signRaw({ handshake: [`__client_uat_${DEV_SUFFIX}=0; Path=/`] });
    const state = await authenticateRequest(browserRequest(`${LOCAL}?__clerk_handshake=${handshake}`), dev());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-missing');
    expect(state.headers.get('location')).toBe(LOCAL);
    expect(state.headers.getSetCookie()).toEqual([`__client_uat_${DEV_SUFFIX}=0; Path=/`]);
  });

  it('rule 0: a handshake token signed by another key throws in development', async () => {
    const handshake = signRaw({ handshake: [] }, {}, foreignKey);
    await expect(
      authenticateRequest(browserRequest(`${LOCAL}?__clerk_handshake=${handshake}`), dev()),
    ).rejects.toThrow(
      'Clerk: Handshake token verification failed due to an invalid signature. If you have switched Clerk keys locally, clear your cookies and try again.',
    );
  });

  it('rule 0: a handshake token of another category throws in development with the full message', async () => {
    const handshake = signRaw({ handshake: [] }, { cat: 'cl_B7d4PD222AAA' });
    await expect(
      authenticateRequest(browserRequest(`${LOCAL}?__clerk_handshake=${handshake}`), dev()),
    ).rejects.toThrow(
      /^Clerk: Handshake token verification failed: Invalid handshake token category\..*reason=token-invalid/,
    );
  });

  it('rule 0: no time claims are checked on a handshake token', async () => {
    const fresh = sessionToken(DEV_FAPI);
    const handshake = signRaw({ handshake: [`__session=${fresh}`], exp: now - 10_000, nbf: now + 10_000 });
    const state = await authenticateRequest(browserRequest(`${LOCAL}?__clerk_handshake=${handshake}`), dev());
    expect(state.status).toBe('signed-in');
  });
});

describe('rule 0 in production: a failed handshake is logged and the flow goes on', () => {
  it('a forged handshake token never authenticates and never reappears in the next redirect_url', async () => {
    const fresh = sessionToken(PROD_FAPI);
    const forged = signRaw({ handshake: [`__session_${PROD_SUFFIX}=${fresh}`] }, {}, foreignKey);
    const url = `${APP}?__clerk_handshake=${forged}&__clerk_handshake_nonce=unknown`;
    const state = await authenticateRequest(
      browserRequest(url, { cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) } }),
      prod(),
    );
    // The nonce is tried first and is unknown (no directives): session-token-missing is a signed-out state.
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-missing');
  });

  it('a forged handshake token alone: the next rule decides, and redirect_url has no handshake parameters', async () => {
    const forged = signRaw(
      { handshake: [`__session_${PROD_SUFFIX}=${sessionToken(PROD_FAPI)}`] },
      {},
      foreignKey,
    );
    const state = await authenticateRequest(
      browserRequest(`${APP}?__clerk_handshake=${forged}&x=1`, {
        cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) },
      }),
      prod(),
    );
    const location = expectHandshake(state, 'client-uat-but-no-session-token');
    expect(location.searchParams.get('redirect_url')).toBe(`${APP}?x=1`);
  });
});

describe('satellites (rules 1-5)', () => {
  const satellite = (extra: CurrentAuthenticateOptions = {}) =>
    prod({ isSatellite: true, domain: 'satellite.dev', ...extra });
  const SAT = 'https://satellite.dev/page';

  it('1. production satellite without cookies and without auto-sync: signed out', async () => {
    const state = await authenticateRequest(browserRequest(SAT), satellite());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
    expect(state.headers.get('x-clerk-auth-status')).toBe('signed-out');
  });

  it('2. production satellite with satelliteAutoSync: handshake with clerk.<domain>', async () => {
    const state = await authenticateRequest(browserRequest(SAT), satellite({ satelliteAutoSync: true }));
    const location = expectHandshake(state, 'satellite-needs-syncing');
    expect(location.origin).toBe('https://clerk.satellite.dev');
  });

  it('2. __clerk_synced=false asks for the sync even with cookies', async () => {
    const state = await authenticateRequest(
      browserRequest(`${SAT}?__clerk_synced=false`, {
        cookies: prodCookies(sessionToken('clerk.satellite.dev')),
      }),
      satellite(),
    );
    expectHandshake(state, 'satellite-needs-syncing');
  });

  it('__clerk_synced=true skips the sync rules', async () => {
    const state = await authenticateRequest(
      browserRequest(`${SAT}?__clerk_synced=true`),
      satellite({ satelliteAutoSync: true }),
    );
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('3. development satellite without cookies: signed out', async () => {
    const state = await authenticateRequest(
      browserRequest(SAT),
      dev({ isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://primary.dev/sign-in' }),
    );
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('4. development satellite that syncs: to the sign-in URL with __clerk_redirect_url', async () => {
    const state = await authenticateRequest(
      browserRequest(SAT),
      dev({
        isSatellite: true,
        domain: 'satellite.dev',
        signInUrl: 'https://primary.dev/sign-in',
        satelliteAutoSync: true,
      }),
    );
    expect(expectHandshake(state, 'satellite-needs-syncing').href).toBe(
      'https://primary.dev/sign-in?__clerk_redirect_url=https%3A%2F%2Fsatellite.dev%2Fpage',
    );
  });

  it('4. a relative signInUrl is a signed-out state, not a TypeError', async () => {
    const state = await authenticateRequest(
      browserRequest(SAT),
      dev({ isSatellite: true, domain: 'satellite.dev', signInUrl: '/sign-in', satelliteAutoSync: true }),
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('satellite-needs-syncing');
  });

  it('5. development primary asked to sync: back to the satellite with the dev browser and __clerk_synced=true', async () => {
    const back = encodeURIComponent('https://satellite.dev/page?__clerk_synced=false');
    const state = await authenticateRequest(
      browserRequest(`${LOCAL}?__clerk_redirect_url=${back}`, { cookies: { __clerk_db_jwt: 'dvb_2' } }),
      dev(),
    );
    expect(expectHandshake(state, 'primary-responds-to-syncing').href).toBe(
      'https://satellite.dev/page?__clerk_synced=true&__clerk_db_jwt=dvb_2',
    );
  });

  it('5. a relative (or non-http) __clerk_redirect_url is a signed-out state, never a redirect', async () => {
    for (const target of ['/page', 'javascript:alert(1)']) {
      const state = await authenticateRequest(
        browserRequest(`${LOCAL}?__clerk_redirect_url=${encodeURIComponent(target)}`, {
          cookies: { __clerk_db_jwt: 'dvb_2' },
        }),
        dev(),
      );
      expect(state.status).toBe('signed-out');
      expect(state.reason).toBe('primary-responds-to-syncing');
      expect(state.headers.get('location')).toBeNull();
    }
  });
});

describe('development rules 6-7', () => {
  it('6. a dev-browser token in the URL: dev-browser-sync, and it travels as __clerk_db_jwt, not in redirect_url', async () => {
    const state = await authenticateRequest(browserRequest(`${LOCAL}?__clerk_db_jwt=dvb_3&a=1`), dev());
    const location = expectHandshake(state, 'dev-browser-sync');
    expect(location.searchParams.get('redirect_url')).toBe('http://localhost:3000/?a=1');
    expect(location.searchParams.get('__clerk_db_jwt')).toBe('dvb_3');
  });

  it('7. __dev_session is removed from redirect_url too', async () => {
    const state = await authenticateRequest(browserRequest(`${LOCAL}?__dev_session=old`), dev());
    expect(expectHandshake(state, 'dev-browser-missing').searchParams.get('redirect_url')).toBe(LOCAL);
  });
});

describe('rules 8-14', () => {
  it('8. no client and no session: signed out, debug headers, a signed-out auth object', async () => {
    const state = await authenticateRequest(browserRequest(APP), prod());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
    expect(state.message).toBe('');
    expect(state.headers.get('x-clerk-auth-reason')).toBe('session-token-and-uat-missing');
    expect(state.headers.get('x-clerk-auth-message')).toBeNull();
    const auth = state.toAuth();
    expect(auth).toMatchObject({ userId: null, isAuthenticated: false, tokenType: 'session_token' });
  });

  it('9. a session without a client cookie: handshake', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: { __session: sessionToken(PROD_FAPI) } }),
      prod(),
    );
    expectHandshake(state, 'session-token-but-no-client-uat');
  });

  it('10. a client without a session: handshake', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: { __client_uat: String(now) } }),
      prod(),
    );
    expectHandshake(state, 'client-uat-but-no-session-token');
  });

  it('11. an undecodable session: signed out token-invalid', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: { __session: 'not.a.jwt', __client_uat: String(now) } }),
      prod(),
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token-invalid');
  });

  it('12. a machine JWT or a JWT template in the cookie: token-type-mismatch', async () => {
    for (const token of [
      sessionToken(PROD_FAPI, { sub: 'mch_1' }),
      sessionToken(PROD_FAPI, {}, { cat: 'cl_B7d4PD222AAA' }),
    ]) {
      const state = await authenticateRequest(browserRequest(APP, { cookies: prodCookies(token) }), prod());
      expect(state.reason).toBe('token-type-mismatch');
      expect(state.message).toBe('');
    }
  });

  it('12. the session and opted-out categories pass', async () => {
    for (const cat of ['cl_B7d4PD111AAA', 'cl_I7d4PD111III']) {
      const state = await authenticateRequest(
        browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI, { cat })) }),
        prod(),
      );
      expect(state.status).toBe('signed-in');
    }
  });

  it('13. a session older than the client: handshake', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI, { iat: now - 100 }), String(now)) }),
      prod(),
    );
    expectHandshake(state, 'session-token-iat-before-client-uat');
  });

  it('14. a forged session: signed out token-invalid-signature', async () => {
    const forged = signRaw(
      { sub: 'user_x', iss: `https://${PROD_FAPI}`, iat: now, exp: now + 60 },
      {},
      foreignKey,
    );
    const state = await authenticateRequest(browserRequest(APP, { cookies: prodCookies(forged) }), prod());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token-invalid-signature');
  });

  it('14. not yet valid: handshake session-token-nbf', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI, { nbf: now + 3600 })) }),
      prod(),
    );
    expectHandshake(state, 'session-token-nbf');
  });

  it('14. expired and not eligible (a POST): signed out with the refresh label non-eligible-non-get', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const state = await authenticateRequest(
      browserRequest(APP, { method: 'POST', cookies: prodCookies(expired, String(now - 3600)) }),
      prod(),
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-non-get');
  });
});

describe('rule 15: a primary reached from another site', () => {
  const fresh = () => prodCookies(sessionToken(PROD_FAPI));
  it('handshake once (counter 0), with the reference message', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: fresh(), headers: { referer: 'https://satellite.dev/' } }),
      prod(),
    );
    expectHandshake(state, 'primary-domain-cross-origin-sync');
    expect(state.message).toBe('Cross-origin request from satellite domain requires handshake');
  });

  it('signed in from the Frontend API, its Account Portal, or with a counter above 0', async () => {
    for (const [referer, count] of [
      ['https://clerk.example.com/v1/x', '0'],
      ['https://accounts.example.com/sign-in', '0'],
      ['https://satellite.dev/', '1'],
    ]) {
      const state = await authenticateRequest(
        browserRequest(APP, {
          cookies: { ...fresh(), __clerk_redirect_count: count as string },
          headers: { referer: referer as string },
        }),
        prod(),
      );
      expect(state.status).toBe('signed-in');
    }
  });

  it('development Account Portal hosts are known on development instances only', async () => {
    const devCookies = {
      [`__session_${DEV_SUFFIX}`]: sessionToken(DEV_FAPI),
      [`__client_uat_${DEV_SUFFIX}`]: String(now - 10),
      [`__clerk_db_jwt_${DEV_SUFFIX}`]: 'dvb_4',
    };
    const fromPortal = {
      cookies: devCookies,
      headers: { referer: 'https://happy-hippo-1.accounts.dev/sign-in' },
    };
    expect((await authenticateRequest(browserRequest(LOCAL, fromPortal), dev())).status).toBe('signed-in');
    const fromFapiLike = { cookies: devCookies, headers: { referer: 'https://x.clerk.accounts.dev/' } };
    expect((await authenticateRequest(browserRequest(LOCAL, fromFapiLike), dev())).reason).toBe(
      'primary-domain-cross-origin-sync',
    );
  });
});

describe('rule 16: organizationSyncOptions', () => {
  const orgs = {
    organizationPatterns: ['/orgs/:slug', '/orgs/:slug/(.*)'],
    personalAccountPatterns: ['/me', '/me/(.*)'],
  };
  const withOrg = (claims: Record<string, unknown>) => prodCookies(sessionToken(PROD_FAPI, claims));

  it('a path naming another organization: handshake with organization_id = the slug', async () => {
    const state = await authenticateRequest(
      browserRequest('https://app.example.com/orgs/acme/settings', {
        cookies: withOrg({ org_id: 'org_1', org_slug: 'other' }),
      }),
      prod({ organizationSyncOptions: orgs }),
    );
    expect(expectHandshake(state, 'active-organization-mismatch').searchParams.get('organization_id')).toBe(
      'acme',
    );
  });

  it('the active organization already: signed in; a personal-account path with an org: organization_id empty', async () => {
    const same = await authenticateRequest(
      browserRequest('https://app.example.com/orgs/acme', {
        cookies: withOrg({ org_id: 'org_1', org_slug: 'acme' }),
      }),
      prod({ organizationSyncOptions: orgs }),
    );
    expect(same.status).toBe('signed-in');
    const personal = await authenticateRequest(
      browserRequest('https://app.example.com/me/profile', { cookies: withOrg({ org_id: 'org_1' }) }),
      prod({ organizationSyncOptions: orgs }),
    );
    const location = expectHandshake(personal, 'active-organization-mismatch');
    expect(location.searchParams.get('organization_id')).toBe('');
  });

  it('a counter of 3 or an API call skips activation: signed in', async () => {
    const looping = await authenticateRequest(
      browserRequest('https://app.example.com/orgs/acme', {
        cookies: { ...withOrg({}), __clerk_redirect_count: '3' },
      }),
      prod({ organizationSyncOptions: orgs }),
    );
    expect(looping.status).toBe('signed-in');
    const api = await authenticateRequest(
      browserRequest('https://app.example.com/orgs/acme', { cookies: withOrg({}), dest: 'empty' }),
      prod({ organizationSyncOptions: orgs }),
    );
    expect(api.status).toBe('signed-in');
  });

  it('an invalid pattern throws Invalid pattern', async () => {
    await expect(
      authenticateRequest(
        browserRequest(APP),
        prod({ organizationSyncOptions: { organizationPatterns: ['/orgs/:'] } }),
      ),
    ).rejects.toThrow(/^Invalid pattern "\/orgs\/:": /);
    await expect(
      authenticateRequest(
        browserRequest(APP),
        prod({ organizationSyncOptions: { organizationPatterns: ['/orgs/(oops'] } }),
      ),
    ).rejects.toThrow(/^Invalid pattern "\/orgs\/\(oops": /);
  });
});

describe('rule 17 and the signed-in state', () => {
  it('signed in by cookie: empty headers, the token, a session auth object', async () => {
    const token = sessionToken(PROD_FAPI, { org_id: 'org_1', org_role: 'org:admin' });
    const state = await authenticateRequest(browserRequest(APP, { cookies: prodCookies(token) }), prod());
    expect(state.status).toBe('signed-in');
    expect([...state.headers.keys()]).toEqual([]);
    expect(state).toMatchObject({
      reason: null,
      message: null,
      isAuthenticated: true,
      isSignedIn: true,
      tokenType: 'session_token',
      token,
    });
    expect(state.publishableKey).toBe(PROD_PK);
    expect(state.proxyUrl).toBe('');
    expect(state.domain).toBe('');
    expect(state.isSatellite).toBe(false);
    const auth = state.toAuth();
    expect(auth).toMatchObject({
      userId: 'user_handshake_1',
      sessionId: SID,
      orgId: 'org_1',
      isAuthenticated: true,
    });
    expect(await auth?.getToken()).toBe(token);
  });

  it('a pending session is signed out by toAuth() unless treatPendingAsSignedOut is false', async () => {
    const state = await authenticateRequest(
      browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI, { sts: 'pending' })) }),
      prod(),
    );
    expect(state.status).toBe('signed-in');
    expect(state.toAuth()).toMatchObject({ userId: null, sessionStatus: 'pending', isAuthenticated: false });
    if (state.status === 'signed-in') {
      expect(state.toAuth({ treatPendingAsSignedOut: false })).toMatchObject({
        userId: 'user_handshake_1',
        sessionStatus: 'pending',
      });
    }
  });
});

describe('eligibility and the loop guard (3.5)', () => {
  const withUat = { [`__client_uat_${PROD_SUFFIX}`]: String(now) };
  it('API requests get signed-out with the same reason: no sec-fetch-dest document, or not GET', async () => {
    for (const init of [{ dest: 'empty' }, { method: 'POST' }, { dest: null }]) {
      const state = await authenticateRequest(browserRequest(APP, { ...init, cookies: withUat }), prod());
      expect(state.status).toBe('signed-out');
      expect(state.reason).toBe('client-uat-but-no-session-token');
      expect(state.headers.get('location')).toBeNull();
    }
  });

  it('iframe navigations and Accept: text/html without sec-fetch-dest are eligible', async () => {
    for (const init of [{ dest: 'iframe' }, { dest: null, headers: { accept: 'text/html,*/*' } }]) {
      expect(
        (await authenticateRequest(browserRequest(APP, { ...init, cookies: withUat }), prod())).status,
      ).toBe('handshake');
    }
  });

  it('the counter goes up by one per handshake and stops at 3 or more (fail closed beyond the reference)', async () => {
    const two = await authenticateRequest(
      browserRequest(APP, { cookies: { ...withUat, __clerk_redirect_count: '2' } }),
      prod(),
    );
    expect(two.headers.getSetCookie()).toContain(
      '__clerk_redirect_count=3; SameSite=Lax; HttpOnly; Max-Age=2',
    );
    for (const count of ['3', '4', '17']) {
      const state = await authenticateRequest(
        browserRequest(APP, { cookies: { ...withUat, __clerk_redirect_count: count } }),
        prod(),
      );
      expect(state.status).toBe('signed-out');
      expect(state.reason).toBe('client-uat-but-no-session-token');
      expect(state.headers.get('location')).toBeNull();
    }
  });
});

describe('the headers a signed-in request is read for', () => {
  const recorded = recordHeaderReads;
  const headers = {
    'user-agent': 'Mozilla/5.0',
    accept: 'text/html',
    referer: 'https://elsewhere.example.org/',
  };

  it('the token headers, Sec-Fetch-Dest and Referer only (no rule of the signed-in path reads more)', async () => {
    const { request, names } = recorded(
      browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI)), headers, dest: 'empty' }),
    );
    const state = await authenticateRequest(request, prod());
    expect(state.status).toBe('signed-in');
    expect(names).toEqual(['authorization', 'cookie', 'sec-fetch-dest', 'referer']);
    // A document request from its own site: rule 15 compares the referrer, and nothing else is read.
    const own = recorded(
      browserRequest(APP, {
        cookies: prodCookies(sessionToken(PROD_FAPI)),
        headers: { ...headers, referer: 'https://app.example.com/home' },
      }),
    );
    expect((await authenticateRequest(own.request, prod())).status).toBe('signed-in');
    // The request's own origin comes from its URL and the host headers (`clerkUrlOf`).
    expect(own.names).toEqual([
      'authorization',
      'cookie',
      'sec-fetch-dest',
      'referer',
      'x-forwarded-proto',
      'x-forwarded-host',
      'host',
    ]);
  });

  it('a request that may get a handshake reads the others (without Sec-Fetch-Dest, Accept decides)', async () => {
    const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
    const { request, names } = recorded(
      browserRequest(APP, { cookies: prodCookies(expired, String(now - 3600)), headers, dest: '' }),
    );
    expect((await authenticateRequest(request, prod())).status).toBe('handshake');
    expect(names).toContain('accept');
    // A document request from another site still gets rule 15's handshake.
    const crossSite = recorded(
      browserRequest(APP, { cookies: prodCookies(sessionToken(PROD_FAPI)), headers }),
    );
    expectHandshake(await authenticateRequest(crossSite.request, prod()), 'primary-domain-cross-origin-sync');
  });
});
