// The node:crypto build decodes with Node's native codec; it must accept and reject exactly what the portable
// one does, so both builds read every token the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claims, entries, keyPair, signIndependently, unsignedToken } from '../test/fixtures';
import { decodeBase64UrlNative, nodeBackend } from './backend/node';
import { portableCodec } from './decode';
import { decodeBase64Url } from './lib/base64url';

const same = (input: string) => {
  const native = decodeBase64UrlNative(input);
  const portable = decodeBase64Url(input);
  expect(native === null ? null : [...native]).toEqual(portable === null ? null : [...portable]);
};

describe('the native codec of the node:crypto build', () => {
  it('base64url: the same bytes, or null, as the portable decoder on arbitrary input', () => {
    const unit = fc.constantFrom(...'ABCXYZabcxyz0189-_=+/ .é\u0000'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 24 }), same), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ maxLength: 24 }), same), { numRuns: 1000 });
  });

  it('base64url: non-canonical tails, impossible lengths and misplaced padding are rejected', () => {
    for (const input of ['QR', 'QUJ', 'A', 'AAAAA', 'QQ===', '=QQ', 'Q=Q', 'QQ==', 'QUI=', '']) same(input);
    expect(decodeBase64UrlNative('QR')).toBeNull();
    expect(decodeBase64UrlNative('QUJ')).toBeNull();
    expect([...decodeBase64UrlNative('QQ')!]).toEqual([65]);
  });

  it('UTF-8: the same text for ASCII and multi-byte input, and invalid UTF-8 still throws', () => {
    const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
    for (const text of ['{"sub":"user_1"}', '{"name":"Zoë 😀"}', '']) {
      expect(nodeBackend.decodeUtf8(bytes(text))).toBe(portableCodec.decodeUtf8(bytes(text)));
    }
    expect(() => nodeBackend.decodeUtf8(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow();
  });
});

describe.each(entries)(
  'decodeJwtForVerification and the split verification through the %s entry',
  (_, jwt) => {
    const pair = keyPair('RS256');

    it('is as strict as decodeJwt and shares one frozen header per segment', () => {
      const token = signIndependently(claims(), pair, { kid: 'ins_shared' });
      const first = jwt.decodeJwtForVerification(token);
      const second = jwt.decodeJwtForVerification(
        signIndependently(claims({ sid: 'sess_2' }), pair, { kid: 'ins_shared' }),
      );
      expect(first.header).toEqual(jwt.decodeJwt(token).header);
      expect(second.header).toBe(first.header);
      expect(Object.isFrozen(first.header)).toBe(true);
      expect(first.payload).toEqual(jwt.decodeJwt(token).payload);
      expect([...first.signature]).toEqual([...jwt.decodeJwt(token).signature]);
      for (const bad of ['a.b', 'e30.e30', `${token}x=`, unsignedToken({ alg: 'RS256' }, [1]), `!${token}`]) {
        expect(() => jwt.decodeJwtForVerification(bad)).toThrow(
          expect.objectContaining({ reason: 'token-invalid' }),
        );
      }
    });

    it('verifyDecodedJwt runs every check of verifyJwt; verifyJwtSignature the key alg and the signature', async () => {
      const token = signIndependently(claims(), pair);
      await expect(
        jwt.verifyDecodedJwt(jwt.decodeJwtForVerification(token), { key: pair.publicPem }),
      ).resolves.toMatchObject({ sub: expect.any(String) });
      await expect(
        jwt.verifyJwtSignature(jwt.decodeJwtForVerification(token), { key: pair.publicPem }),
      ).resolves.toBeTruthy();
      const expired = jwt.decodeJwtForVerification(signIndependently(claims({ exp: 1 }), pair));
      await expect(jwt.verifyDecodedJwt(expired, { key: pair.publicPem })).rejects.toMatchObject({
        reason: 'token-expired',
      });
      const forged = jwt.decodeJwtForVerification(signIndependently(claims(), keyPair('RS384')));
      await expect(jwt.verifyJwtSignature(forged, { key: pair.publicPem })).rejects.toMatchObject({
        reason: 'token-invalid-signature',
      });
      await expect(jwt.verifyJwtSignature(forged, { key: keyPair('ES256').publicPem })).rejects.toMatchObject(
        { reason: 'token-invalid-algorithm' },
      );
      await expect(jwt.verifyJwtSignature(forged, { key: 'not a key' })).rejects.toMatchObject({
        reason: 'token-verification-failed',
      });
    });
  },
);
