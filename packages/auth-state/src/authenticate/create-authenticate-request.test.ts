// Build-time options merged with per-call ones (reference section 7.1), observed through the states and
// through the requests the local Backend API receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiClient } from '../../test/api-client';
import { type BackendServer, startBackendServer } from '../../test/backend-server';
import { signToken } from '../../test/keys';
import { createAuthenticateRequest } from '../index';

let server: BackendServer;
let token: string;
beforeAll(async () => {
  server = await startBackendServer();
  token = await signToken();
});
afterAll(() => server.close());

const debugOf = (state: { toAuth: () => unknown }) =>
  (state.toAuth() as { debug: () => Record<string, unknown> }).debug();

describe('createAuthenticateRequest', () => {
  it('returns the six functions of 0.x', () => {
    expect(Object.keys(createAuthenticateRequest({ options: { env: {} } }))).toEqual([
      'authenticateRequest',
      'localInterstitial',
      'remotePublicInterstitial',
      'remotePrivateInterstitial',
      'remotePublicInterstitialUrl',
      'debugRequestState',
    ]);
  });

  it('uses build-time keys and instance settings when the call gives none', async () => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: {
        secretKey: 'sk_live_build',
        apiUrl: server.url,
        domain: 'built.dev',
        isSatellite: true,
        env: {},
      },
    });
    const state = await authenticateRequest({ userAgent: 'curl' });
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'satellite-needs-syncing',
      domain: 'built.dev',
      isSatellite: true,
    });
    expect(debugOf(state)).toMatchObject({ secretKey: 'sk_live' });
  });

  it('a truthy call value wins; a falsy one cannot switch a build-time value off', async () => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: { secretKey: 'deadbeef', apiUrl: server.url, isSatellite: true, domain: 'built.dev', env: {} },
    });
    const state = await authenticateRequest({
      isSatellite: false,
      domain: 'call.dev',
      clientUat: '0',
      userAgent: 'curl',
    });
    expect(state).toMatchObject({ isSatellite: true, domain: 'call.dev', reason: 'satellite-needs-syncing' });
  });

  it('always verifies against the build-time API URL and version', async () => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: { secretKey: 'sk_live_merge_probe', apiUrl: server.url, apiVersion: 'v1', env: {} },
    });
    const state = await authenticateRequest({
      headerToken: token,
      apiUrl: 'http://127.0.0.1:9',
      apiVersion: 'v9',
    });
    expect(state.status).toBe('signed-in');
    expect(
      server.requests.some(
        r => r.path === '/v1/jwks' && r.headers.authorization === 'Bearer sk_live_merge_probe',
      ),
    ).toBe(true);
  });

  it('passes the injected API client to the load flags and getToken', async () => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: { secretKey: 'deadbeef', apiUrl: server.url, env: {} },
      apiClient: createTestApiClient(server.url, 'deadbeef'),
    });
    const state = await authenticateRequest({ headerToken: token, loadUser: true });
    expect(state.toAuth()).toMatchObject({ user: { object: 'user' } });
    await expect(state.toAuth()!.getToken({ template: 't' })).resolves.toMatch(/^jwt-from-template-t-for-/);
  });

  it('reads defaults from the injected environment', async () => {
    const { authenticateRequest } = createAuthenticateRequest({
      options: {
        env: {
          CLERK_SECRET_KEY: 'sk_test_from_env',
          CLERK_API_URL: server.url,
          CLERK_PUBLISHABLE_KEY: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k',
        },
      },
    });
    const state = await authenticateRequest({ headerToken: token });
    expect({ status: state.status, message: state.message }).toEqual({ status: 'signed-in', message: null });
    expect(state.frontendApi).toBe('clerk.example.com');
    expect(server.requests.some(r => r.headers.authorization === 'Bearer sk_test_from_env')).toBe(true);
  });
});
