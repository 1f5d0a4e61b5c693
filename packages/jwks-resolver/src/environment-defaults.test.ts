import { describe, expect, it } from 'vitest';
import { withEnvironmentDefaults } from './environment-defaults';

// The 0.x factory defaults (auth-and-tokens.md 7.1), for the fields the environment can fill.
const FACTORY_DEFAULTS = {
  secretKey: '',
  apiKey: '',
  apiUrl: 'https://api.clerk.dev',
  apiVersion: 'v1',
  publishableKey: '',
  frontendApi: '',
  proxyUrl: '',
  domain: '',
  isSatellite: false,
};

describe('withEnvironmentDefaults', () => {
  it('keeps every given option and fills only the missing ones from the environment', () => {
    const env = {
      CLERK_SECRET_KEY: 'sk_test_env',
      CLERK_API_URL: 'https://api.env.test',
      CLERK_PUBLISHABLE_KEY: 'pk_test_env',
      CLERK_IS_SATELLITE: 'true',
    };
    expect(withEnvironmentDefaults({ secretKey: 'sk_test_option', env })).toEqual({
      ...FACTORY_DEFAULTS,
      secretKey: 'sk_test_option',
      apiUrl: 'https://api.env.test',
      publishableKey: 'pk_test_env',
      isSatellite: true,
    });
  });

  it('gives the 0.x default of every field that neither the options nor the environment set', () => {
    expect(withEnvironmentDefaults({ env: {} })).toEqual(FACTORY_DEFAULTS);
  });

  it('never writes undefined: spread over options set to undefined, the defaults stay', () => {
    const options = {
      secretKey: undefined,
      publishableKey: undefined,
      proxyUrl: undefined,
      domain: undefined,
      isSatellite: undefined,
      env: {},
    };
    const merged = { ...options, ...withEnvironmentDefaults(options) };
    expect(Object.values(merged).filter(value => value === undefined)).toEqual([]);
    expect(merged).toMatchObject({ publishableKey: '', proxyUrl: '', domain: '', isSatellite: false });
  });

  it('reads every CLERK_* variable it fills when no option is given', () => {
    const env = {
      CLERK_SECRET_KEY: 'sk_test_e',
      CLERK_API_KEY: 'test_e',
      CLERK_API_URL: 'https://api.e.test',
      CLERK_API_VERSION: 'v2',
      CLERK_PUBLISHABLE_KEY: 'pk_test_e',
      CLERK_FRONTEND_API: 'clerk.e.test',
      CLERK_PROXY_URL: 'https://e.test/__clerk',
      CLERK_DOMAIN: 'e.test',
      CLERK_IS_SATELLITE: 'true',
    };
    expect(withEnvironmentDefaults({ env })).toEqual({
      secretKey: 'sk_test_e',
      apiKey: 'test_e',
      apiUrl: 'https://api.e.test',
      apiVersion: 'v2',
      publishableKey: 'pk_test_e',
      frontendApi: 'clerk.e.test',
      proxyUrl: 'https://e.test/__clerk',
      domain: 'e.test',
      isSatellite: true,
    });
  });

  it('lets a truthy option win over the environment, and an empty option fall back to it (0.x `||`)', () => {
    const env = { CLERK_DOMAIN: 'env.test', CLERK_PROXY_URL: 'https://env.test/p' };
    expect(withEnvironmentDefaults({ domain: 'opt.test', proxyUrl: '', env })).toMatchObject({
      domain: 'opt.test',
      proxyUrl: 'https://env.test/p',
    });
  });
});
