import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerificationError } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiClient } from '../../test/api-client';
import { type BackendServer, startBackendServer } from '../../test/backend-server';
import {
  createAuthenticateRequest,
  remotePrivateInterstitial,
  remotePublicInterstitial,
  remotePublicInterstitialUrl,
} from '../index';

const DEV_PK = 'pk_test_Y2xlcmsuaW5jbHVkZWQua2F0eWRpZC05Mi5sY2wuZGV2JA';
const PROD_PK = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';

let server: BackendServer;
beforeAll(async () => {
  server = await startBackendServer();
});
afterAll(() => server.close());

describe('remotePublicInterstitialUrl', () => {
  it('builds the dev URL with latest and an empty sign_in_url', () => {
    expect(remotePublicInterstitialUrl({ apiUrl: 'https://api.clerk.test', publishableKey: DEV_PK })).toBe(
      `https://api.clerk.test/v1/public/interstitial?clerk_js_version=latest&publishable_key=${DEV_PK}&sign_in_url=`,
    );
  });

  it('appends every parameter in order for a prod satellite behind a proxy', () => {
    expect(
      remotePublicInterstitialUrl({
        apiUrl: 'https://api.clerk.com',
        publishableKey: PROD_PK,
        clerkJSVersion: '4.1.2',
        proxyUrl: 'https://example.com/__clerk',
        isSatellite: true,
        signInUrl: 'https://p.com/sign-in',
        domain: 'sat.com',
      }),
    ).toBe(
      `https://api.clerk.com/v1/public/interstitial?clerk_js_version=4.1.2&publishable_key=${PROD_PK}&proxy_url=https%3A%2F%2Fexample.com%2F__clerk&is_satellite=true&sign_in_url=https%3A%2F%2Fp.com%2Fsign-in&use_domain_for_script=true&domain=sat.com`,
    );
  });

  it('keeps a base path, uses frontend_api without a key, and the major of pkgVersion', () => {
    expect(
      remotePublicInterstitialUrl({
        apiUrl: 'https://x.test/base/',
        frontendApi: 'clerk.x.com',
        pkgVersion: '3.2.1',
      }),
    ).toBe(
      'https://x.test/base/v1/public/interstitial?clerk_js_version=3&frontend_api=clerk.x.com&sign_in_url=&use_domain_for_script=true',
    );
  });
});

describe('remotePublicInterstitial', () => {
  it('GETs the URL with the Clerk-Backend-SDK header and resolves to the body', async () => {
    const html = await remotePublicInterstitial({
      apiUrl: server.url,
      publishableKey: DEV_PK,
      userAgent: 'clerk-backend-sdk-from-options',
    });
    expect(html).toBe(
      `<p>remote interstitial for ?clerk_js_version=latest&publishable_key=${DEV_PK}&sign_in_url=</p>`,
    );
    const last = server.requests.at(-1)!;
    expect(last.path).toBe(
      `/v1/public/interstitial?clerk_js_version=latest&publishable_key=${DEV_PK}&sign_in_url=`,
    );
    expect(last.headers['clerk-backend-sdk']).toBe('clerk-backend-sdk-from-options');
  });

  it('sends the SDK user agent by default', async () => {
    await remotePublicInterstitial({ apiUrl: server.url, publishableKey: DEV_PK });
    expect(server.requests.at(-1)!.headers['clerk-backend-sdk']).toBe('@clerk/backend@0.38.15');
  });

  it('rejects with interstitial-remote-failed-to-load on an error status, without retrying', async () => {
    const before = server.requests.length;
    const error = await remotePublicInterstitial({
      apiUrl: `${server.url}/failing`,
      publishableKey: DEV_PK,
    }).catch(e => e);
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect(error.reason).toBe('interstitial-remote-failed-to-load');
    expect(error.action).toBe('Contact support@clerk.com');
    expect(error.message).toBe(
      `Error loading Clerk Interstitial from ${server.url}/failing/v1/public/interstitial?clerk_js_version=latest&publishable_key=${DEV_PK}&sign_in_url= with code=503`,
    );
    expect(server.requests.length - before).toBe(1);
  });

  it('retries a dropped connection and then succeeds', async () => {
    let attempts = 0;
    const flaky = createServer((req, res) => {
      attempts += 1;
      if (attempts === 1) {
        req.socket.destroy();
        return;
      }
      res.end('second time lucky');
    });
    await new Promise<void>(resolve => flaky.listen(0, '127.0.0.1', resolve));
    const { port } = flaky.address() as AddressInfo;
    try {
      await expect(
        remotePublicInterstitial({ apiUrl: `http://127.0.0.1:${port}`, publishableKey: DEV_PK }),
      ).resolves.toBe('second time lucky');
      expect(attempts).toBe(2);
    } finally {
      flaky.closeAllConnections();
      await new Promise(resolve => flaky.close(resolve));
    }
  });

  it('through the factory: build-time apiUrl and userAgent', async () => {
    const { remotePublicInterstitial: remote } = createAuthenticateRequest({
      options: { apiUrl: server.url, userAgent: 'factory-agent', publishableKey: DEV_PK, env: {} },
    });
    await expect(remote({ apiUrl: 'https://ignored.test' } as never)).resolves.toContain(
      'remote interstitial',
    );
    expect(server.requests.at(-1)!.headers['clerk-backend-sdk']).toBe('factory-agent');
  });
});

describe('remotePrivateInterstitial (deprecated)', () => {
  it('loads the page through the injected API client', async () => {
    await expect(remotePrivateInterstitial(createTestApiClient(server.url, 'sk_test_x'))).resolves.toBe(
      '<p>private interstitial</p>',
    );
    const { remotePrivateInterstitial: viaFactory } = createAuthenticateRequest({
      options: { env: {} },
      apiClient: createTestApiClient(server.url, 'sk_test_x'),
    });
    await expect(viaFactory()).resolves.toBe('<p>private interstitial</p>');
    expect(server.requests.at(-1)).toMatchObject({ path: '/v1/internal/interstitial' });
  });

  it('rejects clearly without an API client', async () => {
    await expect(remotePrivateInterstitial(undefined)).rejects.toThrow(/needs the Backend API/);
  });
});
