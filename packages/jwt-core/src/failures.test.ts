import { describe, expect, it } from 'vitest';
import { claims, entries, keyPair, nowSeconds, signIndependently, unsignedToken } from '../test/fixtures';
import { TokenVerificationError } from './errors';

// The checks as data (what verifyToken builds its errors from) must say exactly what the throwing forms throw.
describe.each(entries)('failures as data through the %s entry', (_backend, jwt) => {
  const thrown = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(TokenVerificationError);
      const { reason, message, action } = error as TokenVerificationError;
      return { reason, message, action };
    }
    throw new Error('expected a throw');
  };
  const text = (failure: { message: string | (() => string) } | undefined) =>
    typeof failure?.message === 'function' ? failure.message() : failure?.message;

  it('claimsFailure gives what assertClaims throws, and nothing for valid claims', () => {
    const now = Date.now();
    const options = { issuer: 'https://clerk.example.com', skewInMs: 0, now };
    for (const payload of [
      claims({ sub: 7 }),
      claims({ exp: nowSeconds() - 60 }),
      claims({ nbf: nowSeconds() + 60 }),
      claims({ iss: 'https://other.example.com' }),
    ]) {
      const failure = jwt.claimsFailure(payload as never, options);
      const error = thrown(() => jwt.assertClaims(payload as never, options));
      expect({ ...failure, message: text(failure) }).toEqual(error);
    }
    expect(jwt.claimsFailure(claims({ iss: 'https://clerk.example.com' }) as never, options)).toBeUndefined();
  });

  it('headerFailure gives what assertHeaderParameters throws', () => {
    const header = { alg: 'RS256', typ: 'JWT', crit: ['exp'] };
    const failure = jwt.headerFailure(header);
    expect(failure).toEqual(thrown(() => jwt.assertHeaderParameters(header)));
    expect(failure?.reason).toBe('token-invalid');
    expect(jwt.headerFailure({ alg: 'RS256', typ: 'JWT' })).toBeUndefined();
  });

  it('decodeJwtForVerificationOrFailure returns the failure decodeJwt throws, or the decoded token', () => {
    for (const token of ['a.b', unsignedToken({ alg: 'RS256' }, { sub: 'u' }, 'c2ln!'), 'eyJ.e30.c2ln']) {
      const result = jwt.decodeJwtForVerificationOrFailure(token);
      expect(jwt.isTokenVerificationFailure(result)).toBe(true);
      expect(result).toEqual(thrown(() => jwt.decodeJwt(token)));
    }
    const token = unsignedToken({ alg: 'RS256' }, { sub: 'user_1' });
    const decoded = jwt.decodeJwtForVerificationOrFailure(token);
    expect(jwt.isTokenVerificationFailure(decoded)).toBe(false);
    const plain = jwt.decodeJwt(token);
    expect(decoded).toMatchObject({ header: plain.header, payload: plain.payload, raw: plain.raw });
    expect([...(decoded as typeof plain).signature]).toEqual([...plain.signature]);
  });

  it('jwtSignatureFailure resolves to nothing for the right key and to the failure for any other', async () => {
    const pair = keyPair('RS256');
    const token = signIndependently(claims(), pair);
    const decoded = jwt.decodeJwt(token);
    await expect(jwt.jwtSignatureFailure(decoded, { key: pair.publicPem })).resolves.toBeUndefined();
    await expect(
      jwt.jwtSignatureFailure(decoded, { key: keyPair('RS256', 3072).publicJwk }),
    ).resolves.toEqual({
      reason: 'token-invalid-signature',
      message: 'JWT signature is invalid.',
    });
    const es = await jwt.jwtSignatureFailure(decoded, { key: keyPair('ES256').publicPem });
    expect(es).toMatchObject({
      reason: 'token-invalid-algorithm',
      message: 'Invalid JWT algorithm "RS256". Supported: ES256.',
    });
    const unusable = await jwt.jwtSignatureFailure(decoded, { key: 'not a key' });
    expect(unusable?.reason).toBe('token-verification-failed');
    expect(unusable?.message).toMatch(/^Error verifying JWT signature\. TypeError: /);
  });
});
