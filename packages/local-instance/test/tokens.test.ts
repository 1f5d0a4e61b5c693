import { decodeJwt, TokenVerificationError, verifyJwt } from '@clerk/jwt-core';
import { signedInAuthObject as v3SignedInAuthObject } from 'clerk-backend-3/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalInstance, type PublicJwk, startLocalInstance } from '../src/index';
import { callApi } from './support';

let instance: LocalInstance;
let userId: string;
let organizationId: string;

const frontendJwks = async (): Promise<{ keys: PublicJwk[] }> =>
  (await fetch(instance.frontendJwksUrl)).json();

/** Verifies like an SDK would: the key matching `kid` from the published JWKS, the 0.x issuer rule. */
async function verifyWithPublishedKeys(token: string) {
  const { header } = decodeJwt(token);
  const key = (await frontendJwks()).keys.find(candidate => candidate.kid === header.kid);
  if (!key) throw new Error(`kid ${header.kid} is not published`);
  return verifyJwt(token, {
    key,
    issuer: iss => iss.startsWith('https://clerk.') || iss.includes('.clerk.accounts'),
  });
}

beforeAll(async () => {
  instance = await startLocalInstance({
    jwtTemplates: {
      hasura: { claims: { email: '{{user.primary_email_address}}', org: '{{org.slug}}', x: 1 } },
    },
  });
  const user = instance.createUser({ emailAddress: ['grace@example.com'], firstName: 'Grace' });
  userId = user.id;
  organizationId = instance.createOrganization({ name: 'Navy', createdBy: userId }).id;
});

afterAll(async () => {
  await instance.stop();
});

describe('session tokens', () => {
  it('mints a 60 s RS256 token with the session claims, verifiable through the JWKS', async () => {
    const session = instance.signIn({ userId });
    const payload = await verifyWithPublishedKeys(session.token);
    expect(payload.sub).toBe(userId);
    expect(payload.sid).toBe(session.sessionId);
    expect(payload.iss).toBe(instance.issuer);
    expect(payload.azp).toBe('http://localhost:3000');
    expect(payload.exp - payload.iat!).toBe(60);
    expect(payload.nbf).toBe(payload.iat! - 10);
    expect(payload.org_id).toBeUndefined();
    expect(decodeJwt(session.token).header).toEqual({
      alg: 'RS256',
      kid: instance.jwks().keys[0]!.kid,
      typ: 'JWT',
    });
  });

  it('v1: carries the active organization as org_id, org_role, org_slug and org_permissions', async () => {
    const session = instance.signIn({ userId, organizationId, token: { version: 1 } });
    const payload = await verifyWithPublishedKeys(session.token);
    expect(payload).toMatchObject({ org_id: organizationId, org_role: 'admin', org_slug: 'navy' });
    expect(payload.org_permissions).toContain('org:sys_memberships:manage');
    expect(payload.v).toBeUndefined();
    expect(payload.o).toBeUndefined();
    expect(payload.fva).toBeUndefined();
    const refreshed = await verifyWithPublishedKeys(
      instance.mintSessionToken(session.sessionId, { version: 1 }),
    );
    expect(refreshed.org_id).toBe(organizationId);
  });

  it('refuses an organization the user is not a member of', () => {
    const stranger = instance.createUser({});
    expect(() => instance.signIn({ userId: stranger.id, organizationId })).toThrow(/not a member/);
  });

  it('honours chosen claims, lifetime and issue time', async () => {
    const { sessionId } = instance.signIn({
      userId,
      token: { lifetimeSeconds: 600, claims: { role: 'tester' } },
    });
    const custom = await verifyWithPublishedKeys(
      instance.mintSessionToken(sessionId, { lifetimeSeconds: 300, claims: { plan: 'pro' } }),
    );
    expect(custom.exp - custom.iat!).toBe(300);
    expect(custom.plan).toBe('pro');
    const expired = instance.mintSessionToken(sessionId, { issuedAt: Math.floor(Date.now() / 1000) - 120 });
    const error = await verifyWithPublishedKeys(expired).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect((error as TokenVerificationError).reason).toBe('token-expired');
  });

  it('hands out __session and __client_uat cookies with the sign-in time', () => {
    const session = instance.signIn({ userId });
    expect(session.cookies.__session).toBe(session.token);
    expect(session.cookies.__client_uat).toBe(String(session.signedInAt));
    expect(session.cookies.header).toBe(`__session=${session.token}; __client_uat=${session.signedInAt}`);
    expect(session.authorizationHeader).toBe(`Bearer ${session.token}`);
    expect(decodeJwt(session.token).payload.iat).toBeGreaterThanOrEqual(session.signedInAt);
  });

  it('records the sign-in on the user and the client', async () => {
    const session = instance.signIn({ userId });
    const user = await callApi(instance, 'GET', `/v1/users/${userId}`);
    expect(Math.floor(user.json.last_sign_in_at / 1000)).toBe(session.signedInAt);
    const client = await callApi(instance, 'GET', `/v1/clients/${session.clientId}`);
    expect(client.json.last_active_session_id).toBe(session.sessionId);
    expect(client.json.sessions[0].id).toBe(session.sessionId);
  });

  it('verifies networklessly with the PEM public key', async () => {
    const { token } = instance.signIn({ userId });
    await expect(
      verifyJwt(token, { key: instance.publicKeyPem, issuer: instance.issuer }),
    ).resolves.toMatchObject({
      sub: userId,
    });
  });

  it('signs with the new key after a rotation; a dropped key stops verifying', async () => {
    const old = instance.signIn({ userId });
    const { kid } = instance.rotateSigningKey();
    const fresh = instance.signIn({ userId });
    expect(decodeJwt(fresh.token).header.kid).toBe(kid);
    await expect(verifyWithPublishedKeys(old.token)).resolves.toBeTruthy();
    instance.rotateSigningKey({ keepPrevious: false });
    await expect(verifyWithPublishedKeys(fresh.token)).rejects.toThrow(/not published/);
  });
});

