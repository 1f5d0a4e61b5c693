// The 0.x defaults every request state echoes when no publishableKey, proxyUrl, domain or isSatellite is
// configured ('', '', '', false: auth-and-tokens.md 7.1, 7.13, 7.14, 8.2), through Clerk() and
// createAuthenticateRequest, in all four states. Keys come from the host's JWKS.
import { assert } from '../assert.mjs';
import { Clerk, createAuthenticateRequest, debugRequestState } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) conformance';
const ECHOED = ['frontendApi', 'publishableKey', 'domain', 'isSatellite'];
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

const flows = context => [
  ['signed-in', { headerToken: context.tokens.rs256 }],
  ['signed-out', { clientUat: '0', userAgent: BROWSER }],
  ['interstitial', { clientUat: '5', userAgent: BROWSER }],
  ['unknown', { headerToken: context.tokens.expired }],
];

async function checkDefaults(authenticateRequest, context, label) {
  for (const [status, options] of flows(context)) {
    const state = await authenticateRequest(options);
    const where = `${label} ${status}`;
    assert.equal(state.status, status, `${where}: status (reason ${state.reason})`);
    for (const key of ECHOED) {
      assert.equal(state[key], key === 'isSatellite' ? false : '', `${where}: ${key}`);
    }
    if (status === 'unknown') assert.equal('proxyUrl' in state, false, `${where}: no proxyUrl on unknown`);
    else assert.equal(state.proxyUrl, '', `${where}: proxyUrl`);
    const debug = debugRequestState(state);
    assert.deepEqual(Object.keys(debug), DEBUG_KEYS, `${where}: debugRequestState keys`);
    assert.equal(debug.publishableKey, '', `${where}: debug publishableKey`);
    assert.equal(debug.domain, '', `${where}: debug domain`);
    assert.equal(debug.isSatellite, false, `${where}: debug isSatellite`);
    assert.equal(debug.proxyUrl, status === 'unknown' ? undefined : '', `${where}: debug proxyUrl`);
    if (status === 'signed-out') {
      const data = state.toAuth().debug();
      for (const key of ['publishableKey', 'proxyUrl', 'domain', 'apiKey']) {
        assert.equal(data[key], '', `${where}: auth debug ${key}`);
      }
      assert.equal(data.isSatellite, false, `${where}: auth debug isSatellite`);
      assert.equal(data.status, 'signed-out', `${where}: auth debug status`);
    }
  }
}

export const requestStateDefaultsScenarios = [
  scenario('request-state defaults: Clerk() echoes "", "", "", false in every state', async context => {
    const clerk = Clerk({ secretKey: context.secretKey, apiUrl: context.apiUrl, env: {} });
    await checkDefaults(options => clerk.authenticateRequest(options), context, 'Clerk()');
  }),
  scenario('request-state defaults: createAuthenticateRequest echoes them too', async context => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: { secretKey: context.secretKey, apiUrl: context.apiUrl, env: {}, publishableKey: undefined },
    });
    await checkDefaults(authenticateRequest, context, 'createAuthenticateRequest');
  }),
];
