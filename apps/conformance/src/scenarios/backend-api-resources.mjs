// Backend API results are resource classes on every runtime: through a method and through the request()
// escape hatch against the host's server, a page with its totalCount, and the Clerk-API-Version option.
import { Clerk, M2MToken, User } from '@clerk/backend';
import { assert } from '../assert.mjs';
import { scenario } from '../scenario.mjs';

export const backendApiResourceScenarios = [
  scenario('Backend API: users.getUser and request() resolve to a User instance', async context => {
    const clerk = Clerk({ secretKey: context.secretKey, apiUrl: context.apiUrl });
    const viaMethod = await clerk.users.getUser(context.userId);
    assert.ok(viaMethod.data instanceof User, 'users.getUser data is a User');
    const viaRequest = await clerk.request({ method: 'GET', path: `/users/${context.userId}` });
    assert.equal(viaRequest.errors, null, 'request() errors');
    assert.ok(viaRequest.data instanceof User, 'request() data is a User');
    assert.equal(viaRequest.data.firstName, 'Conformance', 'camelCased field');
  }),
  scenario('Backend API: a page resolves to classes with totalCount (m2m.getM2MTokens)', async context => {
    // the host serves no M2M tokens: this runtime's own Response carries the page
    const fetch = async (url, init) => {
      assert.equal(new Headers(init.headers).get('Clerk-API-Version'), '2026-05-12', 'Clerk-API-Version');
      assert.ok(String(url).endsWith('/v1/m2m_tokens?subject=mch_1'), `url ${url}`);
      const token = { object: 'machine_to_machine_token', id: 'mt_1', subject: 'mch_1', created_at: 5 };
      return new Response(JSON.stringify({ m2m_tokens: [token], total_count: 3 }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const clerk = Clerk({
      secretKey: context.secretKey,
      apiUrl: context.apiUrl,
      clerkApiVersion: '2026-05-12',
      fetch,
    });
    const page = await clerk.m2m.getM2MTokens({ subject: 'mch_1' });
    assert.equal(page.errors, null, 'errors');
    assert.equal(page.totalCount, 3, 'totalCount');
    assert.ok(page.data[0] instanceof M2MToken, 'item is an M2MToken');
    assert.equal(page.data[0].createdAt, 5, 'camelCased createdAt');
  }),
  scenario('Backend API: an unknown clerkApiVersion throws at Clerk()', async context => {
    let message = '';
    try {
      Clerk({ secretKey: context.secretKey, apiUrl: context.apiUrl, clerkApiVersion: 'latest' });
    } catch (error) {
      message = error.message;
    }
    assert.ok(message.includes('Unknown clerkApiVersion "latest"'), `message: ${message}`);
  }),
];
