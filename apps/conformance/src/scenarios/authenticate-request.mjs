// authenticateRequest through createAuthenticateRequest: the header and cookie flows of a development
// instance, ending signed-in, signed-out, interstitial and unknown. Keys come from the host's JWKS.
import { assert } from '../assert.mjs';
import { AuthStatus, createAuthenticateRequest } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const APP_HOST = 'app.conformance.test';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) conformance';

const authenticator = context =>
  createAuthenticateRequest({
    options: { secretKey: context.secretKey, apiUrl: context.apiUrl, publishableKey: context.publishableKey },
  });

function request(headers) {
  return new Request(`https://${APP_HOST}/dashboard`, {
    headers: { host: APP_HOST, 'user-agent': BROWSER, ...headers },
  });
}

const cookies = values =>
  Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

function assertState(state, status, reason, label) {
  assert.equal(state.status, status, `${label}: status (reason ${state.reason}, ${state.message})`);
  if (reason !== undefined) assert.equal(state.reason, reason, `${label}: reason`);
  assert.equal(state.isSignedIn, status === AuthStatus.SignedIn, `${label}: isSignedIn`);
  assert.equal(state.isInterstitial, status === AuthStatus.Interstitial, `${label}: isInterstitial`);
  assert.equal(state.isUnknown, status === AuthStatus.Unknown, `${label}: isUnknown`);
}

export const authenticateRequestScenarios = [
  scenario(
    'authenticateRequest: a valid Authorization header is signed-in (RS256 and ES256)',
    async context => {
      const { authenticateRequest } = authenticator(context);
      for (const alg of ['rs256', 'es256']) {
        const token = context.tokens[alg];
        const state = await authenticateRequest({ request: request({ authorization: `Bearer ${token}` }) });
        assertState(state, AuthStatus.SignedIn, null, alg);
        assert.equal(state.token, token, `${alg}: token`);
        const auth = state.toAuth();
        assert.equal(auth.userId, context.userId, `${alg}: userId`);
        assert.equal(auth.sessionId, context.sessionId, `${alg}: sessionId`);
        assert.equal(await auth.getToken(), token, `${alg}: getToken()`);
      }
    },
  ),
  scenario('authenticateRequest: valid session and client_uat cookies are signed-in', async context => {
    const { authenticateRequest } = authenticator(context);
    const cookie = cookies({ __session: context.tokens.rs256, __client_uat: context.claims.iat });
    const state = await authenticateRequest({ request: request({ cookie }) });
    assertState(state, AuthStatus.SignedIn, null, 'cookie');
    assert.equal(state.toAuth().userId, context.userId, 'userId');
    assert.equal(state.publishableKey, context.publishableKey, 'publishableKey echoed');
    assert.equal(state.frontendApi, context.frontendApi, 'frontendApi from the publishable key');
  }),
  scenario('authenticateRequest: __client_uat=0 is signed-out standard-signed-out', async context => {
    const { authenticateRequest } = authenticator(context);
    const cookie = cookies({ __session: context.tokens.rs256, __client_uat: '0' });
    const state = await authenticateRequest({ request: request({ cookie }) });
    assertState(state, AuthStatus.SignedOut, 'standard-signed-out', 'uat 0');
    assert.equal(state.token, null, 'token');
    assert.equal(state.toAuth().userId, null, 'userId');
  }),
  scenario(
    'authenticateRequest: a non-browser cookie request on a dev instance is signed-out',
    async context => {
      const { authenticateRequest } = authenticator(context);
      const cookie = cookies({ __session: context.tokens.rs256, __client_uat: context.claims.iat });
      const state = await authenticateRequest({ request: request({ cookie, 'user-agent': 'curl/8.0' }) });
      assertState(state, AuthStatus.SignedOut, 'header-missing-non-browser', 'curl');
    },
  ),
  scenario(
    'authenticateRequest: client_uat without a session cookie is interstitial cookie-missing',
    async context => {
      const { authenticateRequest } = authenticator(context);
      const state = await authenticateRequest({
        request: request({ cookie: cookies({ __client_uat: '5' }) }),
      });
      assertState(state, AuthStatus.Interstitial, 'cookie-missing', 'no session');
      assert.equal(state.toAuth(), null, 'toAuth()');
    },
  ),
  scenario('authenticateRequest: an expired session cookie is interstitial token-expired', async context => {
    const { authenticateRequest } = authenticator(context);
    const cookie = cookies({ __session: context.tokens.expired, __client_uat: '5' });
    const state = await authenticateRequest({ request: request({ cookie }) });
    assertState(state, AuthStatus.Interstitial, 'token-expired', 'expired cookie');
  }),
  scenario('authenticateRequest: an expired Authorization header is unknown token-expired', async context => {
    const { authenticateRequest } = authenticator(context);
    const state = await authenticateRequest({
      request: request({ authorization: `Bearer ${context.tokens.expired}` }),
    });
    assertState(state, AuthStatus.Unknown, 'token-expired', 'expired header');
    assert.equal(state.toAuth(), null, 'toAuth()');
  }),
  scenario(
    'authenticateRequest: a forged token is signed-out, in the header and in the cookie',
    async context => {
      const { authenticateRequest } = authenticator(context);
      const forged = context.tokens.forged;
      const viaHeader = await authenticateRequest({
        request: request({ authorization: `Bearer ${forged}` }),
      });
      assertState(viaHeader, AuthStatus.SignedOut, 'token-invalid-signature', 'header');
      const cookie = cookies({ __session: forged, __client_uat: context.claims.iat });
      const viaCookie = await authenticateRequest({ request: request({ cookie }) });
      assertState(viaCookie, AuthStatus.SignedOut, 'token-invalid-signature', 'cookie');
    },
  ),
  scenario(
    'authenticateRequest: a token from a foreign issuer is signed-out token-invalid-issuer',
    async context => {
      const { authenticateRequest } = authenticator(context);
      const state = await authenticateRequest({
        request: request({ authorization: `Bearer ${context.tokens.foreignIssuer}` }),
      });
      assertState(state, AuthStatus.SignedOut, 'token-invalid-issuer', 'foreign issuer');
    },
  ),
];
