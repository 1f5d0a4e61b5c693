// Stale-if-error: a Backend API outage after the JWKS TTL keeps verifying with the keys loaded before it, inside
// the bounded stale window, with at most one refresh per cooldown. The outage is real: the `fetch` below is the
// runtime's own, sent to the host's API on 127.0.0.1 until the outage starts and to a closed port after it.
import { assert } from '../assert.mjs';
import { verifyToken } from '../library.mjs';
import { scenario } from '../scenario.mjs';

// Nothing listens on the discard port: every request there is refused.
const UNREACHABLE_API_URL = 'http://127.0.0.1:9';

/** The runtime's fetch, pointed at a refused port while `down` is set; counts the requests it sends. */
function switchableFetch(context) {
  const state = { down: false, requests: 0 };
  state.fetch = (url, init) => {
    state.requests++;
    const target = state.down ? url.replace(context.apiUrl, UNREACHABLE_API_URL) : url;
    return globalThis.fetch(target, init);
  };
  return state;
}

export const jwksOutageScenarios = [
  scenario(
    'verifyToken serves the JWKS loaded before an outage inside jwksMaxStaleInMs, one refresh per cooldown',
    async context => {
      const source = switchableFetch(context);
      // A TTL of 0 makes every verification a refresh, so no clock has to pass for the keys to be stale.
      const options = {
        secretKey: context.secretKey,
        apiUrl: context.apiUrl,
        issuer: context.issuer,
        env: {},
        fetch: source.fetch,
        verifiedTokenCache: false,
        jwksCacheTtlInMs: 0,
        jwksFetchRetries: 0,
      };
      const first = await verifyToken(context.tokens.rs256, options);
      assert.equal(first.sub, context.userId, 'before the outage');
      assert.equal(source.requests, 1, 'one load before the outage');

      source.down = true;
      for (const alg of ['rs256', 'es256', 'ps256', 'rs256']) {
        const payload = await verifyToken(context.tokens[alg], options);
        assert.equal(payload.sub, context.userId, `${alg} during the outage`);
      }
      assert.equal(
        source.requests,
        2,
        'during the outage: one failed refresh, then none within the cooldown',
      );
      await assert.rejects(verifyToken(context.tokens.forged, options), {
        reason: 'token-invalid-signature',
      });

      // Outside the window (0: switched off) the outage is reported.
      await assert.rejects(verifyToken(context.tokens.rs256, { ...options, jwksMaxStaleInMs: 0 }), {
        reason: 'jwk-remote-failed-to-load',
      });

      // Once the source answers again (and the cooldown allows a refresh) it is loaded again.
      source.down = false;
      const requestsBefore = source.requests;
      const after = await verifyToken(context.tokens.rs256, { ...options, jwksRefetchCooldownInMs: 0 });
      assert.equal(after.sub, context.userId, 'after the outage');
      assert.equal(source.requests, requestsBefore + 1, 'one load after the outage');
    },
  ),
];
