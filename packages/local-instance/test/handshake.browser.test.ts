// The handshake flow end to end in headless Chromium: the browser visits an example application protected by
// an SDK's authenticateRequest(request), follows its 307s through the local instance's Frontend API (HTTPS,
// self-signed) and back. Nothing is stubbed: every hop is a real server on 127.0.0.1.
import { createClerkClient } from '@clerk/backend';
import { createClerkClient as createClerkClient3 } from 'clerk-backend-3';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type InstanceType, type LocalInstance, startLocalInstance } from '../src/index';
import { type HandshakeApp, type HandshakeAppState, startHandshakeApp } from './handshake-app.mjs';
import { callApi } from './support';

type Authenticate = (request: Request) => Promise<HandshakeAppState>;

/** An SDK's client factory, called as the current SDK is: keys and the Backend API URL, then `(request)`. */
type CreateClient = (options: { secretKey: string; publishableKey: string; apiUrl: string }) => {
  authenticateRequest(request: Request): Promise<unknown>;
};

const viaClient =
  (createClient: CreateClient) =>
  (instance: LocalInstance): Authenticate => {
    const clerk = createClient({
      secretKey: instance.secretKey,
      publishableKey: instance.publishableKey,
      apiUrl: instance.apiUrl,
    });
    return async request => (await clerk.authenticateRequest(request)) as HandshakeAppState;
  };

/** The SDKs under test, one line each: the example application authenticates with each in turn. */
const sdks: Record<string, (instance: LocalInstance) => Authenticate> = {
  '3.x': viaClient(createClerkClient3),
  ours: viaClient(createClerkClient),
};

