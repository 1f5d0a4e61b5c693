// verifyToken: networkless with a local key (option, injected env, process.env) and through the JWKS of the
// Backend API served by the host on 127.0.0.1.
import { assert } from '../assert.mjs';
import { verifyToken } from '../library.mjs';
import { scenario } from '../scenario.mjs';

// Nothing listens on the discard port: a key source that wrongly went to the network would fail loudly.
const UNREACHABLE_API_URL = 'http://127.0.0.1:9';

const isInstanceIssuer = context => iss => iss === context.issuer;

const backendApiOptions = (context, overrides = {}) => ({
  secretKey: context.secretKey,
  apiUrl: context.apiUrl,
  issuer: isInstanceIssuer(context),
  ...overrides,
});

export const verifyTokenScenarios = [
  scenario('verifyToken verifies networkless with the jwtKey option (PEM and JWK)', async context => {
    const cases = [
      [context.tokens.rs256, context.keys.rsa.publicPem],
      [context.tokens.es256, context.keys.ec.publicJwk],
    ];
    for (const [token, jwtKey] of cases) {
      const payload = await verifyToken(token, {
        jwtKey,
        secretKey: context.secretKey,
        apiUrl: UNREACHABLE_API_URL,
        issuer: context.issuer,
      });
      assert.equal(payload.sub, context.userId, typeof jwtKey);
    }
  }),
  scenario('verifyToken verifies networkless with CLERK_JWT_KEY from an injected env', async context => {
    const env = {
      CLERK_JWT_KEY: context.keys.rsa.publicPem,
      CLERK_SECRET_KEY: context.secretKey,
      CLERK_API_URL: UNREACHABLE_API_URL,
    };
    const payload = await verifyToken(context.tokens.rs256, { env, issuer: context.issuer });
    assert.equal(payload.sid, context.sessionId, 'sid');
    await assert.rejects(verifyToken(context.tokens.forged, { env, issuer: context.issuer }), {
      reason: 'token-invalid-signature',
    });
  }),
  scenario(
    'verifyToken reads CLERK_JWT_KEY from process.env, or finds no key where there is no process',
    async context => {
      const processEnv = globalThis.process?.env;
      if (!processEnv) {
        await assert.rejects(verifyToken(context.tokens.rs256, { issuer: context.issuer }), {
          reason: 'jwk-failed-to-resolve',
        });
        return;
      }
      const previous = processEnv.CLERK_JWT_KEY;
      processEnv.CLERK_JWT_KEY = context.keys.pss.publicPem;
      try {
        const payload = await verifyToken(context.tokens.ps256, { issuer: context.issuer });
        assert.equal(payload.sub, context.userId, 'sub');
      } finally {
        if (previous === undefined) delete processEnv.CLERK_JWT_KEY;
        else processEnv.CLERK_JWT_KEY = previous;
      }
    },
  ),
  scenario(
    'verifyToken loads the JWKS from the Backend API on 127.0.0.1 (RS256, PS256, ES256)',
    async context => {
      for (const alg of ['rs256', 'ps256', 'es256']) {
        const payload = await verifyToken(context.tokens[alg], backendApiOptions(context));
        assert.equal(payload.sub, context.userId, alg);
      }
    },
  ),
  scenario('verifyToken rejects a forged token whose kid is in the JWKS', async context => {
    await assert.rejects(verifyToken(context.tokens.forged, backendApiOptions(context)), {
      reason: 'token-invalid-signature',
    });
  }),
  scenario('verifyToken reports a rejected secret key as secret-key-invalid', async context => {
    const options = backendApiOptions(context, { secretKey: 'sk_test_not_the_instance_key' });
    await assert.rejects(verifyToken(context.tokens.rs256, options), { reason: 'secret-key-invalid' });
  }),
];
