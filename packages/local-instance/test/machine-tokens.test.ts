// Machine authentication end to end: the SDK (`@clerk/backend`, built) and @clerk/backend 3.x verify M2M tokens,
// API keys and OAuth access tokens the local instance issues. Every call crosses HTTP on 127.0.0.1.
import { createClerkClient, type MachineAuthOptions, verifyMachineAuthToken } from '@clerk/backend';
import { createClerkClient as createClerkClient3 } from 'clerk-backend-3';
import * as current from 'clerk-backend-3/internal';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedMachine, type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';

let instance: LocalInstance;
let caller: CreatedMachine;
let callee: CreatedMachine;
let stranger: CreatedMachine;
let userId: string;
let orgId: string;

// No result cache here: every verification asks the instance, so revocation shows at once.
const opts = (extra: MachineAuthOptions = {}): MachineAuthOptions => ({
  secretKey: instance.secretKey,
  apiUrl: instance.apiUrl,
  machineTokenCacheTtlInMs: 0,
  env: {},
  ...extra,
});
const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function rejected(token: string, options: MachineAuthOptions) {
  const result = await verifyMachineAuthToken(token, options);
  expect(result.data).toBeUndefined();
  return result.errors![0]!;
}

beforeAll(async () => {
  instance = await startLocalInstance();
  callee = instance.machines.createMachine({ name: 'billing-service' });
  stranger = instance.machines.createMachine({ name: 'unrelated' });
  caller = instance.machines.createMachine({ name: 'report-worker', scopedMachineIds: [callee.id] });
  userId = instance.createUser({ emailAddress: ['ada@example.com'] } as never).id;
  orgId = instance.createOrganization({ name: 'Acme', createdBy: userId } as never).id;
});
afterEach(() => instance.faults.clear());
afterAll(() => instance.stop());

describe('M2M tokens', () => {
  it('a machine creates an opaque token with its own key; the instance key and the callee key verify it', async () => {
    const created = await callApi(
      instance,
      'POST',
      '/v1/m2m_tokens',
      { claims: { job: 'nightly' } },
      `Bearer ${caller.secretKey}`,
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      object: 'machine_to_machine_token',
      subject: caller.id,
      scopes: [callee.id],
    });
    const token: string = created.json.token;
    expect(token).toMatch(/^mt_/);

    const viaInstance = await verifyMachineAuthToken(token, opts());
    expect(viaInstance.tokenType).toBe('m2m_token');
    expect(viaInstance.data).toMatchObject({
      id: created.json.id,
      subject: caller.id,
      scopes: [callee.id],
      claims: { job: 'nightly' },
      revoked: false,
      expired: false,
    });
    const viaCallee = await verifyMachineAuthToken(
      token,
      opts({ secretKey: undefined, machineSecretKey: callee.secretKey }),
    );
    expect(viaCallee.errors).toBeUndefined();

    // A machine the token grants nothing to does not see it.
    const foreign = await rejected(token, opts({ machineSecretKey: stranger.secretKey }));
    expect(foreign.getFullMessage()).toBe('Machine token not found (code=token-invalid, status=404)');
  });

  it('the instance key cannot create M2M tokens, a wrong machine key gets secret-key-invalid', async () => {
    expect((await callApi(instance, 'POST', '/v1/m2m_tokens', {})).status).toBe(401);
    const { token } = instance.machines.createM2MToken(caller.id);
    const error = await rejected(token, opts({ secretKey: undefined, machineSecretKey: 'ak_not_a_machine' }));
    expect(error.code).toBe('secret-key-invalid');
    expect(error.status).toBe(401);
  });

  it('revoked (through the Backend API) and expired tokens are rejected token-invalid', async () => {
    const { token, id } = instance.machines.createM2MToken(caller.id);
    const revoked = await callApi(
      instance,
      'POST',
      `/v1/m2m_tokens/${id}/revoke`,
      { revocation_reason: 'rotated' },
      `Bearer ${caller.secretKey}`,
    );
    expect(revoked.json).toMatchObject({ revoked: true, revocation_reason: 'rotated' });
    expect((await rejected(token, opts())).message).toBe('Machine token has been revoked');

    const shortLived = instance.machines.createM2MToken(caller.id, { secondsUntilExpiration: 0.05 });
    await pause(80);
    expect((await rejected(shortLived.token, opts())).getFullMessage()).toBe(
      'Machine token has expired (code=token-invalid, status=n/a)',
    );
  });

  it('M2M JWTs verify networklessly with the instance PEM, and with the JWKS loaded once', async () => {
    const created = await callApi(
      instance,
      'POST',
      '/v1/m2m_tokens',
      { token_format: 'jwt', claims: { region: 'eu' } },
      `Bearer ${caller.secretKey}`,
    );
    const jwt: string = created.json.token;
    expect(jwt.split('.')).toHaveLength(3);
    const before = instance.requests.length;
    const local = await verifyMachineAuthToken(jwt, { jwtKey: instance.publicKeyPem, env: {} });
    expect(instance.requests.length).toBe(before);
    expect(local.data).toMatchObject({
      id: created.json.id,
      subject: caller.id,
      scopes: [callee.id],
      revoked: false,
    });
    expect((local.data as { claims: Record<string, unknown> }).claims).toMatchObject({ region: 'eu' });

    const second = instance.machines.createM2MToken(caller.id, { format: 'jwt' });
    for (const token of [jwt, second.token])
      expect((await verifyMachineAuthToken(token, opts())).errors).toBeUndefined();
    const jwksCalls = instance.requests.slice(before).filter(request => request.path === '/v1/jwks');
    expect(jwksCalls.length).toBeLessThanOrEqual(1);
    expect(instance.requests.slice(before).filter(request => request.path.includes('verify'))).toHaveLength(
      0,
    );
  });

  it('an expired M2M JWT fails token-verification-failed without a request', async () => {
    const { token } = instance.machines.createM2MToken(caller.id, {
      format: 'jwt',
      secondsUntilExpiration: 1,
    });
    await pause(1100);
    const error = await rejected(token, { jwtKey: instance.publicKeyPem, clockSkewInMs: 0, env: {} });
    expect(error.code).toBe('token-verification-failed');
    expect(error.message).toMatch(/^JWT is expired/);
  });
});

