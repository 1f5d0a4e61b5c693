// The current-form auth objects (current-clerk.md 1.5), and v2 tokens through the 0.x call form, which keeps
// exactly its 0.x key set.
import type { JwtPayload } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiClient } from '../../test/api-client';
import { type BackendServer, startBackendServer } from '../../test/backend-server';
import { instanceKey, SESSION_ID, sessionClaims, signToken, USER_ID } from '../../test/keys';
import {
  authenticateRequest,
  currentSessionAuthObject,
  currentSignedInAuthObject,
  currentSignedOutAuthObject,
  isPendingSession,
  signedInAuthObject,
} from '../index';

let server: BackendServer;
beforeAll(async () => {
  server = await startBackendServer();
});
afterAll(() => server.close());

const WORKED_PERMISSIONS = [
  'org:billing:read',
  'org:members:read',
  'org:members:manage',
  'org:members:delete',
  'org:reports:read',
  'org:reports:delete',
];
const v2Org = {
  v: 2,
  fea: 'u:audit,o:billing,ou:members,o:reports',
  o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,manage,delete', fpm: '1,7,5' },
  pla: 'u:free,o:pro',
};
const claims = (extra: Partial<JwtPayload> = {}): JwtPayload => ({
  sub: 'user_1',
  sid: 'sess_1',
  exp: 2_000_000_000,
  ...extra,
});

const SIGNED_IN_KEYS = [
  'tokenType',
  'actor',
  'sessionClaims',
  'sessionId',
  'sessionStatus',
  'userId',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'factorVerificationAge',
  'getToken',
  'has',
  'debug',
  'isAuthenticated',
];
const SIGNED_OUT_KEYS = [
  'tokenType',
  'sessionClaims',
  'sessionId',
  'sessionStatus',
  'userId',
  'actor',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'factorVerificationAge',
  'getToken',
  'has',
  'debug',
  'isAuthenticated',
];

describe('currentSignedInAuthObject', () => {
  it('has the fields of 1.5 in their order, filled from a v2 token', () => {
    const payload = claims({
      ...v2Org,
      act: { sub: 'user_admin', type: 'agent' },
      sts: 'active',
      fva: [3, -1],
    });
    const auth = currentSignedInAuthObject({ token: 'tok', claims: payload });
    expect(Object.keys(auth)).toEqual(SIGNED_IN_KEYS);
    expect(auth).toMatchObject({
      tokenType: 'session_token',
      actor: { sub: 'user_admin', type: 'agent' },
      sessionId: 'sess_1',
      sessionStatus: 'active',
      userId: 'user_1',
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgSlug: 'acme',
      orgPermissions: WORKED_PERMISSIONS,
      factorVerificationAge: [3, -1],
      isAuthenticated: true,
    });
    expect(auth.sessionClaims).toBe(payload);
  });

  it('v1 claims map verbatim; absent sts and fva are null, absent org fields undefined', () => {
    const auth = currentSignedInAuthObject({
      token: 'tok',
      claims: claims({ org_id: 'org_9', org_role: 'basic_member', org_slug: 's', org_permissions: ['p'] }),
    });
    expect(auth).toMatchObject({
      orgId: 'org_9',
      orgRole: 'basic_member',
      orgSlug: 's',
      orgPermissions: ['p'],
    });
    expect(auth.sessionStatus).toBeNull();
    expect(auth.factorVerificationAge).toBeNull();
    expect(auth.actor).toBeUndefined();
    const bare = currentSignedInAuthObject({ token: 'tok', claims: claims({ v: 2 }) });
    expect([bare.orgId, bare.orgRole, bare.orgSlug, bare.orgPermissions]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps fva of -1 as it is', () => {
    const auth = currentSignedInAuthObject({ token: 'tok', claims: claims({ fva: [-1, -1] }) });
    expect(auth.factorVerificationAge).toEqual([-1, -1]);
    expect(auth.has({ reverification: 'lax' })).toBe(false);
  });

  it('getToken(): the token itself, a template through the apiClient, null without a session id', async () => {
    const apiClient = createTestApiClient(server.url, 'sk_test_x');
    const auth = currentSignedInAuthObject({ token: 'tok', claims: claims(), apiClient });
    await expect(auth.getToken()).resolves.toBe('tok');
    await expect(auth.getToken({ template: 'hasura' })).resolves.toBe('jwt-from-template-hasura-for-sess_1');
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/sessions/sess_1/tokens/hasura',
    });
    const noSession = currentSignedInAuthObject({ token: 'tok', claims: claims({ sid: undefined }) });
    await expect(noSession.getToken()).resolves.toBeNull();
  });

  it('debug() shows the context with keys and tokens cut to 7 characters, never the client', () => {
    const auth = currentSignedInAuthObject({
      token: 'eyJhbGciOiJSUzI1NiJ9.payload.sig',
      claims: claims(),
      apiClient: createTestApiClient(server.url, 'sk_test_x'),
      debug: () => ({
        secretKey: 'sk_test_0123456789',
        jwtKey: '-----BEGIN PUBLIC KEY-----',
        machineSecretKey: 'ak_0123456789',
        sessionTokenInCookie: 'eyJcookiecookie',
        apiUrl: 'https://api.clerk.com',
        apiClient: 'should vanish',
      }),
    });
    expect(auth.debug()).toEqual({
      secretKey: 'sk_test',
      jwtKey: '-----BE',
      machineSecretKey: 'ak_0123',
      sessionTokenInCookie: 'eyJcook',
      apiUrl: 'https://api.clerk.com',
      sessionToken: 'eyJhbGc',
      tokenInHeader: '',
      refreshTokenInCookie: '',
      devBrowserToken: '',
      handshakeToken: '',
    });
  });
});

