import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';

let instance: LocalInstance;

beforeAll(async () => {
  instance = await startLocalInstance();
});

afterEach(() => {
  instance.reset();
});

afterAll(async () => {
  await instance.stop();
});

const createUsers = async (count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await callApi(instance, 'POST', '/v1/users', {
      email_address: [`user${index}@example.com`],
    });
    ids.push(response.json.id);
  }
  return ids;
};

describe('starting and stopping', () => {
  it('listens on 127.0.0.1 with a random port and hands out dev keys', () => {
    expect(instance.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(instance.port).toBeGreaterThan(0);
    expect(instance.secretKey).toMatch(/^sk_test_[0-9A-Za-z]{40}$/);
    expect(instance.publishableKey.startsWith('pk_test_')).toBe(true);
    const decoded = atob(instance.publishableKey.slice('pk_test_'.length));
    expect(decoded).toBe(`${instance.frontendApi}$`);
    expect(instance.issuer).toBe(`https://${instance.frontendApi}`);
  });

  it('takes a chosen port and frontend API, and refuses connections after stop', async () => {
    const probe = await startLocalInstance({
      frontendApi: 'clerk.example.test',
      secretKey: 'sk_test_chosen',
    });
    const port = probe.port;
    await probe.stop();
    const chosen = await startLocalInstance({
      port,
      frontendApi: 'clerk.example.test',
      secretKey: 'sk_test_chosen',
    });
    expect(chosen.apiUrl).toBe(`http://127.0.0.1:${port}`);
    expect(chosen.publishableKey).toBe(`pk_test_${btoa('clerk.example.test$').replace(/=+$/, '')}`);
    expect((await callApi(chosen, 'GET', '/v1/users')).status).toBe(200);
    await chosen.stop();
    await chosen.stop();
    await expect(fetch(`${chosen.apiUrl}/v1/users`)).rejects.toThrow();
  });

  it('rejects a port that is already taken', async () => {
    await expect(startLocalInstance({ port: instance.port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('authentication', () => {
  it('answers 401 clerk_key_invalid for a wrong secret key', async () => {
    const response = await callApi(instance, 'GET', '/v1/users', undefined, 'Bearer sk_test_not_the_key');
    expect(response.status).toBe(401);
    expect(response.json.errors[0].code).toBe('clerk_key_invalid');
    expect(response.json.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers 401 without an Authorization header, also on /v1/jwks', async () => {
    const users = await callApi(instance, 'GET', '/v1/users', undefined, null);
    expect(users.status).toBe(401);
    expect(users.json.errors[0].code).toBe('authorization_header_missing');
    expect((await callApi(instance, 'GET', '/v1/jwks', undefined, null)).status).toBe(401);
  });

  it('serves the frontend API JWKS without a key, equal to the Backend API one', async () => {
    const frontend = await fetch(instance.frontendJwksUrl).then(response => response.json());
    const backend = await callApi(instance, 'GET', '/v1/jwks');
    expect(frontend).toEqual(backend.json);
    expect(frontend.keys).toHaveLength(1);
    expect(frontend.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
  });
});

describe('pagination', () => {
  it('pages users with limit/offset, newest first, and counts them', async () => {
    const ids = await createUsers(12);
    const firstPage = await callApi(instance, 'GET', '/v1/users');
    expect(firstPage.json.map((user: { id: string }) => user.id)).toEqual([...ids].reverse().slice(0, 10));
    const secondPage = await callApi(instance, 'GET', '/v1/users?limit=5&offset=10');
    expect(secondPage.json.map((user: { id: string }) => user.id)).toEqual([ids[1], ids[0]]);
    const oldestFirst = await callApi(instance, 'GET', '/v1/users?order_by=%2Bcreated_at&limit=2');
    expect(oldestFirst.json.map((user: { id: string }) => user.id)).toEqual([ids[0], ids[1]]);
    const count = await callApi(instance, 'GET', '/v1/users/count');
    expect(count.json).toEqual({ object: 'total_count', total_count: 12 });
  });

  it('returns { data, total_count } for organizations and memberships', async () => {
    const [owner] = await createUsers(1);
    for (const name of ['One', 'Two', 'Three'])
      await callApi(instance, 'POST', '/v1/organizations', { name, created_by: owner });
    const page = await callApi(instance, 'GET', '/v1/organizations?limit=2&offset=1');
    expect(page.json.total_count).toBe(3);
    expect(page.json.data.map((organization: { name: string }) => organization.name)).toEqual(['Two', 'One']);
    const memberships = await callApi(instance, 'GET', `/v1/users/${owner}/organization_memberships?limit=1`);
    expect(memberships.json.total_count).toBe(3);
    expect(memberships.json.data).toHaveLength(1);
    expect(memberships.json.data[0].role).toBe('admin');
  });

  it('wraps plain lists in { data, total_count } with paginated=true', async () => {
    for (const url of ['https://a.example.com', 'https://b.example.com'])
      await callApi(instance, 'POST', '/v1/redirect_urls', { url });
    const plain = await callApi(instance, 'GET', '/v1/redirect_urls');
    expect(plain.json).toHaveLength(2);
    const paginated = await callApi(instance, 'GET', '/v1/redirect_urls?paginated=true&limit=1');
    expect(paginated.json.total_count).toBe(2);
    expect(paginated.json.data).toHaveLength(1);
  });

  it('wraps the users list in { data, total_count } with paginated=true, like the other plain lists', async () => {
    await createUsers(3);
    const plain = await callApi(instance, 'GET', '/v1/users?limit=2');
    expect(Array.isArray(plain.json)).toBe(true);
    expect(plain.json).toHaveLength(2);
    const paginated = await callApi(instance, 'GET', '/v1/users?paginated=true&limit=2&offset=1');
    expect(paginated.json.total_count).toBe(3);
    expect(paginated.json.data).toHaveLength(2);
    expect(paginated.json.data[0].object).toBe('user');
  });

  it.each(['limit=0', 'limit=501', 'offset=-1', 'limit=ten'])('rejects %s with 422', async query => {
    const response = await callApi(instance, 'GET', `/v1/users?${query}`);
    expect(response.status).toBe(422);
    expect(response.json.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: query.split('=')[0] },
    });
  });

  it('filters users by repeated email_address and by query', async () => {
    const ids = await createUsers(3);
    const byEmail = await callApi(
      instance,
      'GET',
      '/v1/users?email_address=user0%40example.com&email_address=USER2%40example.com',
    );
    expect(byEmail.json.map((user: { id: string }) => user.id).sort()).toEqual([ids[0], ids[2]].sort());
    const byQuery = await callApi(instance, 'GET', '/v1/users/count?query=user1');
    expect(byQuery.json.total_count).toBe(1);
  });
});

describe('errors', () => {
  it('answers 404 resource_not_found for unknown ids and paths', async () => {
    const user = await callApi(instance, 'GET', '/v1/users/user_nope');
    expect(user.status).toBe(404);
    expect(user.json.errors[0].code).toBe('resource_not_found');
    expect((await callApi(instance, 'GET', '/v1/no_such_group')).status).toBe(404);
    expect((await callApi(instance, 'GET', '/nowhere')).status).toBe(404);
  });

  it('decodes percent-encoded path ids instead of routing on them', async () => {
    const response = await callApi(instance, 'GET', '/v1/users/user_1%2Fmetadata');
    expect(response.status).toBe(404);
    expect(response.json.errors[0].long_message).toContain('user');
  });

  it('answers 405 for a method a path does not have', async () => {
    expect((await callApi(instance, 'PUT', '/v1/users')).status).toBe(405);
  });

  it('rejects unknown body fields, missing fields and taken identifiers with 422', async () => {
    const unknown = await callApi(instance, 'POST', '/v1/users', { email_addresses: ['a@example.com'] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0]).toMatchObject({
      code: 'form_param_unknown',
      meta: { param_name: 'email_addresses' },
    });
    const missing = await callApi(instance, 'POST', '/v1/organizations', {});
    expect(missing.json.errors[0]).toMatchObject({
      code: 'form_param_missing',
      meta: { param_name: 'name' },
    });
    await callApi(instance, 'POST', '/v1/users', { email_address: ['taken@example.com'] });
    const taken = await callApi(instance, 'POST', '/v1/users', { email_address: ['Taken@example.com'] });
    expect(taken.status).toBe(422);
    expect(taken.json.errors[0].code).toBe('form_identifier_exists');
    expect((await callApi(instance, 'GET', '/v1/users/count')).json.total_count).toBe(1);
  });

  it('rejects a short password unless checks are skipped, and verifies the stored one', async () => {
    const short = await callApi(instance, 'POST', '/v1/users', { password: 'short' });
    expect(short.json.errors[0].code).toBe('form_password_length_too_short');
    const user = await callApi(instance, 'POST', '/v1/users', {
      password: 'short',
      skip_password_checks: true,
    });
    expect(user.json.password_enabled).toBe(true);
    const right = await callApi(instance, 'POST', `/v1/users/${user.json.id}/verify_password`, {
      password: 'short',
    });
    expect(right.json).toEqual({ verified: true });
    const wrong = await callApi(instance, 'POST', `/v1/users/${user.json.id}/verify_password`, {
      password: 'other',
    });
    expect(wrong.status).toBe(422);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const response = await fetch(`${instance.apiUrl}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${instance.secretKey}`, 'content-type': 'application/json' },
      body: '[1, 2',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].code).toBe('request_body_invalid');
  });
});

describe('resources', () => {
  it('deep-merges metadata and removes keys set to null', async () => {
    const user = await callApi(instance, 'POST', '/v1/users', {
      public_metadata: { a: { b: 1, c: 2 }, keep: true },
    });
    const updated = await callApi(instance, 'PATCH', `/v1/users/${user.json.id}/metadata`, {
      public_metadata: { a: { c: 3 }, keep: null },
    });
    expect(updated.json.public_metadata).toEqual({ a: { b: 1, c: 3 } });
  });

  it('deletes a user with their identifications, sessions and memberships', async () => {
    const owner = await callApi(instance, 'POST', '/v1/users', { email_address: ['gone@example.com'] });
    const organization = await callApi(instance, 'POST', '/v1/organizations', {
      name: 'X',
      created_by: owner.json.id,
    });
    instance.signIn({ userId: owner.json.id });
    const deleted = await callApi(instance, 'DELETE', `/v1/users/${owner.json.id}`);
    expect(deleted.json).toEqual({ object: 'user', id: owner.json.id, deleted: true });
    const members = await callApi(instance, 'GET', `/v1/organizations/${organization.json.id}/memberships`);
    expect(members.json.total_count).toBe(0);
    expect((await callApi(instance, 'GET', `/v1/sessions?user_id=${owner.json.id}`)).json).toEqual([]);
    const again = await callApi(instance, 'POST', '/v1/users', { email_address: ['gone@example.com'] });
    expect(again.status).toBe(200);
  });

  it('enforces max_allowed_memberships and slug uniqueness', async () => {
    const [a, b] = [
      (await callApi(instance, 'POST', '/v1/users', {})).json.id,
      (await callApi(instance, 'POST', '/v1/users', {})).json.id,
    ];
    const organization = await callApi(instance, 'POST', '/v1/organizations', {
      name: 'Tiny',
      created_by: a,
      max_allowed_memberships: 1,
    });
    expect(organization.json.slug).toBe('tiny');
    const full = await callApi(instance, 'POST', `/v1/organizations/${organization.json.id}/memberships`, {
      user_id: b,
      role: 'basic_member',
    });
    expect(full.status).toBe(403);
    expect(full.json.errors[0].code).toBe('organization_membership_quota_exceeded');
    const clash = await callApi(instance, 'POST', '/v1/organizations', { name: 'Other', slug: 'tiny' });
    expect(clash.json.errors[0].code).toBe('form_identifier_exists');
  });

  it('revokes sessions and stops minting tokens for them', async () => {
    const user = await callApi(instance, 'POST', '/v1/users', {});
    const { sessionId } = instance.signIn({ userId: user.json.id });
    const revoked = await callApi(instance, 'POST', `/v1/sessions/${sessionId}/revoke`);
    expect(revoked.json.status).toBe('revoked');
    expect((await callApi(instance, 'POST', `/v1/sessions/${sessionId}/tokens`)).status).toBe(404);
    const listed = await callApi(instance, 'GET', `/v1/sessions?user_id=${user.json.id}&status=revoked`);
    expect(listed.json).toHaveLength(1);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After for the next N matching requests, then recovers', async () => {
    instance.faults.rateLimitNext(2, { retryAfterSeconds: 7 });
    const first = await callApi(instance, 'GET', '/v1/users');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.json.errors[0].code).toBe('too_many_requests');
    expect((await callApi(instance, 'GET', '/v1/users')).status).toBe(429);
    expect((await callApi(instance, 'GET', '/v1/users')).status).toBe(200);
  });

  it('limits faults to a path prefix', async () => {
    instance.faults.failNext(1, { status: 502, pathPrefix: '/v1/organizations' });
    expect((await callApi(instance, 'GET', '/v1/users')).status).toBe(200);
    const failed = await callApi(instance, 'GET', '/v1/organizations');
    expect(failed.status).toBe(502);
    expect(failed.json.errors[0].code).toBe('internal_clerk_error');
    expect((await callApi(instance, 'GET', '/v1/organizations')).status).toBe(200);
  });

  it('serves a burst of 5xx in order and records every request', async () => {
    const before = instance.requests.length;
    instance.faults.failNext(3);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await callApi(instance, 'GET', '/v1/clients')).status);
    expect(statuses).toEqual([503, 503, 503, 200]);
    expect(instance.requests.slice(before).map(request => request.status)).toEqual([503, 503, 503, 200]);
  });

  it('takes the JWKS down on both endpoints', async () => {
    instance.faults.setJwksDown(true);
    expect((await callApi(instance, 'GET', '/v1/jwks')).status).toBe(503);
    expect((await fetch(instance.frontendJwksUrl)).status).toBe(503);
    expect((await callApi(instance, 'GET', '/v1/users')).status).toBe(200);
    instance.faults.setJwksDown(false);
    expect((await fetch(instance.frontendJwksUrl)).status).toBe(200);
  });

  it('delays responses with added latency (a client timeout fires)', async () => {
    instance.faults.setLatency(400);
    const aborted = fetch(`${instance.apiUrl}/v1/users`, {
      headers: { authorization: `Bearer ${instance.secretKey}` },
      signal: AbortSignal.timeout(20),
    });
    await expect(aborted).rejects.toThrow();
    instance.faults.setLatency(0);
    expect((await callApi(instance, 'GET', '/v1/users')).status).toBe(200);
  });

  it('rejects nonsensical fault settings', () => {
    expect(() => instance.faults.failNext(1, { status: 404 })).toThrow(RangeError);
    expect(() => instance.faults.rateLimitNext(0)).toThrow(RangeError);
    expect(() => instance.faults.setLatency(-1)).toThrow(RangeError);
  });

  it('rotates the signing key, keeping or dropping the previous one', async () => {
    const before = instance.jwks().keys.map(key => key.kid);
    const { kid } = instance.rotateSigningKey();
    const kept = (await callApi(instance, 'GET', '/v1/jwks')).json.keys.map(
      (key: { kid: string }) => key.kid,
    );
    expect(kept).toEqual([...before, kid]);
    const { kid: latest } = instance.rotateSigningKey({ keepPrevious: false });
    const dropped = (await callApi(instance, 'GET', '/v1/jwks')).json.keys.map(
      (key: { kid: string }) => key.kid,
    );
    expect(dropped).toEqual([latest]);
  });
});