describe('API keys', () => {
  it('user and organization keys verify with the secret key; userId / orgId follow the subject', async () => {
    const created = await callApi(instance, 'POST', '/v1/api_keys', {
      name: 'cli',
      subject: userId,
      scopes: ['read'],
      claims: { plan: 'pro' },
    });
    expect(created.status).toBe(200);
    const forUser = await verifyMachineAuthToken(created.json.secret, opts());
    expect(forUser.tokenType).toBe('api_key');
    expect(forUser.data).toMatchObject({
      id: created.json.id,
      name: 'cli',
      subject: userId,
      scopes: ['read'],
      claims: { plan: 'pro' },
    });

    const orgKey = instance.machines.createAPIKey({ name: 'export', subject: orgId });
    const forOrg = await verifyMachineAuthToken(orgKey.token, opts());
    expect(forOrg.data).toMatchObject({ id: orgKey.id, subject: orgId });
  });

  it('the machine key never verifies API keys; a wrong secret key is secret-key-invalid', async () => {
    const key = instance.machines.createAPIKey({ name: 'svc', subject: userId });
    expect(
      (await rejected(key.token, opts({ secretKey: undefined, machineSecretKey: callee.secretKey }))).code,
    ).toBe('secret-key-invalid');
    const wrong = await rejected(key.token, opts({ secretKey: 'sk_test_wrong' }));
    expect(wrong.getFullMessage()).toBe(
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct. (code=secret-key-invalid, status=401)',
    );
  });

  it('revoked, expired, unknown and malformed keys are rejected token-invalid', async () => {
    const key = instance.machines.createAPIKey({ name: 'old', subject: userId });
    await callApi(instance, 'POST', `/v1/api_keys/${key.id}/revoke`, { revocation_reason: 'leaked' });
    expect((await rejected(key.token, opts())).message).toBe('API key has been revoked');
    const brief = instance.machines.createAPIKey({
      name: 'brief',
      subject: orgId,
      secondsUntilExpiration: 0.05,
    });
    await pause(80);
    expect((await rejected(brief.token, opts())).message).toBe('API key has expired');
    expect((await rejected('ak_unknown', opts())).getFullMessage()).toBe(
      'API key not found (code=token-invalid, status=404)',
    );
    expect((await rejected('ak_"}\u0000', opts())).code).toBe('token-invalid');
  });

  it('a 5xx burst on the verify operation is unexpected-error, then the key verifies again', async () => {
    const key = instance.machines.createAPIKey({ name: 'flaky', subject: userId });
    instance.faults.failNext(1, { status: 503, pathPrefix: '/api_keys/verify' });
    expect((await rejected(key.token, opts())).getFullMessage()).toBe(
      'Unexpected error (code=unexpected-error, status=503)',
    );
    expect((await verifyMachineAuthToken(key.token, opts())).errors).toBeUndefined();
  });
});

