// clerkApiVersion: the Clerk-API-Version header per dated version, none by default, a clear error for any
// other value at creation, and the version-typed params of the methods whose body differs between versions.
import { describe, expect, it } from 'vitest';
import {
  assertClerkApiVersion,
  CLERK_API_VERSION_HEADER,
  CLERK_API_VERSIONS,
  createBackendApiClient,
  createRequestFunction,
} from '../src/index';
import { answerJson, useLocalServer } from './localServer';

const local = useLocalServer();
const secretKey = 'sk_test_versions';

describe('Clerk-API-Version', () => {
  it('is the header name current Clerk reads', () => {
    expect(CLERK_API_VERSION_HEADER).toBe('Clerk-API-Version');
  });

  it.each(['2021-02-05', '2024-10-01', '2025-04-10', '2025-11-10', '2026-05-12'] as const)(
    'is sent as %s on 0.x, generated and escape-hatch requests of a client pinned to it',
    async version => {
      const client = createBackendApiClient({
        secretKey,
        apiUrl: local.current.url,
        clerkApiVersion: version,
      });
      local.current.setHandler(answerJson(200, { object: 'user', id: 'user_1' }));
      await client.users.getUser('user_1');
      await client.jwtTemplates.listJWTTemplates();
      await client.m2m.getM2MTokens({ subject: 'mch_1' });
      await client.request({ method: 'GET', path: '/instance' });
      expect(local.current.requests).toHaveLength(4);
      for (const request of local.current.requests)
        expect(request.headers['clerk-api-version']).toBe(version);
    },
  );

  it('is not sent without clerkApiVersion (the 0.x wire)', async () => {
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    await client.users.getUser('user_1');
    await client.request({ method: 'GET', path: '/instance' });
    expect(local.current.requests).toHaveLength(2);
    for (const request of local.current.requests)
      expect(request.headers).not.toHaveProperty('clerk-api-version');
  });

  it('is the one value given even when httpOptions carries another', async () => {
    const client = createBackendApiClient({
      secretKey,
      apiUrl: local.current.url,
      clerkApiVersion: '2025-11-10',
      httpOptions: { headers: { 'Clerk-API-Version': '2021-02-05' } },
    });
    await client.users.getUser('user_1');
    expect(local.current.requests[0]!.headers['clerk-api-version']).toBe('2025-11-10');
  });
});

describe('an unknown clerkApiVersion', () => {
  const message =
    'Unknown clerkApiVersion "2026-05-13": use one of 2021-02-05, 2024-10-01, 2025-04-10, 2025-11-10, 2026-05-12, or leave it unset to send no Clerk-API-Version header.';

  it('throws a TypeError naming the accepted values when the client is created, before any request', () => {
    const create = () =>
      createBackendApiClient({
        secretKey,
        apiUrl: local.current.url,
        clerkApiVersion: '2026-05-13' as never,
      });
    expect(create).toThrow(TypeError);
    expect(create).toThrow(message);
    expect(() => createRequestFunction({ clerkApiVersion: 'v2' as never })).toThrow(
      /Unknown clerkApiVersion "v2"/,
    );
    expect(local.current.requests).toHaveLength(0);
  });

  it('includes the frozen 2025-03-12 file, the empty string and non-strings', () => {
    for (const value of ['2025-03-12', '', 20260512, null, 'latest']) {
      expect(() => assertClerkApiVersion(value), String(value)).toThrow(TypeError);
    }
  });

  it('is told apart from the accepted values and from undefined', () => {
    for (const version of CLERK_API_VERSIONS) expect(() => assertClerkApiVersion(version)).not.toThrow();
    expect(() => assertClerkApiVersion(undefined)).not.toThrow();
  });
});

describe('methods typed by the version the client is built for', () => {
  it('updateUser and updateOrganization drop the metadata fields for 2026-05-12, and keep them otherwise', async () => {
    const pinned = createBackendApiClient({
      secretKey,
      apiUrl: local.current.url,
      clerkApiVersion: '2026-05-12',
    });
    const unpinned = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const older = createBackendApiClient({
      secretKey,
      apiUrl: local.current.url,
      clerkApiVersion: '2025-11-10',
    });
    local.current.setHandler(answerJson(200, { object: 'user', id: 'user_1' }));

    await pinned.users.updateUser('user_1', { firstName: 'Ada' });
    // @ts-expect-error 2026-05-12 rejects metadata in PATCH /users/{id}: use updateUserMetadata
    await pinned.users.updateUser('user_1', { publicMetadata: { plan: 'pro' } });
    // @ts-expect-error 2026-05-12 rejects metadata in PATCH /organizations/{id}
    await pinned.organizations.updateOrganization('org_1', { privateMetadata: {} });
    await unpinned.users.updateUser('user_1', { publicMetadata: { plan: 'pro' } });
    await older.users.updateUser('user_1', { unsafeMetadata: {} });
    await unpinned.organizations.updateOrganization('org_1', { name: 'n', publicMetadata: {} });

    // types only: the wire is the 0.x one either way (the server answers 422 for the rejected fields)
    expect(local.current.requests.map(request => request.body.toString())).toEqual([
      '{"first_name":"Ada"}',
      '{"public_metadata":{"plan":"pro"}}',
      '{"private_metadata":{}}',
      '{"public_metadata":{"plan":"pro"}}',
      '{"unsafe_metadata":{}}',
      '{"name":"n","public_metadata":{}}',
    ]);
  });
});