const email = 'ada@example.com';
const expiredReason = 'session-token-expired-refresh-non-eligible-no-refresh-cookie';
const payloadOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.keys(sdks))('handshake with @clerk/backend %s', sdk => {
  describe.each<InstanceType>(['development', 'production'])('%s instance', instanceType => {
    const development = instanceType === 'development';
    let instance: LocalInstance;
    let app: HandshakeApp;
    let userId: string;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      instance = await startLocalInstance({ serveFrontendApi: true, instanceType });
      userId = instance.createUser({ emailAddress: [email] }).id;
      app = await startHandshakeApp({ authenticate: sdks[sdk]!(instance), signInUrl: instance.signInUrl });
    });

    afterAll(async () => {
      await app?.close();
      await instance?.stop();
    });

    beforeEach(async () => {
      // The SDK logs every failed handshake; the assertions below check the outcome instead.
      vi.spyOn(console, 'error').mockImplementation(() => {});
      vi.spyOn(console, 'log').mockImplementation(() => {});
      instance.frontendApiFaults.clear();
      app.visits.length = 0;
      context = await browser.newContext({ ignoreHTTPSErrors: true });
      page = await context.newPage();
      // Chromium follows at most 20 redirects per navigation; these bound the waiting too.
      page.setDefaultTimeout(15_000);
      page.setDefaultNavigationTimeout(15_000);
    });

    afterEach(async () => {
      vi.restoreAllMocks();
      await context?.close();
    });

    const cookie = async (name: string): Promise<string | undefined> =>
      (await context.cookies(app.url)).find(candidate => candidate.name === name)?.value;
    const suffixed = (name: string) => cookie(`${name}_${instance.cookieSuffix}`);
    const outcomes = () => app.visits.map(visit => [visit.status, visit.authStatus, visit.reason]);
    /** The `redirect_url` of every handshake redirect so far: never a handshake parameter in it (issue 16). */
    const expectCleanRedirectUrls = () => {
      const redirects = app.visits
        .filter(visit => visit.authStatus === 'handshake')
        .map(visit => new URL(visit.location!).searchParams.get('redirect_url')!);
      expect(redirects.length).toBeGreaterThan(0);
      for (const target of redirects) {
        const params = [...new URL(target).searchParams.keys()];
        expect(params).not.toContain('__clerk_handshake');
        expect(params).not.toContain('__clerk_handshake_nonce');
      }
    };

    /** First visit, then the sign-in page of the Frontend API; ends on the application. */
    async function signIn(): Promise<void> {
      await page.goto(`${app.url}/dashboard`);
      expect(await page.textContent('#status')).toBe('signed-out');
      await page.click('#sign-in');
      expect(new URL(page.url()).origin).toBe(instance.frontendApiUrl);
      await page.fill('input[name=identifier]', email);
      await page.click('button[type=submit]');
      await page.waitForURL(url => url.origin === app.url);
    }

    /** The browser's session token expired an hour ago, as if the tab had slept (walkthrough 3.12). */
    async function expireSession(options: { keepRefreshCookie: boolean }): Promise<string> {
      const sessionId = (await page.textContent('#session'))!;
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const expired = instance.mintSessionToken(sessionId, { issuedAt: hourAgo });
      await context.addCookies(
        [
          '__session',
          `__session_${instance.cookieSuffix}`,
          '__client_uat',
          `__client_uat_${instance.cookieSuffix}`,
        ].map(name => ({
          name,
          value: name.startsWith('__session') ? expired : String(hourAgo),
          url: app.url,
        })),
      );
      // An hour later the 2-second loop counter of the sign-in's handshakes is long gone.
      await context.clearCookies({ name: '__clerk_redirect_count' });
      if (!options.keepRefreshCookie)
        await context.clearCookies({ name: `__refresh_${instance.cookieSuffix}` });
      app.visits.length = 0;
      return expired;
    }

    it('ends signed in with the suffixed cookies after the first visit and the sign-in page', async () => {
      await page.goto(`${app.url}/dashboard`);
      if (development) {
        // Rule 7, then the handshake token resolved into a dev browser and a signed-out client.
        expect(outcomes()).toEqual([
          [307, 'handshake', 'dev-browser-missing'],
          [307, 'signed-out', 'session-token-missing'],
          [401, 'signed-out', 'session-token-and-uat-missing'],
        ]);
        expect(await suffixed('__clerk_db_jwt')).toMatch(/^dvb_[0-9A-Za-z]{27}$/);
        expect(await suffixed('__client_uat')).toBe('0');
      } else {
        expect(outcomes()).toEqual([[401, 'signed-out', 'session-token-and-uat-missing']]);
        expect(await context.cookies(app.url)).toEqual([]);
      }
      app.visits.length = 0;
      await page.click('#sign-in');
      await page.fill('input[name=identifier]', email);
      await page.click('button[type=submit]');
      await page.waitForURL(url => url.origin === app.url);

      expect(await page.textContent('#status')).toBe('signed-in');
      expect(await page.textContent('#user')).toBe(userId);
      const token = (await suffixed('__session'))!;
      expect(payloadOf(token)).toMatchObject({ sub: userId, iss: instance.issuer });
      expect(await cookie('__session')).toBe(token);
      expect(Number(await suffixed('__client_uat'))).toBeGreaterThan(0);
      expect(await suffixed('__refresh')).toMatch(/^[0-9A-Za-z]{40}$/);
      const landed = new URL(page.url());
      expect(landed.pathname).toBe('/dashboard');
      if (development) {
        expect(outcomes()).toEqual([
          [307, 'signed-in', null],
          [200, 'signed-in', null],
        ]);
        expect([...landed.searchParams.keys()]).toEqual([]);
      } else {
        // Production resolves the nonce through the Backend API and answers the page directly.
        expect(outcomes()).toEqual([[200, 'signed-in', null]]);
        expect([...landed.searchParams.keys()]).toEqual(['__clerk_handshake_nonce']);
        expect(instance.requests).toContainEqual({
          method: 'GET',
          path: '/v1/clients/handshake_payload',
          status: 200,
        });
      }
    });

    it('refreshes an expired session by a handshake, without user action', async () => {
      await signIn();
      const expired = await expireSession({ keepRefreshCookie: false });
      await page.goto(`${app.url}/dashboard`);
      expect(await page.textContent('#status')).toBe('signed-in');
      expect(outcomes()).toEqual(
        development
          ? [
              [307, 'handshake', expiredReason],
              [307, 'signed-in', null],
              [200, 'signed-in', null],
            ]
          : [
              [307, 'handshake', expiredReason],
              [200, 'signed-in', null],
            ],
      );
      const fresh = (await suffixed('__session'))!;
      expect(fresh).not.toBe(expired);
      expect(payloadOf(fresh).exp as number).toBeGreaterThan(Date.now() / 1000);
    });

    it('refreshes an expired session with __refresh_<suffix> through the Backend API, without a redirect', async () => {
      await signIn();
      const sessionId = (await page.textContent('#session'))!;
      const expired = await expireSession({ keepRefreshCookie: true });
      await page.goto(`${app.url}/dashboard`);
      expect(outcomes()).toEqual([[200, 'signed-in', null]]);
      expect(instance.requests).toContainEqual({
        method: 'POST',
        path: `/v1/sessions/${sessionId}/refresh`,
        status: 200,
      });
      const fresh = (await suffixed('__session'))!;
      expect(fresh).not.toBe(expired);
      expect(payloadOf(fresh)).toMatchObject({ sid: sessionId, sub: userId });
    });

    it('signs out a revoked session: the refresh is refused, the handshake mints signed-out cookies', async () => {
      await signIn();
      const sessionId = (await page.textContent('#session'))!;
      await expireSession({ keepRefreshCookie: true });
      expect((await callApi(instance, 'POST', `/v1/sessions/${sessionId}/revoke`)).json.status).toBe(
        'revoked',
      );
      await page.goto(`${app.url}/dashboard`);
      expect(await page.textContent('#status')).toBe('signed-out');
      // The SDK puts the Backend API's error code into the handshake reason (reference 3.9).
      const refused = 'session-token-expired-refresh-session_not_active';
      expect(outcomes()).toEqual(
        development
          ? [
              [307, 'handshake', refused],
              [307, 'signed-out', 'session-token-missing'],
              [401, 'signed-out', 'session-token-and-uat-missing'],
            ]
          : [
              [307, 'handshake', refused],
              [401, 'signed-out', 'session-token-missing'],
            ],
      );
      expect(await suffixed('__session')).toBeUndefined();
      expect(await suffixed('__refresh')).toBeUndefined();
      expect(await suffixed('__client_uat')).toBe('0');
    });

    it('ends signed-out at the loop guard when the Frontend API sends the browser straight back', async () => {
      await signIn();
      await expireSession({ keepRefreshCookie: false });
      const switched = await callApi(instance, 'POST', '/v1/local/frontend_api/faults', { loop: true });
      expect(switched.json).toMatchObject({ loop: true, no_cookies: false, wrong_signing_key: false });
      await page.goto(`${app.url}/dashboard`);
      expect(await page.textContent('#status')).toBe('signed-out');
      // Counter 0, 1 and 2 redirect; at 3 the guard answers signed-out with the same reason.
      expect(outcomes()).toEqual([
        [307, 'handshake', expiredReason],
        [307, 'handshake', expiredReason],
        [307, 'handshake', expiredReason],
        [401, 'signed-out', expiredReason],
      ]);
      expectCleanRedirectUrls();
    });

    it('ends signed-out when the handshake carries no cookies', async () => {
      instance.frontendApiFaults.set({ noCookies: true });
      if (development) {
        await page.goto(`${app.url}/dashboard`);
        // No dev browser ever arrives: each resolved handshake sends the browser back into rule 7.
        expect(outcomes()).toEqual([
          [307, 'handshake', 'dev-browser-missing'],
          [307, 'signed-out', 'session-token-missing'],
          [307, 'handshake', 'dev-browser-missing'],
          [307, 'signed-out', 'session-token-missing'],
          [307, 'handshake', 'dev-browser-missing'],
          [307, 'signed-out', 'session-token-missing'],
          [401, 'signed-out', 'dev-browser-missing'],
        ]);
        expectCleanRedirectUrls();
      } else {
        await signIn();
        expect(outcomes()).toEqual([
          [401, 'signed-out', 'session-token-and-uat-missing'],
          [401, 'signed-out', 'session-token-missing'],
        ]);
      }
      expect(await page.textContent('#status')).toBe('signed-out');
      expect(await suffixed('__session')).toBeUndefined();
    });

    it('never signs in when the Frontend API signs with a key the instance does not publish', async () => {
      instance.frontendApiFaults.set({ wrongSigningKey: true });
      if (development) {
        // Development fails closed: the handshake token's key is not in the JWKS, so the SDK throws.
        await page.goto(`${app.url}/dashboard`);
        expect(outcomes()).toEqual([
          [307, 'handshake', 'dev-browser-missing'],
          [500, 'error', expect.stringMatching(/^Clerk: Handshake token verification failed/)],
        ]);
      } else {
        // Production drops the payload whose session token does not verify and goes on with the cookies it has.
        await signIn();
        expect(outcomes()).toEqual([
          [401, 'signed-out', 'session-token-and-uat-missing'],
          [401, 'signed-out', 'session-token-and-uat-missing'],
        ]);
        expect(await page.textContent('#status')).toBe('signed-out');
      }
      expect(await suffixed('__session')).toBeUndefined();
    });
  });
});