describe('OAuth access tokens', () => {
  it('opaque tokens of an application verify; revoked and expired ones do not', async () => {
    const app = await callApi(instance, 'POST', '/v1/oauth_applications', {
      name: 'Zapier',
      callback_url: 'https://zapier.example/cb',
      scopes: 'profile email',
    });
    expect(app.status).toBe(200);
    const clientId: string = app.json.client_id;
    const issued = instance.machines.issueOAuthAccessToken({ clientId, userId });
    const result = await verifyMachineAuthToken(issued.token, opts());
    expect(result.tokenType).toBe('oauth_token');
    expect(result.data).toMatchObject({
      id: issued.id,
      clientId,
      subject: userId,
      scopes: ['profile', 'email'],
    });

    await callApi(instance, 'POST', `/v1/oauth_applications/access_tokens/${issued.id}/revoke`, {});
    expect((await rejected(issued.token, opts())).message).toBe('OAuth token has been revoked');
    const brief = instance.machines.issueOAuthAccessToken({ clientId, userId, secondsUntilExpiration: 0.05 });
    await pause(80);
    expect((await rejected(brief.token, opts())).message).toBe('OAuth token has expired');
    expect((await rejected('oat_unknown', opts())).message).toBe('OAuth token not found');
  });

  it('JWT access tokens (typ at+jwt) verify networklessly', async () => {
    const { clientId } = instance.machines.createOAuthApplication({ name: 'CLI', scopes: ['read'] });
    const issued = instance.machines.issueOAuthAccessToken({ clientId, userId, format: 'jwt' });
    const before = instance.requests.length;
    const result = await verifyMachineAuthToken(issued.token, { jwtKey: instance.publicKeyPem, env: {} });
    expect(instance.requests.length).toBe(before);
    expect(result.data).toMatchObject({
      id: issued.id,
      clientId,
      subject: userId,
      scopes: ['read'],
      type: 'oauth_token',
    });
  });
});

describe('@clerk/backend 3.x against the local instance', () => {
  it('accepts the tokens it issues and rejects revoked ones, like ours', async () => {
    const m2m = instance.machines.createM2MToken(caller.id);
    const key = instance.machines.createAPIKey({ name: 'x3', subject: userId });
    const jwt = instance.machines.createM2MToken(caller.id, { format: 'jwt' });
    const options = { secretKey: instance.secretKey, apiUrl: instance.apiUrl };
    for (const token of [m2m.token, key.token]) {
      const theirs = await current.verifyMachineAuthToken(token, options);
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data?.id).toBe((await verifyMachineAuthToken(token, opts())).data?.id);
    }
    expect(
      (await current.verifyMachineAuthToken(jwt.token, { jwtKey: instance.publicKeyPem })).data?.subject,
    ).toBe(caller.id);
    const unknown = await current.verifyMachineAuthToken('mt_unknown', options);
    expect(unknown.errors?.[0]?.code).toBe('token-invalid');
  });
});