describe('Backend API token endpoints', () => {
  it('creates session tokens and template tokens through the API', async () => {
    const session = instance.signIn({ userId, organizationId });
    const plain = await callApi(instance, 'POST', `/v1/sessions/${session.sessionId}/tokens`);
    expect(plain.json.object).toBe('token');
    expect((await verifyWithPublishedKeys(plain.json.jwt)).sid).toBe(session.sessionId);
    const templated = await callApi(instance, 'POST', `/v1/sessions/${session.sessionId}/tokens/hasura`);
    const claims = await verifyWithPublishedKeys(templated.json.jwt);
    expect(claims).toMatchObject({ email: 'grace@example.com', org: 'navy', x: 1, sub: userId });
    const unknown = await callApi(instance, 'POST', `/v1/sessions/${session.sessionId}/tokens/nope`);
    expect(unknown.status).toBe(404);
  });

  it('verifies a session only with its own token, and a client only with its client token', async () => {
    const mine = instance.signIn({ userId });
    const other = instance.signIn({ userId });
    const ok = await callApi(instance, 'POST', `/v1/sessions/${mine.sessionId}/verify`, {
      token: mine.token,
    });
    expect(ok.json.id).toBe(mine.sessionId);
    const crossed = await callApi(instance, 'POST', `/v1/sessions/${mine.sessionId}/verify`, {
      token: other.token,
    });
    expect(crossed.status).toBe(400);
    const forged = `${mine.token.slice(0, -4)}AAAA`;
    expect(
      (await callApi(instance, 'POST', `/v1/sessions/${mine.sessionId}/verify`, { token: forged })).status,
    ).toBe(400);
    const client = await callApi(instance, 'POST', '/v1/clients/verify', { token: mine.clientToken });
    expect(client.json.id).toBe(mine.clientId);
    expect((await callApi(instance, 'POST', '/v1/clients/verify', { token: mine.token })).status).toBe(400);
  });

  it('never accepts a token signed by another instance', async () => {
    const stranger = await startLocalInstance();
    try {
      const foreignUser = stranger.createUser({});
      const foreign = stranger.signIn({ userId: foreignUser.id });
      const mine = instance.signIn({ userId });
      const forgedSid = stranger.signJwt({ ...decodeJwt(foreign.token).payload, sid: mine.sessionId });
      const response = await callApi(instance, 'POST', `/v1/sessions/${mine.sessionId}/verify`, {
        token: forgedSid,
      });
      expect(response.status).toBe(400);
    } finally {
      await stranger.stop();
    }
  });
});

