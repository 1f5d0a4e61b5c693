// `acceptsToken` on the current call form, `authenticateRequest(request, options)`: machine tokens verified for
// real, an M2M JWT networkless and an API key through the host's Backend API stand-in, and a mismatch.
import { assert } from '../assert.mjs';
import { Clerk } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const API = 'http://localhost:3000/api/reports';

const clerkFor = context =>
  Clerk({
    secretKey: context.secretKey,
    publishableKey: context.publishableKey,
    apiUrl: context.apiUrl,
    env: {},
  });
const bearer = token => new Request(API, { headers: { authorization: `Bearer ${token}` } });

export const acceptsTokenScenarios = [
  scenario(
    'authenticateRequest(request, { acceptsToken: m2m_token }): an M2M JWT, zero requests',
    async context => {
      let calls = 0;
      const fetch = (input, init) => {
        calls++;
        return globalThis.fetch(input, init);
      };
      const state = await clerkFor(context).authenticateRequest(bearer(context.machine.m2mJwt), {
        acceptsToken: 'm2m_token',
        jwtKey: context.keys.rsa.publicPem,
        fetch,
      });
      assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
      assert.equal(state.tokenType, 'm2m_token', 'tokenType');
      const auth = state.toAuth();
      assert.equal(auth.machineId, context.machine.machineId, 'machineId');
      assert.equal(await auth.getToken(), context.machine.m2mJwt, 'getToken()');
      assert.equal(calls, 0, 'requests');
    },
  ),
  scenario(
    'authenticateRequest(request, { acceptsToken: [session_token, api_key] }): an API key through the Backend API',
    async context => {
      const clerk = clerkFor(context);
      const state = await clerk.authenticateRequest(bearer(context.machine.apiKey), {
        acceptsToken: ['session_token', 'api_key'],
      });
      assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
      assert.equal(state.tokenType, 'api_key', 'tokenType');
      const auth = state.toAuth();
      assert.equal(auth.orgId, 'org_conformance', 'orgId');
      assert.equal(auth.name, 'CONFORMANCE_KEY', 'name');
      const mismatch = await clerk.authenticateRequest(bearer(context.machine.apiKey), {
        acceptsToken: 'm2m_token',
      });
      assert.equal(mismatch.status, 'signed-out', 'mismatch status');
      assert.equal(mismatch.reason, 'token-type-mismatch', 'mismatch reason');
      assert.equal(mismatch.tokenType, 'm2m_token', 'mismatch tokenType');
    },
  ),
];