describe('authenticateRequest(request, { acceptsToken }) against the local instance, ours and 3.x', () => {
  const bearer = (token: string) =>
    new Request('http://127.0.0.1/api/reports', { headers: { authorization: `Bearer ${token}` } });
  // Both SDKs, seen through the current call form only (each has overloads the union could not call).
  type CurrentClient = {
    authenticateRequest(
      request: Request,
      options: { acceptsToken?: unknown; jwtKey?: string },
    ): Promise<{
      status: string;
      reason: string | null;
      tokenType: string | null;
      toAuth(): unknown;
    }>;
  };
  const clients = (): Record<'ours' | '3.x', CurrentClient> => {
    const keys = {
      secretKey: instance.secretKey,
      publishableKey: instance.publishableKey,
      apiUrl: instance.apiUrl,
    };
    return {
      ours: createClerkClient(keys) as CurrentClient,
      '3.x': createClerkClient3(keys) as CurrentClient,
    };
  };
  const verifyCalls = (path: string) => instance.requests.filter(request => request.path === path).length;

  it('each machine kind signs in with its auth object; a mismatch and a missing token are signed out', async () => {
    const m2m = instance.machines.createM2MToken(caller.id);
    const key = instance.machines.createAPIKey({ name: 'reports', subject: orgId });
    const { clientId } = instance.machines.createOAuthApplication({ name: 'Reports app' });
    const oauth = instance.machines.issueOAuthAccessToken({ clientId, userId });
    const cases = [
      { token: m2m.token, accepts: 'm2m_token', auth: { tokenType: 'm2m_token', machineId: caller.id } },
      {
        token: key.token,
        accepts: 'api_key',
        auth: { tokenType: 'api_key', orgId, userId: null, name: 'reports' },
      },
      { token: oauth.token, accepts: 'oauth_token', auth: { tokenType: 'oauth_token', userId, clientId } },
    ] as const;
    for (const [sdk, clerk] of Object.entries(clients())) {
      for (const { token, accepts, auth } of cases) {
        for (const acceptsToken of [accepts, 'any', [accepts]] as const) {
          const state = await clerk.authenticateRequest(bearer(token), {
            acceptsToken: acceptsToken as never,
          });
          expect({ sdk, status: state.status, tokenType: state.tokenType }).toEqual({
            sdk,
            status: 'signed-in',
            tokenType: accepts,
          });
          expect(state.toAuth()).toMatchObject({ ...auth, isAuthenticated: true });
        }
        const other = accepts === 'api_key' ? 'm2m_token' : 'api_key';
        const mismatch = await clerk.authenticateRequest(bearer(token), { acceptsToken: other });
        expect([sdk, mismatch.status, mismatch.reason, mismatch.tokenType]).toEqual([
          sdk,
          'signed-out',
          'token-type-mismatch',
          other,
        ]);
      }
      const none = await clerk.authenticateRequest(new Request('http://127.0.0.1/api/reports'), {
        acceptsToken: 'api_key',
      });
      expect([sdk, none.status, none.reason, none.tokenType]).toEqual([
        sdk,
        'signed-out',
        'No token in header',
        'api_key',
      ]);
    }
  });

  it('an M2M JWT signs in with no request to the instance', async () => {
    const jwt = instance.machines.createM2MToken(caller.id, { format: 'jwt' });
    const before = instance.requests.length;
    const state = await clients().ours.authenticateRequest(bearer(jwt.token), {
      acceptsToken: 'm2m_token',
      jwtKey: instance.publicKeyPem,
    });
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'm2m_token' });
    expect(instance.requests.length).toBe(before);
  });

  it('ours remembers a verified opaque token (one verify call), never a failure', async () => {
    const key = instance.machines.createAPIKey({ name: 'cached', subject: userId });
    const clerk = clients().ours;
    const before = verifyCalls('/api_keys/verify');
    for (let i = 0; i < 3; i++) {
      expect((await clerk.authenticateRequest(bearer(key.token), { acceptsToken: 'api_key' })).status).toBe(
        'signed-in',
      );
    }
    expect(verifyCalls('/api_keys/verify') - before).toBe(1);
    const unknownBefore = verifyCalls('/api_keys/verify');
    for (let i = 0; i < 2; i++) {
      const state = await clerk.authenticateRequest(bearer('ak_unknown_key'), { acceptsToken: 'api_key' });
      expect(state.reason).toBe('token-invalid');
    }
    expect(verifyCalls('/api_keys/verify') - unknownBefore).toBe(2);
  });
});
