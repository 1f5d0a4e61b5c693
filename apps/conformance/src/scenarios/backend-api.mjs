// The Backend API through Clerk(): every method resolves to `{ data, errors }`, against the host's server.
import { assert } from '../assert.mjs';
import { Clerk } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const clerkFor = (context, secretKey = context.secretKey) => Clerk({ secretKey, apiUrl: context.apiUrl });

export const backendApiScenarios = [
  scenario('Backend API: users.getUser resolves to { data, errors: null }', async context => {
    const result = await clerkFor(context).users.getUser(context.userId);
    assert.equal(result.errors, null, 'errors');
    assert.equal(result.data?.id, context.userId, 'data.id');
    assert.equal(result.data.firstName, 'Conformance', 'data.firstName (camelCase)');
    assert.deepEqual(result.data.publicMetadata, { runtime: 'conformance' }, 'data.publicMetadata');
  }),
  scenario(
    'Backend API: a 404 resolves to { data: null, errors } with status and trace id',
    async context => {
      const result = await clerkFor(context).users.getUser(context.missingUserId);
      assert.equal(result.data, null, 'data');
      assert.equal(result.status, 404, 'status');
      assert.equal(result.clerkTraceId, context.traceId, 'clerkTraceId');
      assert.equal(result.errors?.length, 1, 'one error');
      assert.equal(result.errors[0].code, 'resource_not_found', 'code');
      assert.equal(
        result.errors[0].longMessage,
        `No user was found with id ${context.missingUserId}.`,
        'longMessage',
      );
    },
  ),
  scenario('Backend API: a rejected secret key resolves to errors, never a rejection', async context => {
    const result = await clerkFor(context, 'sk_test_not_the_instance_key').users.getUser(context.userId);
    assert.equal(result.data, null, 'data');
    assert.equal(result.status, 401, 'status');
    assert.equal(result.errors?.[0]?.code, 'clerk_key_invalid', 'code');
  }),
  scenario('Clerk() authenticates a request with the keys it was built with', async context => {
    const clerk = Clerk({
      secretKey: context.secretKey,
      apiUrl: context.apiUrl,
      jwtKey: context.keys.rsa.publicPem,
    });
    const request = new Request('https://app.conformance.test/', {
      headers: { authorization: `Bearer ${context.tokens.rs256}` },
    });
    const state = await clerk.authenticateRequest({ request });
    assert.equal(state.status, 'signed-in', `status (${state.reason})`);
    assert.equal(state.toAuth().userId, context.userId, 'userId');
    const forged = await clerk.authenticateRequest({
      request: new Request('https://app.conformance.test/', {
        headers: { authorization: `Bearer ${context.tokens.forged}` },
      }),
    });
    assert.equal(forged.status, 'signed-out', 'forged status');
    assert.equal(forged.reason, 'token-invalid-signature', 'forged reason');
  }),
];
