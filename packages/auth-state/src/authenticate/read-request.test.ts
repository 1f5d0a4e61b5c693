// Reading the request (auth-and-tokens.md 7.3, 7.4) and the 0.x defaults every state echoes (7.1, 7.13),
// through the standalone authenticateRequest and the factory, over tokens verified with the instance's PEM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { instanceKey, nowSeconds, sessionClaims, signToken } from '../../test/keys';
import { recordHeaderReads } from '../../test/recorded-headers';
import {
  authenticateRequest,
  createAuthenticateRequest,
  debugRequestState,
  type RequestState,
} from '../index';
import { NOT_A_FETCH_REQUEST } from './read-request';

const DEV = 'sk_test_deadbeef';
const BROWSER = 'Mozilla/5.0 (read-request test)';
let valid: string;
let expired: string;
let iat: number;

beforeAll(async () => {
  iat = nowSeconds();
  valid = await signToken();
  expired = await signToken(sessionClaims({ exp: iat - 3600, nbf: iat - 7200 }));
});

const base = () => ({ secretKey: DEV, jwtKey: instanceKey.publicPem, env: {} });

describe('explicit request values without a request', () => {
  it('uses them as given, empty strings included: forwardedHost "" means no known host, so no CORS check', async () => {
    const cookieFlow = {
      ...base(),
      cookieToken: valid,
      clientUat: String(iat - 10),
      userAgent: BROWSER,
      origin: 'http://localhost:3000',
    };
    // 0.38.15: signed-in for each of these; an empty forwardedHost is not replaced by host.
    for (const extra of [
      { host: 'localhost:3000', forwardedHost: '' },
      { host: 'other.test:3000', forwardedHost: '' },
      { host: 'localhost:3000', forwardedHost: '', forwardedProto: 'https' },
    ]) {
      const state = await authenticateRequest({ ...cookieFlow, ...extra });
      expect([state.status, state.reason], JSON.stringify(extra)).toEqual(['signed-in', null]);
    }
    // A forwarded host that differs is still cross-origin.
    const state = await authenticateRequest({
      ...cookieFlow,
      host: 'localhost:3000',
      forwardedHost: 'x.test',
    });
    expect([state.status, state.reason]).toEqual(['signed-out', 'header-missing-cors']);
  });

  it('keeps a given empty value in the debug data instead of undefined', async () => {
    const state = await authenticateRequest({ ...base(), clientUat: '0', forwardedHost: '', referrer: '' });
    expect(state.toAuth()?.debug()).toMatchObject({ forwardedHost: '', referrer: '' });
  });

  it('with a request, an empty explicit value falls back to the header (explicit || header)', async () => {
    const request = new Request('http://localhost:3000/', {
      headers: { host: 'localhost:3000', 'x-forwarded-host': 'x.test', origin: 'http://localhost:3000' },
    });
    const state = await authenticateRequest({
      ...base(),
      request,
      forwardedHost: '',
      cookieToken: valid,
      clientUat: String(iat - 10),
      userAgent: BROWSER,
    });
    expect([state.status, state.reason]).toEqual(['signed-out', 'header-missing-cors']);
  });
});

describe('the headers a request is read for', () => {
  const recorded = (headers: Record<string, string>) =>
    recordHeaderReads(new Request('https://example.com/dashboard', { headers }));
  const browser = (cookie: string, extra: Record<string, string> = {}) => ({
    host: 'example.com',
    'user-agent': BROWSER,
    referer: 'https://example.com/from',
    cookie,
    ...extra,
  });
  const live = () => ({ ...base(), secretKey: 'sk_live_deadbeef' });

  it('production without Origin: Origin, Authorization and Cookie, the others only when debug() asks', async () => {
    for (const [cookie, status] of [
      [`__client_uat=${iat - 10}; __session=${valid}`, 'signed-in'],
      ['__client_uat=0', 'signed-out'],
    ] as const) {
      const { request, names } = recorded(browser(cookie));
      const state = await authenticateRequest({ ...live(), request });
      expect(state.status).toBe(status);
      expect(names).toEqual(['origin', 'authorization', 'cookie']);
      // The auth object alone reads nothing more: its debug data is merged when debug() is called.
      const auth = state.toAuth() as { debug: () => Record<string, unknown> };
      expect(names).toEqual(['origin', 'authorization', 'cookie']);
      const debug = auth.debug();
      expect(debug).toMatchObject({
        host: 'example.com',
        userAgent: BROWSER,
        referrer: 'https://example.com/from',
        cookieToken: status === 'signed-in' ? valid : undefined,
      });
      expect(names).toContain('user-agent');
    }
  });

  it('in development, for a satellite or with an Origin: every header before the rules run', async () => {
    const signedIn = `__client_uat=${iat - 10}; __session=${valid}`;
    for (const [options, headers] of [
      [base(), browser(signedIn)],
      [{ ...live(), isSatellite: true, domain: 'example.com' }, browser(signedIn)],
      [live(), browser(signedIn, { origin: 'https://example.com' })],
    ] as const) {
      const { request, names } = recorded(headers);
      const state = await authenticateRequest({ ...options, request });
      expect(state.status).toBe('signed-in');
      expect(names).toEqual(expect.arrayContaining(['user-agent', 'referer', 'host', 'x-forwarded-host']));
    }
  });
});

