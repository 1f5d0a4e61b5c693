import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claims, keyPair, signIndependently, unsignedToken } from '../test/fixtures';
import { decodeJwt } from './decode';
import { TokenVerificationError } from './errors';

const formMessage = 'Invalid JWT form. A JWT consists of three parts separated by dots.';

function expectTokenInvalid(input: unknown, message?: string) {
  let caught: unknown;
  try {
    decodeJwt(input as string);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TokenVerificationError);
  expect((caught as TokenVerificationError).reason).toBe('token-invalid');
  if (message) expect((caught as TokenVerificationError).message).toBe(message);
}

describe('decodeJwt', () => {
  it('returns header, payload, signature bytes and the raw segments', () => {
    const payload = claims();
    const token = signIndependently(payload, keyPair('RS256'), { kid: 'ins_1' });
    const [h, p, s] = token.split('.');
    const jwt = decodeJwt(token);
    expect(jwt.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'ins_1' });
    expect({ ...jwt.payload }).toEqual(payload);
    expect(jwt.signature).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(jwt.signature).toString('base64url')).toBe(s);
    expect(jwt.raw).toEqual({ header: h, payload: p, signature: s, text: token });
  });

  it.each([undefined, null, '', 42, 'a.b', 'a.b.c.d', 'null', 'undefined', '42'])(
    'rejects %j with the 0.x form message',
    input => expectTokenInvalid(input, formMessage),
  );

  it('accepts an empty signature segment as zero bytes', () => {
    const jwt = decodeJwt(unsignedToken({ alg: 'RS256' }, { sub: 'x' }, ''));
    expect(jwt.signature.length).toBe(0);
  });

  it('tolerates = padding on segments', () => {
    const jwt = decodeJwt(
      `${Buffer.from('{"alg":"RS256"}').toString('base64')}.${Buffer.from('{"a":1}').toString('base64')}.`,
    );
    expect(jwt.payload.a).toBe(1);
  });

  it.each([
    ['a character outside base64url', `${unsignedToken({ alg: 'RS256' }, {}).replace(/^./, '+')}`],
    ['a space', `eyJh bGciOiJSUzI1NiJ9.e30.c2ln`],
    ['a dangling character', 'e.e30.c2ln'],
    ['non-canonical trailing bits', 'eyJhbGciOiJSUzI1NiJ9.e30.c2l'],
    ['an empty header', '.e30.c2ln'],
    ['a non-JSON payload', `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('not json').toString('base64url')}.c2ln`],
    ['a null payload', unsignedToken({ alg: 'RS256' }, null)],
    ['a number payload', unsignedToken({ alg: 'RS256' }, 42)],
    ['a string payload', unsignedToken({ alg: 'RS256' }, 'text')],
    ['an array payload', unsignedToken({ alg: 'RS256' }, [1, 2])],
    ['a null header', unsignedToken(null, { sub: 'x' })],
    ['an array header', unsignedToken([], { sub: 'x' })],
    ['invalid UTF-8', `${Buffer.from([0xff, 0xfe]).toString('base64url')}.e30.c2ln`],
  ])('gives token-invalid for %s', (_name, token) => expectTokenInvalid(token));

  it('keeps an orgs claim readable (deprecated) and adds none otherwise', () => {
    const withOrgs = decodeJwt(unsignedToken({ alg: 'RS256' }, { sub: 'x', orgs: { org_1: 'admin' } }));
    expect(withOrgs.payload.orgs).toEqual({ org_1: 'admin' });
    expect(Object.keys(withOrgs.payload)).toContain('orgs');
    const without = decodeJwt(unsignedToken({ alg: 'RS256' }, { sub: 'x' }));
    expect(without.payload.orgs).toBeUndefined();
    expect(Object.keys(without.payload)).toEqual(['sub']);
  });

  it('never throws anything but TokenVerificationError for arbitrary strings', () => {
    const segment = fc.string({ unit: fc.constantFrom(...'AZaz09-_=+/.{}" '.split('')), maxLength: 40 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(segment, segment, segment).map(p => p.join('.')),
        ),
        input => {
          try {
            decodeJwt(input);
          } catch (error) {
            expect(error).toBeInstanceOf(TokenVerificationError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decodes any JSON object payload it is given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), payload => {
        const jwt = decodeJwt(unsignedToken({ alg: 'RS256' }, payload));
        expect(JSON.parse(JSON.stringify(jwt.payload))).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
      { numRuns: 300 },
    );
  });
});
