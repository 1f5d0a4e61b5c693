// The current call form, `authenticateRequest(request, options)`, on a development instance: signed in by
// header and by cookie, a handshake redirect (and its 307), and a handshake token resolved with the JWKS.
import { assert } from '../assert.mjs';
import { Clerk, redirectResponseFor } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const APP = 'http://localhost:3000/dashboard';

const clerkFor = context =>
  Clerk({
    secretKey: context.secretKey,
    publishableKey: context.publishableKey,
    apiUrl: context.apiUrl,
    env: {},
  });

const page = (url, headers = {}) =>
  new Request(url, { headers: { 'sec-fetch-dest': 'document', ...headers } });

export const handshakeScenarios = [
  scenario(
    'authenticateRequest(request): a Bearer token is signed-in with headers and isAuthenticated',
    async context => {
      const state = await clerkFor(context).authenticateRequest(
        new Request(APP, { headers: { authorization: `Bearer ${context.tokens.rs256}` } }),
      );
      assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
      assert.equal(state.isAuthenticated, true, 'isAuthenticated');
      assert.equal(state.tokenType, 'session_token', 'tokenType');
      assert.equal(state.token, context.tokens.rs256, 'token');
      assert.equal(state.headers instanceof Headers, true, 'headers is a Headers');
      assert.equal(state.toAuth().userId, context.userId, 'userId');
    },
  ),
  scenario(
    'authenticateRequest(request): session, client and dev-browser cookies are signed-in',
    async context => {
      const cookie = `__session=${context.tokens.rs256}; __client_uat=${context.claims.iat}; __clerk_db_jwt=dvb_conformance`;
      const state = await clerkFor(context).authenticateRequest(page(APP, { cookie }));
      assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
      assert.equal(state.toAuth().sessionId, context.sessionId, 'sessionId');
      assert.equal([...state.headers.keys()].length, 0, 'no headers');
    },
  ),
  scenario('authenticateRequest(request): a first visit is a handshake, answered by a 307', async context => {
    const state = await clerkFor(context).authenticateRequest(page(APP));
    assert.equal(state.status, 'handshake', `status (reason ${state.reason})`);
    assert.equal(state.reason, 'dev-browser-missing', 'reason');
    const expected =
      `https://${context.frontendApi}/v1/client/handshake?redirect_url=${encodeURIComponent(APP)}` +
      '&__clerk_api_version=2026-05-12&suffixed_cookies=false&__clerk_hs_reason=dev-browser-missing&format=nonce';
    assert.equal(state.headers.get('location'), expected, 'location');
    assert.equal(state.headers.get('cache-control'), 'no-store', 'cache-control');
    const response = redirectResponseFor(state);
    assert.equal(response.status, 307, '307');
    assert.equal(response.headers.get('location'), expected, 'response location');
    assert.equal(
      response.headers.get('set-cookie'),
      '__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2',
      'loop counter cookie',
    );
  }),
  scenario('authenticateRequest(request): a handshake token sets the cookies and signs in', async context => {
    const url = `${APP}?__clerk_db_jwt=dvb_conformance&__clerk_handshake=${context.tokens.handshake}`;
    const state = await clerkFor(context).authenticateRequest(page(url));
    assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
    assert.equal(state.token, context.tokens.rs256, 'the session token of the directives');
    assert.equal(state.headers.get('location'), APP, 'redirect to the clean URL');
    const cookies = state.headers.get('set-cookie') ?? '';
    assert.equal(
      cookies.includes(`__session=${context.tokens.rs256}; Path=/; SameSite=Lax`),
      true,
      'session cookie set',
    );
    assert.equal(cookies.includes(`__client_uat=${context.claims.iat}`), true, 'client cookie set');
  }),
  scenario(
    'authenticateRequest(request): a handshake token signed by another key never signs in',
    async context => {
      const [head, body] = context.tokens.handshake.split('.');
      const forgedSignature = context.tokens.forged.split('.')[2];
      const url = `${APP}?__clerk_handshake=${head}.${body}.${forgedSignature}`;
      let thrown = null;
      try {
        await clerkFor(context).authenticateRequest(page(url));
      } catch (error) {
        thrown = error;
      }
      assert.equal(
        String(thrown?.message).startsWith('Clerk: Handshake token verification failed'),
        true,
        'rejected',
      );
    },
  ),
];
