import type { JwtPayload } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiClient } from '../../test/api-client';
import { type BackendServer, FAILING_TEMPLATE, startBackendServer } from '../../test/backend-server';
import {
  BackendApiRequestError,
  makeAuthObjectSerializable,
  prunePrivateMetadata,
  sanitizeAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
} from '../index';

let server: BackendServer;
beforeAll(async () => {
  server = await startBackendServer();
});
afterAll(() => server.close());

const claims = (extra: Partial<JwtPayload> = {}): JwtPayload => ({
  sub: 'user_1',
  sid: 'sess_1',
  exp: 2_000_000_000,
  ...extra,
});

const orgClaims = {
  org_id: 'org_1',
  org_role: 'basic_member',
  org_slug: 'acme',
  org_permissions: ['org:posts:edit'],
};
const MISSING_PARAMETERS =
  'Missing parameters. `has` from `auth` or `getAuth` requires a permission or role key to be passed. Example usage: `has({permission: "org:posts:edit"`';

describe('signedInAuthObject', () => {
  it('maps the claims in 0.x key order, absent claims undefined', () => {
    const auth = signedInAuthObject(claims({ act: { sub: 'user_admin' }, ...orgClaims }), { token: 't' });
    expect(Object.keys(auth)).toEqual([
      'actor',
      'sessionClaims',
      'sessionId',
      'session',
      'userId',
      'user',
      'orgId',
      'orgRole',
      'orgSlug',
      'orgPermissions',
      'organization',
      'getToken',
      'has',
      'debug',
    ]);
    expect(auth).toMatchObject({
      actor: { sub: 'user_admin' },
      sessionId: 'sess_1',
      userId: 'user_1',
      orgId: 'org_1',
      orgRole: 'basic_member',
      orgSlug: 'acme',
      orgPermissions: ['org:posts:edit'],
    });
    const bare = signedInAuthObject(claims(), { token: 't' });
    expect(bare.orgId).toBeUndefined();
    expect(bare.actor).toBeUndefined();
  });

  describe('has() (compatibility row 10)', () => {
    it('throws the 0.x message without a permission or role', () => {
      const auth = signedInAuthObject(claims(orgClaims), { token: 't' });
      expect(() => auth.has({})).toThrow(MISSING_PARAMETERS);
      expect(() => auth.has({ role: '', permission: '' })).toThrow(MISSING_PARAMETERS);
    });

    it('checks permissions and roles exactly', () => {
      const auth = signedInAuthObject(claims(orgClaims), { token: 't' });
      expect(auth.has({ permission: 'org:posts:edit' })).toBe(true);
      expect(auth.has({ permission: 'org:posts:delete' })).toBe(false);
      expect(auth.has({ role: 'basic_member' })).toBe(true);
      expect(auth.has({ role: 'admin' })).toBe(false);
      expect(auth.has({ role: 'basic' })).toBe(false);
    });

    it('a permission check wins over a role check', () => {
      const auth = signedInAuthObject(claims(orgClaims), { token: 't' });
      expect(auth.has({ permission: 'org:posts:delete', role: 'basic_member' })).toBe(false);
      expect(auth.has({ permission: 'org:posts:edit', role: 'admin' })).toBe(true);
    });

    it('a role check needs only org_role; a permission check needs org_permissions', () => {
      const { org_permissions: _, ...withoutPermissions } = orgClaims;
      const auth = signedInAuthObject(claims(withoutPermissions), { token: 't' });
      expect(auth.has({ role: 'basic_member' })).toBe(true);
      expect(auth.has({ permission: 'org:posts:edit' })).toBe(false);
      const withoutRole = signedInAuthObject(claims({ ...orgClaims, org_role: undefined }), { token: 't' });
      expect(withoutRole.has({ role: 'basic_member' })).toBe(false);
      expect(withoutRole.has({ permission: 'org:posts:edit' })).toBe(true);
    });

    it('is false without an active organization', () => {
      const auth = signedInAuthObject(claims({ ...orgClaims, org_id: undefined }), { token: 't' });
      expect(auth.has({ role: 'basic_member' })).toBe(false);
      expect(auth.has({ permission: 'org:posts:edit' })).toBe(false);
    });
  });

  describe('getToken()', () => {
    it('resolves to the session token, or null without a session id', async () => {
      await expect(signedInAuthObject(claims(), { token: 'raw' }).getToken()).resolves.toBe('raw');
      await expect(
        signedInAuthObject(claims({ sid: undefined }), { token: 'raw' }).getToken(),
      ).resolves.toBeNull();
    });

    it('mints a template token through the injected sessions API', async () => {
      const apiClient = createTestApiClient(server.url, 'sk_test_x');
      const auth = signedInAuthObject(claims(), { token: 'raw', apiClient });
      await expect(auth.getToken({ template: 'hasura' })).resolves.toBe(
        'jwt-from-template-hasura-for-sess_1',
      );
      const last = server.requests.at(-1)!;
      expect(last).toMatchObject({ method: 'POST', path: '/v1/sessions/sess_1/tokens/hasura' });
      expect(last.headers.authorization).toBe('Bearer sk_test_x');
    });

    it('rejects with the API errors when the template call fails', async () => {
      const apiClient = createTestApiClient(server.url, 'sk_test_x');
      const auth = signedInAuthObject(claims(), { token: 'raw', apiClient });
      const error = await auth.getToken({ template: FAILING_TEMPLATE }).catch(e => e);
      expect(error).toBeInstanceOf(BackendApiRequestError);
      expect(error.operation).toBe('sessions.getToken');
      expect(error.errors).toEqual([
        {
          code: 'resource_not_found',
          message: 'template not found',
          longMessage: 'No template was found',
          meta: undefined,
        },
      ]);
      expect(error.message).toBe('Backend API sessions.getToken failed: No template was found');
    });

    it('rejects clearly when a template is asked for without an apiClient', async () => {
      const auth = signedInAuthObject(claims(), { token: 'raw' });
      await expect(auth.getToken({ template: 'x' })).rejects.toThrow(
        /getToken\(\{ template \}\) needs the Backend API/,
      );
    });
  });

  it('debug() shortens keys to 7 characters, leaves out the client, and returns a fresh copy', () => {
    const apiClient = createTestApiClient(server.url, 'sk_test_x');
    const auth = signedInAuthObject(
      claims(),
      { token: 't', secretKey: 'sk_test_1234567890', apiClient },
      { jwtKey: '-----BEGIN PUBLIC KEY-----', status: 'signed-in' },
    );
    const debug = auth.debug();
    expect(debug).toMatchObject({
      secretKey: 'sk_test',
      apiKey: '',
      jwtKey: '-----BE',
      token: 't',
      status: 'signed-in',
    });
    expect(debug).not.toHaveProperty('apiClient');
    expect(auth.debug()).not.toBe(debug);
  });
});

