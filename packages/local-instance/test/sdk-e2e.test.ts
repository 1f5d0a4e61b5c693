// The SDK (`@clerk/backend`, built) against a real local instance: Backend API calls, authenticateRequest
// with cookies and headers, key rotation, faults. Nothing is stubbed; every call crosses HTTP on 127.0.0.1.
import { Clerk } from '@clerk/backend';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalInstance, startLocalInstance } from '../src/index';

const browser = 'Mozilla/5.0 (e2e)';
let instance: LocalInstance;
let clerk: ReturnType<typeof Clerk>;

const clerkFor = (target: LocalInstance, extra: Record<string, unknown> = {}) =>
  Clerk({
    secretKey: target.secretKey,
    publishableKey: target.publishableKey,
    apiUrl: target.apiUrl,
    ...extra,
  });

const appRequest = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/dashboard', { headers });

beforeAll(async () => {
  instance = await startLocalInstance({
    jwtTemplates: { api: { claims: { email: '{{user.primary_email_address}}' } } },
  });
  clerk = clerkFor(instance);
});

afterEach(() => {
  instance.faults.clear();
});

afterAll(async () => {
  await instance.stop();
});

describe('Backend API through the SDK', () => {
  it('creates, reads, updates, lists and deletes users with { data, errors }', async () => {
    const created = await clerk.users.createUser({
      emailAddress: ['e2e@example.com'],
      firstName: 'End',
      publicMetadata: { plan: 'free' },
    });
    expect(created.errors).toBeNull();
    const userId = created.data!.id;
    expect(created.data!.emailAddresses[0]!.emailAddress).toBe('e2e@example.com');

    const updated = await clerk.users.updateUserMetadata(userId, {
      publicMetadata: { plan: 'pro', seats: 3 },
    });
    expect(updated.data!.publicMetadata).toEqual({ plan: 'pro', seats: 3 });
    const listed = await clerk.users.getUserList({ emailAddress: ['e2e@example.com'] });
    expect(listed.data!.map(user => user.id)).toEqual([userId]);
    expect((await clerk.users.getCount()).data).toBeGreaterThanOrEqual(1);

    const missing = await clerk.users.getUser('user_missing');
    expect(missing.data).toBeNull();
    expect(missing.status).toBe(404);
    expect(missing.errors![0]!.code).toBe('resource_not_found');
    expect(missing.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);

    const invalid = await clerk.users.createUser({ emailAddress: ['nope'] });
    expect(invalid.status).toBe(422);
    expect(invalid.errors![0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { paramName: 'email_address' },
    });

    expect((await clerk.users.deleteUser(userId)).errors).toBeNull();
    expect((await clerk.users.getUser(userId)).status).toBe(404);
  });

  it('runs organizations, memberships and invitations with total counts', async () => {
    const owner = instance.createUser({ emailAddress: ['owner@example.com'] });
    const member = instance.createUser({ emailAddress: ['member@example.com'] });
    const organization = await clerk.organizations.createOrganization({
      name: 'E2E Org',
      createdBy: owner.id,
    });
    const organizationId = organization.data!.id;
    expect(organization.data!.slug).toBe('e2e-org');
    expect((await clerk.organizations.getOrganization({ slug: 'e2e-org' })).data!.id).toBe(organizationId);

    await clerk.organizations.createOrganizationMembership({
      organizationId,
      userId: member.id,
      role: 'basic_member',
    });
    const memberships = await clerk.organizations.getOrganizationMembershipList({ organizationId, limit: 1 });
    expect(memberships.data).toHaveLength(1);
    expect(memberships.errors).toBeNull();
    expect(memberships.errors === null && memberships.totalCount).toBe(2);

    const invitation = await clerk.organizations.createOrganizationInvitation({
      organizationId,
      inviterUserId: owner.id,
      emailAddress: 'guest@example.com',
      role: 'basic_member',
    });
    const pending = await clerk.organizations.getOrganizationInvitationList({
      organizationId,
      status: ['pending'],
    });
    expect(pending.data!.map(item => item.id)).toEqual([invitation.data!.id]);
    const revoked = await clerk.organizations.revokeOrganizationInvitation({
      organizationId,
      invitationId: invitation.data!.id,
      requestingUserId: owner.id,
    });
    expect(revoked.data!.status).toBe('revoked');
  });

  it('covers the small groups: invitations, allowlist, redirect URLs, sign-in tokens, identifications', async () => {
    const user = instance.createUser({});
    expect((await clerk.invitations.createInvitation({ emailAddress: 'inv@example.com' })).data!.status).toBe(
      'pending',
    );
    const allowed = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
      identifier: 'a@b.co',
      notify: false,
    });
    expect(allowed.data!.identifierType).toBe('email_address');
    const redirect = await clerk.redirectUrls.createRedirectUrl({ url: 'https://app.example.com/cb' });
    expect((await clerk.redirectUrls.getRedirectUrl(redirect.data!.id)).data!.url).toBe(
      'https://app.example.com/cb',
    );
    const signInToken = await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 60 });
    expect(signInToken.data!.token!.length).toBeGreaterThan(20);
    const email = await clerk.emailAddresses.createEmailAddress({
      userId: user.id,
      emailAddress: 'id@example.com',
    });
    expect(email.data!.verification!.status).toBe('unverified');
    const phone = await clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: '+15555550123',
    });
    expect((await clerk.phoneNumbers.deletePhoneNumber(phone.data!.id!)).data!.deleted).toBe(true);
  });

  it('reads sessions, clients and template tokens of a sign-in', async () => {
    const user = instance.createUser({ emailAddress: ['tpl@example.com'] });
    const session = instance.signIn({ userId: user.id });
    expect((await clerk.sessions.getSession(session.sessionId)).data!.status).toBe('active');
    expect((await clerk.clients.verifyClient(session.clientToken)).data!.id).toBe(session.clientId);
    const token = await clerk.sessions.getToken(session.sessionId, 'api');
    const state = await clerk.authenticateRequest({
      request: appRequest({ authorization: `Bearer ${token.data}` }),
    });
    expect(state.isSignedIn).toBe(true);
    expect(state.toAuth()!.sessionClaims!.email).toBe('tpl@example.com');
    await clerk.sessions.revokeSession(session.sessionId);
    expect((await clerk.sessions.getToken(session.sessionId)).status).toBe(404);
  });

  it('retries a 429 honouring Retry-After, and reports a 5xx burst longer than its retries', async () => {
    const user = instance.createUser({});
    instance.faults.rateLimitNext(1, { retryAfterSeconds: 1 });
    const before = instance.requests.length;
    const retried = await clerk.users.getUser(user.id);
    expect(retried.data!.id).toBe(user.id);
    expect(instance.requests.slice(before).map(request => request.status)).toEqual([429, 200]);

    instance.faults.failNext(10, { status: 503 });
    const failed = await clerk.users.getUser(user.id, { retries: { maxRetries: 1, baseDelayInMs: 10 } });
    expect(failed.data).toBeNull();
    expect(failed.status).toBe(503);
    expect(failed.errors![0]!.code).toBe('internal_clerk_error');
  });

  it('answers 401 clerk_key_invalid to a client with the wrong secret key', async () => {
    const wrong = Clerk({ secretKey: 'sk_test_wrong', apiUrl: instance.apiUrl });
    const result = await wrong.users.getUserList();
    expect(result.status).toBe(401);
    expect(result.errors![0]!.code).toBe('clerk_key_invalid');
  });
});

