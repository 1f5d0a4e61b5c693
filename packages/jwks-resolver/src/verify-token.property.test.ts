import { decodeJwtForVerification } from '@clerk/jwt-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claims, signingKey, signToken } from '../test/tokens';
import { VerifyTokenError } from './errors';
import { payloadTextOf } from './lib/peek-jwt';
import { verifyToken } from './verify-token';

const key = signingKey('ins_property');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyToken on arbitrary input', () => {
  it('any string is a typed rejection, never a crash and never a payload', async () => {
    const segment = fc.string({ unit: fc.constantFrom(...'AZaz09-_=.+/ é'.split('')), maxLength: 40 });
    const tokenLike = fc.array(segment, { minLength: 1, maxLength: 5 }).map(parts => parts.join('.'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), tokenLike), async input => {
        const outcome = await verifyToken(input, { jwtKey: key.publicPem, env: {} }).then(
          () => 'verified',
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(VerifyTokenError);
        expect((outcome as VerifyTokenError).source).toBe('token');
      }),
      { numRuns: 300 },
    );
  });

  it('a missing or non-string token is a token-invalid rejection, with the cache on or off', async () => {
    for (const input of [undefined, null, 42, {}, ['a.b.c']]) {
      for (const verifiedTokenCache of [true, false]) {
        const outcome = await verifyToken(input as unknown as string, {
          jwtKey: key.publicPem,
          env: {},
          verifiedTokenCache,
        }).then(
          () => 'verified',
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(VerifyTokenError);
        expect((outcome as VerifyTokenError).reason).toBe('token-invalid');
      }
    }
  });

  it('a signed token with any payload change never verifies', async () => {
    const token = signToken(key);
    const [header, original, signature] = token.split('.');
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
        async extra => {
          const payload = b64({ ...claims(), ...extra });
          fc.pre(payload !== original);
          const forged = `${header}.${payload}.${signature}`;
          await expect(verifyToken(forged, { jwtKey: key.publicPem, env: {} })).rejects.toBeInstanceOf(
            VerifyTokenError,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the shared-header decode and the cached payload text read exactly the JSON objects that were encoded', () => {
    const object = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(object, object, (header, payload) => {
        const token = `${b64(header)}.${b64(payload)}.c2ln`;
        const decoded = decodeJwtForVerification(token);
        expect(decoded.header).toEqual(JSON.parse(JSON.stringify(header)));
        expect(decoded.payload).toEqual(JSON.parse(JSON.stringify(payload)));
        // Twice: the second decode takes the header from the cache.
        expect(decodeJwtForVerification(token).header).toBe(decoded.header);
        expect(JSON.parse(payloadTextOf(token))).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
      { numRuns: 300 },
    );
  });
});
