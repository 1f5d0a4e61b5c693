// The portable decoder against an independent reading of the rules: the url alphabet, up to two trailing `=`, no
// length of 1 modulo 4, zero leftover bits; Node's Buffer supplies the bytes of what is valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Url } from './base64url';

function reference(input: string): number[] | null {
  const body = input.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return null;
  const bytes = [...Buffer.from(body, 'base64url')];
  return Buffer.from(bytes).toString('base64url') === body ? bytes : null;
}

const decoded = (input: string) => {
  const bytes = decodeBase64Url(input);
  return bytes === null ? null : [...bytes];
};

describe('decodeBase64Url', () => {
  it('gives the bytes, or null, exactly as the rules say, on arbitrary input', () => {
    const unit = fc.constantFrom(...'ABCXYZabcxyz0189-_=+/ .é😀\u0000\u0080\u00ff'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), input => {
        expect(decoded(input)).toEqual(reference(input));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
        const text = Buffer.from(bytes).toString('base64url');
        expect(decoded(text)).toEqual([...bytes]);
        expect(decoded(`${text}${'='.repeat((4 - (text.length % 4)) % 4)}`)).toEqual([...bytes]);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a character outside the alphabet at every position, and lone surrogates', () => {
    const valid = Buffer.from('a session token signature, long enough').toString('base64url');
    for (let i = 0; i < valid.length; i++) {
      for (const bad of ['+', '/', '.', ' ', 'é', '\u0000', '\ud800', '😀']) {
        expect(decodeBase64Url(valid.slice(0, i) + bad + valid.slice(i + 1))).toBeNull();
      }
    }
    expect(decodeBase64Url('QQ\ud800')).toBeNull();
    expect([...decodeBase64Url('QQ==')!]).toEqual([65]);
    expect(decodeBase64Url('QQ===')).toBeNull();
    expect(decodeBase64Url('QR')).toBeNull();
  });

  it('decodes inputs longer than its scratch space the same way', () => {
    const bytes = Buffer.from(Array.from({ length: 6000 }, (_, i) => (i * 7) & 255));
    const text = bytes.toString('base64url');
    expect(decoded(text)).toEqual([...bytes]);
    expect(decodeBase64Url(`${text.slice(0, 5000)}!${text.slice(5001)}`)).toBeNull();
    // A short input after a long one is not mixed up with what the long one left behind.
    expect(decoded('QUJD')).toEqual([65, 66, 67]);
  });

  it('reads standard base64 (PEM bodies) with + and /', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x00]);
    expect([...decodeBase64(bytes.toString('base64').replace(/=+$/, ''))!]).toEqual([...bytes]);
  });
});