describe('v2 session tokens (the default)', () => {
  const WORKED_PERMISSIONS = [
    'org:billing:read',
    'org:members:read',
    'org:members:manage',
    'org:members:delete',
    'org:reports:read',
    'org:reports:delete',
  ];
  let billed: LocalInstance;
  let memberId: string;
  let orgId: string;

  beforeAll(async () => {
    billed = await startLocalInstance({
      rolePermissions: {
        'org:admin': [...WORKED_PERMISSIONS, 'org:sys_memberships:manage', 'org:audit:read'],
      },
    });
    const founder = billed.createUser({});
    memberId = billed.createUser({}).id;
    orgId = billed.createOrganization({ name: 'Acme', createdBy: founder.id }).id;
    billed.addOrganizationMember({ organizationId: orgId, userId: memberId, role: 'org:admin' });
    billed.setSubscription(orgId, { plan: 'pro', features: ['billing', 'members', 'reports'] });
    billed.setSubscription(memberId, { plan: 'free', features: ['audit', 'members'] });
  });
  afterAll(() => billed.stop());

  it('has v 2, jti and fva, and no flat org claims', async () => {
    const session = instance.signIn({ userId, organizationId });
    const payload = await verifyWithPublishedKeys(session.token);
    expect(payload).toMatchObject({ v: 2, fva: [0, -1], sub: userId, sid: session.sessionId });
    expect(payload.jti).toMatch(/^[0-9A-Za-z]{20}$/);
    expect(payload.o).toEqual({ id: organizationId, rol: 'admin', slg: 'navy' });
    for (const claim of ['org_id', 'org_role', 'org_slug', 'org_permissions', 'fea', 'pla', 'sts'])
      expect(payload[claim], claim).toBeUndefined();
    expect((await verifyWithPublishedKeys(instance.signIn({ userId }).token)).o).toBeUndefined();
  });

  it('encodes the organization features and the role permissions as fea, o.per and o.fpm (1.3 worked example)', async () => {
    const { token } = billed.signIn({ userId: memberId, organizationId: orgId });
    const payload = decodeJwt(token).payload;
    expect(payload.fea).toBe('o:billing,uo:members,o:reports,u:audit');
    expect(payload.pla).toBe('u:free,o:pro');
    expect(payload.o).toEqual({
      id: orgId,
      rol: 'admin',
      slg: 'acme',
      per: 'read,manage,delete',
      fpm: '1,7,5',
    });
    // Today's SDK reads them back to exactly the role's permissions within the organization's features.
    const auth = v3SignedInAuthObject({}, token, payload as never);
    expect(auth).toMatchObject({
      orgId,
      orgRole: 'org:admin',
      orgSlug: 'acme',
      orgPermissions: WORKED_PERMISSIONS,
    });
    expect(auth.has({ feature: 'audit' })).toBe(true);
    expect(auth.has({ plan: 'o:pro' })).toBe(true);
    // System permissions are not in v2 tokens (3.x's types say so too).
    expect(auth.has({ permission: 'org:sys_memberships:manage' } as never)).toBe(false);
    expect(auth.has({ permission: 'org:audit:read' })).toBe(false);
  });

  it('without an active organization: only the user features and plan', () => {
    const payload = decodeJwt(billed.signIn({ userId: memberId }).token).payload;
    expect(payload.fea).toBe('u:audit,u:members');
    expect(payload.pla).toBe('u:free');
    expect(payload.o).toBeUndefined();
  });

  it('masks above 2^53 stay exact', async () => {
    // Feature a holds p0..p52, feature f holds p0 and p53: f's mask is 2^53 + 1, which a double cannot hold.
    const inA = Array.from({ length: 53 }, (_, i) => `org:a:p${i}`);
    const wide = await startLocalInstance({
      keySize: 1024,
      rolePermissions: { admin: [...inA, 'org:f:p0', 'org:f:p53'] },
    });
    try {
      const owner = wide.createUser({});
      const org = wide.createOrganization({ name: 'Wide', createdBy: owner.id });
      wide.setSubscription(org.id, { features: ['a', 'f'] });
      const { token } = wide.signIn({ userId: owner.id, organizationId: org.id });
      const claims = decodeJwt(token).payload;
      expect((claims.o as { fpm: string }).fpm).toBe(`${2n ** 53n - 1n},${2n ** 53n + 1n}`);
      const auth = v3SignedInAuthObject({}, token, claims as never);
      expect(auth.orgPermissions).toEqual([...inA, 'org:f:p0', 'org:f:p53']);
    } finally {
      await wide.stop();
    }
  });

  it('sets fva and sts on request, and keeps v1 tokens without them unless asked', () => {
    const session = billed.signIn({
      userId: memberId,
      token: { factorVerificationAge: [12, 3], sessionStatus: 'pending' },
    });
    expect(decodeJwt(session.token).payload).toMatchObject({ fva: [12, 3], sts: 'pending' });
    const later = billed.mintSessionToken(session.sessionId, {
      issuedAt: session.signedInAt + 659,
    });
    expect(decodeJwt(later).payload.fva).toEqual([10, -1]);
    const v1 = billed.mintSessionToken(session.sessionId, { version: 1, factorVerificationAge: [1, -1] });
    expect(decodeJwt(v1).payload).toMatchObject({ fva: [1, -1] });
    expect(decodeJwt(v1).payload.v).toBeUndefined();
  });

  it('sessionTokenVersion: 1 makes v1 the default for every token, the API ones included', async () => {
    const legacy = await startLocalInstance({ sessionTokenVersion: 1, keySize: 1024 });
    try {
      const owner = legacy.createUser({});
      const org = legacy.createOrganization({ name: 'Old', createdBy: owner.id });
      const session = legacy.signIn({ userId: owner.id, organizationId: org.id });
      expect(decodeJwt(session.token).payload).toMatchObject({ org_id: org.id, org_role: 'admin' });
      expect(decodeJwt(session.token).payload.v).toBeUndefined();
      const minted = await callApi(legacy, 'POST', `/v1/sessions/${session.sessionId}/tokens`);
      expect(decodeJwt(minted.json.jwt).payload.org_slug).toBe('old');
      expect(decodeJwt(legacy.mintSessionToken(session.sessionId, { version: 2 })).payload.v).toBe(2);
    } finally {
      await legacy.stop();
    }
    await expect(startLocalInstance({ sessionTokenVersion: 3 as never })).rejects.toThrow(/1 or 2/);
  });

  it('setRolePermissions changes what the next tokens of that role carry', () => {
    billed.setRolePermissions('org:viewer', ['org:reports:read', 'org:nope:read']);
    const viewer = billed.createUser({});
    billed.addOrganizationMember({ organizationId: orgId, userId: viewer.id, role: 'org:viewer' });
    const { token } = billed.signIn({ userId: viewer.id, organizationId: orgId });
    expect(decodeJwt(token).payload.o).toMatchObject({ rol: 'viewer', per: 'read', fpm: '0,0,1' });
    const v1 = billed.signIn({ userId: viewer.id, organizationId: orgId, token: { version: 1 } });
    expect(decodeJwt(v1.token).payload.org_permissions).toEqual(['org:reports:read', 'org:nope:read']);
  });

  it('setSubscription checks the subject and the keys', () => {
    expect(() => billed.setSubscription('user_nobody', { plan: 'pro' })).toThrow(/No user or organization/);
    expect(() => billed.setSubscription(orgId, { features: ['a,b'] })).toThrow(/Invalid plan or feature key/);
    expect(() => billed.setSubscription(orgId, { plan: 'o:pro' })).toThrow(/Invalid plan or feature key/);
  });
});
