// Differential tests against the real @clerk/backend 3.x (`clerk-backend-3`, facts only): the same requests,
// through both SDKs configured alike, give the same status, reason, `location` (parameters as a set of
// name/value pairs) and Set-Cookie headers. The Backend API is a stand-in on 127.0.0.1 for both.
import { createClerkClient } from 'clerk-backend-3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  browserRequest,
  DEV_FAPI,
  DEV_PK,
  DEV_SK,
  DEV_SUFFIX,
  locationParts,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  type RequestInitOptions,
  sessionToken,
  signRaw,
} from '../../test/current-fixtures';
import { type HandshakeServer, startHandshakeServer } from '../../test/handshake-server';
import { instanceKey, nowSeconds } from '../../test/keys';
import { type CurrentAuthenticateOptions, createAuthenticateRequest } from '../index';

let server: HandshakeServer;
beforeAll(async () => {
  server = await startHandshakeServer();
  for (const name of ['log', 'warn', 'error'] as const)
    vi.spyOn(console, name).mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const now = nowSeconds();
const APP = 'https://app.example.com/dashboard';
const LOCAL = 'http://localhost:3000/';

interface Case {
  name: string;
  url: string;
  init?: RequestInitOptions;
  dev?: boolean;
  options?: CurrentAuthenticateOptions;
  /** Configures the Backend API stand-in before both calls. */
  setup?: () => void;
  /** The outcome both must reach (checked against the reference, not only against each other). */
  expected: { status: string; reason: string | null };
}

const prodCookies = (token: string, uat = String(now - 10)) => ({
  [`__session_${PROD_SUFFIX}`]: token,
  [`__client_uat_${PROD_SUFFIX}`]: uat,
});

function cases(): Case[] {
  const valid = sessionToken(PROD_FAPI);
  const expired = sessionToken(PROD_FAPI, { iat: now - 3600 });
  const fresh = sessionToken(PROD_FAPI);
  const devFresh = sessionToken(DEV_FAPI);
  const devCookies = {
    [`__session_${DEV_SUFFIX}`]: devFresh,
    [`__client_uat_${DEV_SUFFIX}`]: String(now - 10),
    [`__clerk_db_jwt_${DEV_SUFFIX}`]: 'dvb_1',
  };
  return [
    {
      name: 'signed in by cookie',
      url: APP,
      init: { cookies: prodCookies(valid) },
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'signed in by header',
      url: APP,
      init: { dest: 'empty', headers: { authorization: `Bearer ${valid}` } },
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'no cookies',
      url: APP,
      expected: { status: 'signed-out', reason: 'session-token-and-uat-missing' },
    },
    {
      name: 'expired cookie, no refresh cookie (walkthrough)',
      url: APP,
      init: { cookies: prodCookies(expired, String(now - 3600)) },
      expected: {
        status: 'handshake',
        reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
      },
    },
    {
      name: 'expired cookie, POST',
      url: APP,
      init: { method: 'POST', cookies: prodCookies(expired, String(now - 3600)) },
      expected: { status: 'signed-out', reason: 'session-token-expired-refresh-non-eligible-non-get' },
    },
    {
      name: 'expired cookie refreshed',
      url: APP,
      init: { cookies: { ...prodCookies(expired, String(now - 3600)), [`__refresh_${PROD_SUFFIX}`]: 'r1' } },
      setup: () => {
        server.refresh = {
          status: 200,
          body: { object: 'cookies', cookies: [`__session_${PROD_SUFFIX}=${fresh}; Path=/`] },
        };
      },
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'expired cookie, refresh rejected',
      url: APP,
      init: { cookies: { ...prodCookies(expired, String(now - 3600)), [`__refresh_${PROD_SUFFIX}`]: 'r1' } },
      setup: () => {
        server.refresh = {
          status: 401,
          body: { errors: [{ code: 'refresh_token_invalid', message: 'no' }] },
        };
      },
      expected: { status: 'handshake', reason: 'session-token-expired-refresh-refresh_token_invalid' },
    },
    {
      name: 'client without session',
      url: `${APP}?tab=1`,
      init: { cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) } },
      expected: { status: 'handshake', reason: 'client-uat-but-no-session-token' },
    },
    {
      name: 'session without client (unsuffixed)',
      url: APP,
      init: { cookies: { __session: valid } },
      expected: { status: 'handshake', reason: 'session-token-but-no-client-uat' },
    },
    {
      name: 'session older than the client',
      url: APP,
      init: { cookies: prodCookies(sessionToken(PROD_FAPI, { iat: now - 100 }), String(now)) },
      expected: { status: 'handshake', reason: 'session-token-iat-before-client-uat' },
    },
    {
      name: 'machine JWT in the cookie',
      url: APP,
      init: { cookies: prodCookies(sessionToken(PROD_FAPI, { sub: 'mch_1' })) },
      expected: { status: 'signed-out', reason: 'token-type-mismatch' },
    },
    {
      name: 'nonce resolved',
      url: APP,
      init: { cookies: { __clerk_handshake_nonce: 'n-diff', __clerk_redirect_count: '1' } },
      setup: () =>
        server.nonces.set('n-diff', [
          `__session_${PROD_SUFFIX}=${fresh}; Path=/; Secure`,
          `__client_uat_${PROD_SUFFIX}=${now}`,
        ]),
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'cross-origin referer on the primary',
      url: APP,
      init: { cookies: prodCookies(valid), headers: { referer: 'https://satellite.dev/x' } },
      expected: { status: 'handshake', reason: 'primary-domain-cross-origin-sync' },
    },
    {
      name: 'loop guard at exactly 3',
      url: APP,
      init: { cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now), __clerk_redirect_count: '3' } },
      expected: { status: 'signed-out', reason: 'client-uat-but-no-session-token' },
    },
    {
      name: 'organization mismatch',
      url: 'https://app.example.com/orgs/acme',
      init: { cookies: prodCookies(sessionToken(PROD_FAPI, { org_id: 'org_1', org_slug: 'other' })) },
      options: { organizationSyncOptions: { organizationPatterns: ['/orgs/:slug'] } },
      expected: { status: 'handshake', reason: 'active-organization-mismatch' },
    },
    {
      name: 'production satellite with auto-sync',
      url: 'https://satellite.dev/',
      options: { isSatellite: true, domain: 'satellite.dev', satelliteAutoSync: true },
      expected: { status: 'handshake', reason: 'satellite-needs-syncing' },
    },
    {
      name: 'relative proxy behind forwarded headers',
      url: 'http://10.0.0.1:3000/dashboard',
      init: {
        cookies: { [`__client_uat_${PROD_SUFFIX}`]: String(now) },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example.com' },
      },
      options: { proxyUrl: '/clerk-proxy' },
      expected: { status: 'handshake', reason: 'client-uat-but-no-session-token' },
    },
    {
      name: 'dev first visit (walkthrough)',
      dev: true,
      url: LOCAL,
      expected: { status: 'handshake', reason: 'dev-browser-missing' },
    },
    {
      name: 'dev browser in the URL',
      dev: true,
      url: `${LOCAL}?__clerk_db_jwt=dvb_2`,
      expected: { status: 'handshake', reason: 'dev-browser-sync' },
    },
    {
      name: 'dev handshake token (walkthrough)',
      dev: true,
      url: `${LOCAL}?__clerk_db_jwt=dvb_3&__clerk_handshake=${signRaw({ handshake: [`__session_${DEV_SUFFIX}=${devFresh}; Path=/`, `__client_uat_${DEV_SUFFIX}=${now}`] })}`,
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'dev primary responds to syncing',
      dev: true,
      url: `${LOCAL}?__clerk_redirect_url=${encodeURIComponent('https://satellite.dev/p?a=1')}`,
      init: { cookies: devCookies },
      expected: { status: 'handshake', reason: 'primary-responds-to-syncing' },
    },
    {
      name: 'dev signed in',
      dev: true,
      url: LOCAL,
      init: { cookies: devCookies },
      expected: { status: 'signed-in', reason: null },
    },
    {
      name: 'acceptsToken api_key without a token',
      url: APP,
      options: { acceptsToken: 'api_key' },
      expected: { status: 'signed-out', reason: 'No token in header' },
    },
    {
      name: 'acceptsToken list without the kind',
      url: APP,
      init: { headers: { authorization: 'Bearer ak_1' } },
      options: { acceptsToken: ['session_token'] },
      expected: { status: 'signed-out', reason: 'token-type-mismatch' },
    },
  ];
}

const comparable = (state: { status: string; reason: string | null; headers: Headers }) => ({
  status: state.status,
  reason: state.reason,
  location: locationParts(state.headers.get('location')),
  setCookie: [...state.headers.getSetCookie()].sort(),
});

describe('the current form agrees with @clerk/backend 3.x', () => {
  for (const testCase of cases()) {
    it(testCase.name, async () => {
      const build = {
        secretKey: testCase.dev ? DEV_SK : PROD_SK,
        publishableKey: testCase.dev ? DEV_PK : PROD_PK,
        jwtKey: instanceKey.publicPem,
        apiUrl: server.url,
      };
      const theirs = createClerkClient(build);
      const ours = createAuthenticateRequest({ options: { ...build, env: {} } });
      testCase.setup?.();
      const request = () => browserRequest(testCase.url, testCase.init);
      const expected = await theirs.authenticateRequest(request(), testCase.options as never);
      testCase.setup?.();
      const actual = await ours.authenticateRequest(request(), testCase.options);
      expect({ status: expected.status, reason: expected.reason }).toEqual(testCase.expected);
      expect(comparable(actual)).toEqual(comparable(expected));
    });
  }
});
