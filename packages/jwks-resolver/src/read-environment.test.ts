import { afterEach, describe, expect, it } from 'vitest';
import { readEnvironment } from './read-environment';

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('CLERK_')) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('readEnvironment', () => {
  it('reads every CLERK_* variable from an injected env object', () => {
    expect(
      readEnvironment({
        CLERK_SECRET_KEY: 'sk_test_1',
        CLERK_API_KEY: 'test_legacy',
        CLERK_JWT_KEY: 'MIIB',
        CLERK_API_URL: 'https://api.example.test',
        CLERK_API_VERSION: 'v2',
        CLERK_PUBLISHABLE_KEY: 'pk_test_x',
        CLERK_FRONTEND_API: 'clerk.example.test',
        CLERK_PROXY_URL: 'https://example.test/__clerk',
        CLERK_DOMAIN: 'satellite.test',
        CLERK_IS_SATELLITE: 'true',
      }),
    ).toEqual({
      secretKey: 'sk_test_1',
      apiKey: 'test_legacy',
      jwtKey: 'MIIB',
      apiUrl: 'https://api.example.test',
      apiVersion: 'v2',
      publishableKey: 'pk_test_x',
      frontendApi: 'clerk.example.test',
      proxyUrl: 'https://example.test/__clerk',
      domain: 'satellite.test',
      isSatellite: true,
    });
  });

  it('falls back to process.env when no env is injected', () => {
    process.env.CLERK_SECRET_KEY = 'sk_test_from_process';
    process.env.CLERK_IS_SATELLITE = 'false';
    const read = readEnvironment();
    expect(read.secretKey).toBe('sk_test_from_process');
    expect(read.isSatellite).toBe(false);
  });

  it('an injected env replaces process.env entirely', () => {
    process.env.CLERK_SECRET_KEY = 'sk_test_from_process';
    expect(readEnvironment({}).secretKey).toBeUndefined();
  });

  it('treats empty strings, non-string bindings and unknown flags as unset', () => {
    const read = readEnvironment({
      CLERK_SECRET_KEY: '',
      CLERK_JWT_KEY: { binding: true },
      CLERK_IS_SATELLITE: 'yes',
    });
    expect(read.secretKey).toBeUndefined();
    expect(read.jwtKey).toBeUndefined();
    expect(read.isSatellite).toBeUndefined();
  });

  it('works where there is no process at all (Workers)', () => {
    const realProcess = globalThis.process;
    try {
      delete (globalThis as any).process;
      expect(readEnvironment().secretKey).toBeUndefined();
      expect(readEnvironment({ CLERK_SECRET_KEY: 'sk_live_w' }).secretKey).toBe('sk_live_w');
    } finally {
      globalThis.process = realProcess;
    }
  });
});