describe('currentSignedOutAuthObject and pending sessions', () => {
  it('every field null, has() false, getToken() null, isAuthenticated false', async () => {
    const auth = currentSignedOutAuthObject(() => ({ secretKey: 'sk_live_abcdefgh', reason: 'x' }));
    expect(Object.keys(auth)).toEqual(SIGNED_OUT_KEYS);
    expect(auth).toMatchObject({
      tokenType: 'session_token',
      sessionClaims: null,
      sessionId: null,
      sessionStatus: null,
      userId: null,
      actor: null,
      orgId: null,
      orgRole: null,
      orgSlug: null,
      orgPermissions: null,
      factorVerificationAge: null,
      isAuthenticated: false,
    });
    expect(auth.has({ role: 'admin' })).toBe(false);
    await expect(auth.getToken()).resolves.toBeNull();
    expect(auth.debug()).toMatchObject({ secretKey: 'sk_live', reason: 'x', jwtKey: '' });
  });

  it('a pending session is signed out (sessionStatus pending) unless treatPendingAsSignedOut is false', () => {
    const pending = { token: 'tok', claims: claims({ ...v2Org, sts: 'pending' }) };
    expect(isPendingSession(pending.claims)).toBe(true);
    expect(isPendingSession(claims({ sts: 'active' }))).toBe(false);
    expect(isPendingSession(claims())).toBe(false);
    const signedOut = currentSessionAuthObject(pending);
    expect(signedOut).toMatchObject({ isAuthenticated: false, sessionStatus: 'pending', userId: null });
    expect(signedOut.has({ role: 'admin' })).toBe(false);
    expect(currentSessionAuthObject(pending, { treatPendingAsSignedOut: true }).isAuthenticated).toBe(false);
    const kept = currentSessionAuthObject(pending, { treatPendingAsSignedOut: false });
    expect(kept).toMatchObject({ isAuthenticated: true, sessionStatus: 'pending', orgId: 'org_1' });
    const active = currentSessionAuthObject({ token: 'tok', claims: claims({ sts: 'active' }) });
    expect(active.isAuthenticated).toBe(true);
  });

  it('the 0.x forms keep a pending session signed in (0.x knows no sts)', () => {
    const auth = signedInAuthObject(claims({ ...v2Org, sts: 'pending' }), { token: 'tok' });
    expect(auth.userId).toBe('user_1');
    expect(auth.orgId).toBe('org_1');
  });
});

describe('v2 tokens through authenticateRequest (0.x call form)', () => {
  const ZERO_X_KEYS = [
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
  ];
  const authenticate = (token: string) =>
    authenticateRequest({
      secretKey: 'sk_live_deadbeef',
      jwtKey: instanceKey.publicPem,
      headerToken: token,
      env: {},
    });

  it('fills the organisation fields and keeps exactly the 0.x key set', async () => {
    const state = await authenticate(
      await signToken(sessionClaims({ ...v2Org, fva: [5, 30], sts: 'active' })),
    );
    expect(state.isSignedIn).toBe(true);
    const auth = state.toAuth()!;
    expect(Object.keys(auth)).toEqual(ZERO_X_KEYS);
    expect(auth).toMatchObject({
      sessionId: SESSION_ID,
      userId: USER_ID,
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgSlug: 'acme',
      orgPermissions: WORKED_PERMISSIONS,
    });
    expect(auth.has({ permission: 'org:members:manage' })).toBe(true);
    expect(auth.has({ feature: 'audit', reverification: 'moderate' })).toBe(true);
    expect(() => auth.has({})).toThrow(/^Missing parameters/);
  });

  it('a v1 token gives exactly its 0.x result; v: "2" takes the v1 mapping', async () => {
    const flat = { org_id: 'org_1', org_role: 'admin', org_slug: 'acme', org_permissions: ['org:a:b'] };
    const auth = (await authenticate(await signToken(sessionClaims(flat)))).toAuth()!;
    expect(Object.keys(auth)).toEqual(ZERO_X_KEYS);
    expect(auth).toMatchObject({
      orgId: 'org_1',
      orgRole: 'admin',
      orgSlug: 'acme',
      orgPermissions: ['org:a:b'],
    });
    const stringV = (await authenticate(await signToken(sessionClaims({ ...v2Org, v: '2' })))).toAuth()!;
    expect([stringV.orgId, stringV.orgRole, stringV.orgSlug, stringV.orgPermissions]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('loads the organisation of a v2 token when loadOrganization is set', async () => {
    const state = await authenticateRequest({
      secretKey: 'sk_live_deadbeef',
      jwtKey: instanceKey.publicPem,
      headerToken: await signToken(sessionClaims(v2Org)),
      loadOrganization: true,
      apiClient: createTestApiClient(server.url, 'sk_live_deadbeef'),
      env: {},
    });
    expect(state.toAuth()?.organization).toMatchObject({ object: 'organization', id: 'org_1' });
  });
});
