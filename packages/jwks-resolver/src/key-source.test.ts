import { TokenVerificationErrorAction, TokenVerificationErrorReason } from '@clerk/jwt-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifyTokenError } from './errors';
import { resolveKeySource } from './key-source';

const PEM = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';

afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('CLERK_')) delete process.env[name];
});

describe('resolveKeySource: one order on every runtime', () => {
  it('the jwtKey option beats CLERK_JWT_KEY and every JWKS source', () => {
    expect(
      resolveKeySource({
        jwtKey: PEM,
        env: { CLERK_JWT_KEY: 'from-env' },
        secretKey: 'sk_test_x',
        proxyUrl: 'https://p.test',
        issuer: 'https://clerk.x.dev',
      }),
    ).toEqual({ kind: 'local', from: 'option', key: PEM });
  });

  it('CLERK_JWT_KEY from the env option beats the secret key, proxy and issuer', () => {
    expect(
      resolveKeySource({
        env: { CLERK_JWT_KEY: 'from-env' },
        secretKey: 'sk_test_x',
        proxyUrl: 'https://p.test',
        issuer: 'https://clerk.x.dev',
      }),
    ).toEqual({ kind: 'local', from: 'env', key: 'from-env' });
  });

  it('CLERK_JWT_KEY from process.env counts when no env option is given', () => {
    process.env.CLERK_JWT_KEY = 'from-process';
    expect(resolveKeySource({ secretKey: 'sk_test_x' })).toEqual({
      kind: 'local',
      from: 'env',
      key: 'from-process',
    });
    expect(resolveKeySource({ secretKey: 'sk_test_x', env: {} }).kind).toBe('backend-api');
  });

  it('a proxy wins over the secret key, as in 0.x behind a proxy: the secret key is not sent', () => {
    expect(
      resolveKeySource({
        secretKey: 'sk_test_x',
        proxyUrl: 'https://p.test/__clerk',
        issuer: 'https://clerk.x.dev',
      }),
    ).toEqual({ kind: 'proxy', jwksUrl: 'https://p.test/__clerk/.well-known/jwks.json' });
  });

  it('the secret key selects the Backend API before a string issuer (differs from 0.x)', () => {
    expect(resolveKeySource({ secretKey: 'sk_test_x', issuer: 'https://clerk.x.dev' })).toEqual({
      kind: 'backend-api',
      jwksUrl: 'https://api.clerk.dev/v1/jwks',
      secretKey: 'sk_test_x',
    });
  });

  it('apiKey is the deprecated alias of secretKey; secretKey wins over it; it warns once', () => {
    vi.stubEnv('NODE_ENV', 'development'); // deprecation warnings are silent under NODE_ENV=test
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(resolveKeySource({ apiKey: 'test_legacy' })).toMatchObject({ secretKey: 'test_legacy' });
    expect(resolveKeySource({ apiKey: 'test_legacy', secretKey: 'sk_test_new' })).toMatchObject({
      secretKey: 'sk_test_new',
    });
    expect(warn.mock.calls).toEqual([
      [
        'Clerk - DEPRECATION WARNING: "apiKey" is deprecated and will be removed in the next major release.\nUse `secretKey` instead.',
      ],
    ]);
    warn.mockRestore();
    vi.unstubAllEnvs();
  });

  it('env fills secretKey, apiUrl and apiVersion only where the options leave them out', () => {
    const env = {
      CLERK_SECRET_KEY: 'sk_test_env',
      CLERK_API_URL: 'https://api.env.test/base',
      CLERK_API_VERSION: 'v9',
    };
    expect(resolveKeySource({ env })).toEqual({
      kind: 'backend-api',
      jwksUrl: 'https://api.env.test/base/v9/jwks',
      secretKey: 'sk_test_env',
    });
    expect(
      resolveKeySource({ env, secretKey: 'sk_test_opt', apiUrl: 'https://api.opt.test', apiVersion: 'v1' }),
    ).toEqual({
      kind: 'backend-api',
      jwksUrl: 'https://api.opt.test/v1/jwks',
      secretKey: 'sk_test_opt',
    });
    process.env.CLERK_API_KEY = 'test_from_process_legacy';
    expect(resolveKeySource({})).toMatchObject({ secretKey: 'test_from_process_legacy' });
  });

  it('joins URLs like 0.x: base paths kept, repeated slashes collapsed', () => {
    expect(
      resolveKeySource({ secretKey: 's', apiUrl: 'https://x.test/base/', apiVersion: '/v1/' }),
    ).toMatchObject({
      jwksUrl: 'https://x.test/base/v1/jwks',
    });
    expect(resolveKeySource({ proxyUrl: 'https://x.com/__clerk' })).toEqual({
      kind: 'proxy',
      jwksUrl: 'https://x.com/__clerk/.well-known/jwks.json',
    });
    expect(resolveKeySource({ issuer: 'https://clerk.x.dev' })).toEqual({
      kind: 'issuer',
      jwksUrl: 'https://clerk.x.dev/.well-known/jwks.json',
    });
    expect(resolveKeySource({ proxyUrl: 'https://p.test/', issuer: 'https://clerk.x.dev' })).toMatchObject({
      kind: 'proxy',
      jwksUrl: 'https://p.test/.well-known/jwks.json',
    });
  });

  it('without any source: jwk-failed-to-resolve, the key source at fault; a function issuer is no source', () => {
    for (const options of [{}, { issuer: () => true }, { issuer: null }, { jwtKey: '', secretKey: '' }]) {
      let caught: unknown;
      try {
        resolveKeySource({ ...options, env: {} });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(VerifyTokenError);
      expect(caught).toMatchObject({
        reason: TokenVerificationErrorReason.JWKFailedToResolve,
        action: TokenVerificationErrorAction.SetClerkJWTKey,
        message: 'Failed to resolve JWK during verification.',
        source: 'key-source',
      });
    }
  });

  it('a URL that cannot be parsed is a typed key-source error, not a TypeError', () => {
    expect(() => resolveKeySource({ issuer: 'not a url', env: {} })).toThrow(
      expect.objectContaining({ reason: 'jwk-failed-to-resolve', source: 'key-source' }),
    );
    expect(() => resolveKeySource({ secretKey: 's', apiUrl: '::', env: {} })).toThrow(
      expect.objectContaining({ reason: 'jwk-failed-to-resolve' }),
    );
  });
});