describe('signedOutAuthObject', () => {
  it('has every field null in 0.x order', () => {
    const auth = signedOutAuthObject();
    expect(Object.keys(auth)).toEqual([
      'sessionClaims',
      'sessionId',
      'session',
      'userId',
      'user',
      'actor',
      'orgId',
      'orgRole',
      'orgSlug',
      'orgPermissions',
      'organization',
      'getToken',
      'has',
      'debug',
    ]);
    for (const key of Object.keys(auth).slice(0, 11)) expect(auth[key as keyof typeof auth]).toBeNull();
  });

  it('getToken() is null, has() is false even without arguments, debug() masks keys', async () => {
    const auth = signedOutAuthObject();
    await expect(auth.getToken()).resolves.toBeNull();
    expect((auth.has as () => boolean)()).toBe(false);
    expect(auth.has({ role: 'admin' })).toBe(false);
    expect(auth.debug()).toEqual({ apiKey: '', secretKey: '', jwtKey: '' });
    expect(signedOutAuthObject({ secretKey: 'sk_live_abcdefgh', reason: 'x' }).debug()).toEqual({
      apiKey: '',
      secretKey: 'sk_live',
      jwtKey: '',
      reason: 'x',
    });
  });
});

describe('sanitising', () => {
  it('prunePrivateMetadata deletes both spellings in place and passes nullish values through', () => {
    const user = { id: 'u', privateMetadata: { a: 1 }, private_metadata: { b: 2 }, publicMetadata: {} };
    expect(prunePrivateMetadata(user)).toBe(user);
    expect(user).toEqual({ id: 'u', publicMetadata: {} });
    expect(prunePrivateMetadata(null)).toBeNull();
    expect(prunePrivateMetadata(undefined)).toBeUndefined();
  });

  it('sanitizeAuthObject returns a new object with pruned copies and keeps the functions', () => {
    const user = { id: 'u', privateMetadata: { a: 1 } };
    const organization = { id: 'o', private_metadata: { b: 2 } };
    const auth = signedInAuthObject(claims(), { token: 't', user, organization });
    const clean = sanitizeAuthObject(auth);
    expect(clean).not.toBe(auth);
    expect(clean.user).toEqual({ id: 'u' });
    expect(clean.organization).toEqual({ id: 'o' });
    expect(user.privateMetadata).toEqual({ a: 1 });
    expect(organization.private_metadata).toEqual({ b: 2 });
    expect(typeof clean.getToken).toBe('function');
    expect(sanitizeAuthObject(signedOutAuthObject()).user).toBeNull();
  });

  it('makeAuthObjectSerializable drops the functions and keeps everything else', () => {
    const serializable = makeAuthObjectSerializable(signedOutAuthObject());
    expect(Object.values(serializable).some(value => typeof value === 'function')).toBe(false);
    expect(Object.keys(serializable)).toHaveLength(11);
    const user = { id: 'u', privateMetadata: { a: 1 } };
    const fromSignedIn = makeAuthObjectSerializable(signedInAuthObject(claims(), { token: 't', user }));
    expect(fromSignedIn.user).toBe(user);
    expect(JSON.parse(JSON.stringify(fromSignedIn)).userId).toBe('user_1');
  });
});
