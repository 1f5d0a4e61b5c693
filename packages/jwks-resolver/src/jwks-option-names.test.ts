import { describe, expect, it } from 'vitest';
import { pickJwksOptions } from './jwks-option-names';

describe('pickJwksOptions', () => {
  it('takes every JWKS option of the call, honouring 0 and false, and nothing else', () => {
    const call = {
      jwksCacheTtlInMs: 0,
      skipJwksCache: false,
      jwksRefetchCooldownInMs: 1,
      jwksFetchTimeoutInMs: 2,
      jwksFetchRetries: 0,
      jwksRetryDelayInMs: 3,
      jwksLoadTimeoutInMs: 4,
      jwksMaxStaleInMs: 0,
      secretKey: 'sk_test_not_a_jwks_option',
    };
    const instance = { jwksMaxStaleInMs: 99, skipJwksCache: true, jwksCacheTtlInMs: 99 };
    const { secretKey: _, ...jwks } = call;
    expect(pickJwksOptions(call, instance)).toEqual(jwks);
  });

  it("falls back to the instance's value where the call's is undefined", () => {
    expect(
      pickJwksOptions({ jwksMaxStaleInMs: undefined }, { jwksMaxStaleInMs: 0, jwksLoadTimeoutInMs: 7 }),
    ).toEqual({
      ...Object.fromEntries(Object.keys(pickJwksOptions({})).map(name => [name, undefined])),
      jwksMaxStaleInMs: 0,
      jwksLoadTimeoutInMs: 7,
    });
  });

  it('lists the eight JWKS tuning options, not fetch', () => {
    expect(Object.keys(pickJwksOptions({ fetch } as object)).sort()).toEqual(
      [
        'jwksCacheTtlInMs',
        'jwksFetchRetries',
        'jwksFetchTimeoutInMs',
        'jwksLoadTimeoutInMs',
        'jwksMaxStaleInMs',
        'jwksRefetchCooldownInMs',
        'jwksRetryDelayInMs',
        'skipJwksCache',
      ].sort(),
    );
  });
});
