import { decodeJwt, TokenVerificationError, verifyJwt } from '@clerk/jwt-core';
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

  it('carries the active organization as org_id, org_role, org_slug and org_permissions', async () => {
    const session = instance.signIn({ userId, organizationId });
    const payload = await verifyWithPublishedKeys(session.token);
    expect(payload).toMatchObject({ org_id: organizationId, org_role: 'admin', org_slug: 'navy' });
    expect(payload.org_permissions).toContain('org:sys_memberships:manage');
    const refreshed = await verifyWithPublishedKeys(instance.mintSessionToken(session.sessionId));
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