describe('authenticateRequest against the instance', () => {
  it('signs in with the session cookie and with a Bearer header, loading the user on request', async () => {
    const user = instance.createUser({ emailAddress: ['auth@example.com'] });
    const session = instance.signIn({ userId: user.id });
    const byCookie = await clerk.authenticateRequest({
      request: appRequest({ cookie: session.cookies.header, 'user-agent': browser }),
      loadUser: true,
    });
    expect(byCookie.status).toBe('signed-in');
    expect(byCookie.toAuth()).toMatchObject({ userId: user.id, sessionId: session.sessionId });
    expect((byCookie.toAuth()!.user as { id: string }).id).toBe(user.id);
    const byHeader = await clerk.authenticateRequest({
      request: appRequest({ authorization: session.authorizationHeader }),
    });
    expect(byHeader.status).toBe('signed-in');
  });

  it('carries the active organization into the auth object', async () => {
    const user = instance.createUser({});
    const organization = instance.createOrganization({ name: 'Auth Org', createdBy: user.id });
    const session = instance.signIn({
      userId: user.id,
      organizationId: organization.id,
      token: { version: 1 },
    });
    const state = await clerk.authenticateRequest({
      request: appRequest({ authorization: session.authorizationHeader }),
    });
    const auth = state.toAuth()!;
    expect(auth).toMatchObject({ orgId: organization.id, orgRole: 'admin', orgSlug: 'auth-org' });
    expect(auth.has({ permission: 'org:sys_memberships:manage' })).toBe(true);
  });

  it('maps expired tokens to interstitial (cookie) and unknown (header), and no credentials to signed-out', async () => {
    const user = instance.createUser({});
    const session = instance.signIn({ userId: user.id });
    const expired = instance.mintSessionToken(session.sessionId, {
      issuedAt: Math.floor(Date.now() / 1000) - 120,
    });
    const cookie = await clerk.authenticateRequest({
      request: appRequest({
        cookie: instance.sessionCookies(expired, session.signedInAt).header,
        'user-agent': browser,
      }),
    });
    expect([cookie.status, cookie.reason]).toEqual(['interstitial', 'token-expired']);
    const header = await clerk.authenticateRequest({
      request: appRequest({ authorization: `Bearer ${expired}` }),
    });
    expect([header.status, header.reason]).toEqual(['unknown', 'token-expired']);
    const none = await clerk.authenticateRequest({ request: appRequest({ 'user-agent': 'curl/8' }) });
    expect([none.status, none.reason]).toEqual(['signed-out', 'header-missing-non-browser']);
    const signedOut = await clerk.authenticateRequest({
      request: appRequest({ cookie: '__client_uat=0', 'user-agent': browser }),
    });
    expect([signedOut.status, signedOut.reason]).toEqual(['signed-out', 'standard-signed-out']);
  });

  it('never signs in a token from another instance', async () => {
    const other = await startLocalInstance({ frontendApi: instance.frontendApi });
    try {
      const stranger = other.createUser({});
      const foreign = other.signIn({ userId: stranger.id });
      const state = await clerk.authenticateRequest({
        request: appRequest({ authorization: foreign.authorizationHeader }),
      });
      expect(state.status).toBe('signed-out');
      expect(state.isSignedIn).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it('follows a key rotation, and rejects tokens whose key was withdrawn', async () => {
    const user = instance.createUser({});
    const rotating = clerkFor(instance);
    const before = instance.signIn({ userId: user.id });
    expect(
      (
        await rotating.authenticateRequest({
          request: appRequest({ authorization: before.authorizationHeader }),
        })
      ).status,
    ).toBe('signed-in');
    instance.rotateSigningKey({ keepPrevious: false });
    const after = instance.signIn({ userId: user.id });
    // The resolver refetches an unknown kid at most once per cooldown; skipJwksCache forces the reload.
    const fresh = await rotating.authenticateRequest({
      request: appRequest({ authorization: after.authorizationHeader }),
      skipJwksCache: true,
    });
    expect(fresh.status).toBe('signed-in');
    const stale = await clerkFor(instance).authenticateRequest({
      request: appRequest({ authorization: before.authorizationHeader }),
    });
    expect(stale.status).toBe('signed-out');
    expect(stale.reason).toBe('jwk-remote-missing');
  });

  it('reports a wrong secret key as secret-key-invalid, and a JWKS outage as jwk-remote-failed-to-load', async () => {
    const user = instance.createUser({});
    const session = instance.signIn({ userId: user.id });
    const request = () => appRequest({ authorization: session.authorizationHeader });
    const wrongKey = await clerkFor(instance, { secretKey: 'sk_test_wrong' }).authenticateRequest({
      request: request(),
    });
    expect([wrongKey.status, wrongKey.reason]).toEqual(['signed-out', 'secret-key-invalid']);
    expect(wrongKey.message).toContain('The provided Clerk Secret Key is invalid');
    // A JWKS source never loaded before: the resolver keeps serving cached keys through an outage otherwise.
    const unseen = await startLocalInstance();
    try {
      const stranger = unseen.createUser({});
      const header = unseen.signIn({ userId: stranger.id }).authorizationHeader;
      unseen.faults.setJwksDown(true);
      const outage = await clerkFor(unseen).authenticateRequest({
        request: appRequest({ authorization: header }),
      });
      expect([outage.status, outage.reason]).toEqual(['signed-out', 'jwk-remote-failed-to-load']);
      expect(outage.message).toContain('with code=503');
    } finally {
      await unseen.stop();
    }
  });

  it('verifies networklessly with jwtKey while the JWKS is down', async () => {
    const offline = await startLocalInstance();
    try {
      const user = offline.createUser({});
      const header = offline.signIn({ userId: user.id }).authorizationHeader;
      offline.faults.setJwksDown(true);
      const networkless = clerkFor(offline, { jwtKey: offline.publicKeyPem });
      const state = await networkless.authenticateRequest({ request: appRequest({ authorization: header }) });
      expect(state.status).toBe('signed-in');
      expect(offline.requests.filter(request => request.path === '/v1/jwks')).toHaveLength(0);
    } finally {
      await offline.stop();
    }
  });
});