describe('a Node request instead of a Fetch Request', () => {
  it('rejects with an error that names toWebRequest from @clerk/backend/node', async () => {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const received = new Promise<unknown>(resolve =>
      server.once('request', (req, res) => {
        resolve(req);
        res.end();
      }),
    );
    await fetch(`http://127.0.0.1:${port}/`);
    const nodeRequest = (await received) as Request;
    server.close();
    const rejection = authenticateRequest({ ...base(), request: nodeRequest });
    await expect(rejection).rejects.toThrow(TypeError);
    await expect(rejection).rejects.toThrow(NOT_A_FETCH_REQUEST);
    expect(NOT_A_FETCH_REQUEST).toContain("toWebRequest(req) from '@clerk/backend/node'");
  });
});

// The four echoed defaults of 0.38.15 when nothing configures them: '', '', '' and false.
const ECHOED_DEFAULTS = { publishableKey: '', proxyUrl: '', domain: '', isSatellite: false, frontendApi: '' };

function expectDefaults(state: RequestState, label: string) {
  const { proxyUrl, ...withoutProxy } = ECHOED_DEFAULTS;
  expect(state, label).toMatchObject(state.status === 'unknown' ? withoutProxy : ECHOED_DEFAULTS);
  if (state.status === 'unknown')
    expect('proxyUrl' in state, `${label}: unknown has no proxyUrl`).toBe(false);
  const debug = debugRequestState(state);
  expect(debug, `${label}: debugRequestState`).toMatchObject({
    publishableKey: '',
    domain: '',
    isSatellite: false,
    proxyUrl: state.status === 'unknown' ? undefined : '',
  });
}

describe('the 0.x defaults every state echoes', () => {
  const flows = () => ({
    'signed-in': { headerToken: valid },
    'signed-out': { clientUat: '0', userAgent: BROWSER },
    interstitial: { clientUat: '5', userAgent: BROWSER },
    unknown: { headerToken: expired },
  });

  const entryPoints = {
    'standalone authenticateRequest': (options: object) => authenticateRequest({ ...base(), ...options }),
    createAuthenticateRequest: (options: object) =>
      createAuthenticateRequest({ options: base() }).authenticateRequest(options),
    'createAuthenticateRequest with options set to undefined': (options: object) =>
      createAuthenticateRequest({
        options: {
          ...base(),
          publishableKey: undefined,
          proxyUrl: undefined,
          domain: undefined,
          isSatellite: undefined,
        },
      }).authenticateRequest(options),
  };

  for (const [entry, authenticate] of Object.entries(entryPoints)) {
    it(`${entry}: '', '', '', false in every state, debugRequestState and the signed-out debug data`, async () => {
      for (const [status, options] of Object.entries(flows())) {
        const state = await authenticate(options);
        expect(state.status).toBe(status);
        expectDefaults(state, `${entry} ${status}`);
        if (state.status === 'signed-out') {
          expect(state.toAuth().debug()).toMatchObject({
            ...ECHOED_DEFAULTS,
            apiKey: '',
            status: 'signed-out',
          });
        }
      }
    });
  }

  it('the environment fills them when no option does (CLERK_* of the env option)', async () => {
    const env = { CLERK_DOMAIN: 'env.test', CLERK_PROXY_URL: 'https://env.test/__clerk' };
    const state = await authenticateRequest({ ...base(), env, headerToken: valid });
    expect(state).toMatchObject({
      domain: 'env.test',
      proxyUrl: 'https://env.test/__clerk',
      publishableKey: '',
    });
  });
});
