// What parseKey accepts and the TypeError it gives for each kind of unusable key; independent keys from
// node:crypto (test/fixtures).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyPair } from '../test/fixtures';
import { parseKey } from './keys';

const rejected = (input: unknown, usage: 'verify' | 'sign' = 'verify') => {
  try {
    parseKey(input as JsonWebKey, usage);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as TypeError).message;
  }
  throw new Error('expected parseKey to throw');
};

describe('parseKey', () => {
  it('reads the type and the algorithms of PEM and JWK keys, public for verify and private for sign', () => {
    const rsa = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    for (const [alg, algorithms] of [
      ['RS256', rsa],
      ['ES256', ['ES256']],
      ['ES384', ['ES384']],
      ['ES512', ['ES512']],
    ] as const) {
      const pair = keyPair(alg);
      const type = alg[0] === 'R' ? 'RSA' : 'EC';
      for (const [key, usage] of [
        [pair.publicPem, 'verify'],
        [pair.publicJwk, 'verify'],
        [pair.privatePem, 'sign'],
        [pair.privateJwk, 'sign'],
      ] as const) {
        const parsed = parseKey(key, usage);
        expect(parsed).toMatchObject({ type, algorithms, usage });
        expect(parsed.jwk === undefined).toBe(typeof key === 'string');
        expect(parsed.der === undefined).toBe(typeof key !== 'string');
        expect(parseKey(key, usage)).toBe(parsed);
      }
    }
    expect(parseKey({ ...keyPair('RS256').publicJwk, alg: 'PS384' }, 'verify').algorithms).toEqual(['PS384']);
    const body = keyPair('ES256').publicPem.replace(/-----[^-]+-----|\s/g, '');
    expect(parseKey(body, 'verify').algorithms).toEqual(['ES256']);
  });

  it('a different key is a different entry, never the one cached first', () => {
    const first = parseKey(keyPair('RS256').publicJwk, 'verify');
    const other = parseKey({ ...keyPair('RS256').publicJwk, alg: 'RS512' }, 'verify');
    expect(other).not.toBe(first);
    expect(parseKey(keyPair('ES384').publicJwk, 'verify').algorithms).toEqual(['ES384']);
  });

  it('says what is wrong with a JWK', () => {
    const rsa = keyPair('RS256').publicJwk;
    const ec = keyPair('ES256').publicJwk;
    expect(rejected(42)).toBe('The key must be a JWK object or a PEM string.');
    expect(rejected(null)).toBe('The key must be a JWK object or a PEM string.');
    expect(rejected(keyPair('RS256').privateJwk)).toBe('A private key cannot verify; pass the public key.');
    expect(rejected(rsa, 'sign')).toBe('A public key cannot sign; pass the private key.');
    expect(rejected({ ...rsa, use: 'enc' })).toBe('JWK "use" is "enc", not "sig".');
    expect(rejected({ ...rsa, key_ops: ['sign'] })).toBe('JWK "key_ops" does not allow "verify".');
    expect(rejected({ ...rsa, key_ops: 'verify' })).toBe('JWK "key_ops" does not allow "verify".');
    expect(rejected({ ...rsa, n: undefined })).toBe('RSA JWK needs "n" and "e".');
    expect(rejected({ ...rsa, e: 65537 })).toBe('RSA JWK needs "n" and "e".');
    expect(rejected({ ...ec, crv: 'secp256k1' })).toBe('Unsupported JWK curve "secp256k1".');
    expect(rejected({ ...ec, y: undefined })).toBe('EC JWK needs "x" and "y".');
    expect(rejected({ kty: 'oct', k: 'c2VjcmV0' })).toBe(
      'Unsupported JWK key type "oct"; expected "RSA" or "EC".',
    );
    expect(rejected({})).toBe('Unsupported JWK key type undefined; expected "RSA" or "EC".');
    expect(rejected({ ...rsa, alg: 'ES256' })).toBe('JWK "alg" "ES256" does not fit a RSA key.');
    expect(rejected({ ...ec, alg: 'ES384' })).toBe('JWK "alg" "ES384" does not fit a EC key.');
    expect(rejected({ ...rsa, alg: 'HS256' })).toBe('JWK "alg" "HS256" does not fit a RSA key.');
    expect(parseKey({ ...rsa, use: 'sig', key_ops: ['verify'] }, 'verify').algorithms).toHaveLength(6);
  });

  it('says what is wrong with a PEM string', () => {
    expect(rejected('not a key')).toBe('The key is neither a JWK nor a base64 PEM string.');
    expect(rejected('')).toBe('The key is neither a JWK nor a base64 PEM string.');
    expect(rejected('-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----')).toBe(
      'The key is neither a JWK nor a base64 PEM string.',
    );
    const notKeyInfo = 'The PEM body is not an SPKI public key or a PKCS#8 private key.';
    expect(rejected(btoa('just some bytes'))).toBe(notKeyInfo);
    // A PKCS#1 `RSA PUBLIC KEY` body is a SEQUENCE of two INTEGERs, not an SPKI.
    const pkcs1 = keyPair('RS256').publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(rejected(pkcs1)).toBe(notKeyInfo);
    // SPKI with trailing bytes after the outer SEQUENCE.
    const spki = keyPair('RS256').publicKey.export({ type: 'spki', format: 'der' });
    expect(rejected(Buffer.concat([spki, Buffer.from([0])]).toString('base64'))).toBe(notKeyInfo);
    expect(rejected(spki.subarray(0, 40).toString('base64'))).toBe(notKeyInfo);
    expect(rejected(keyPair('RS256').privatePem)).toBe('A private key cannot verify; pass the public key.');
    expect(rejected(keyPair('ES256').publicPem, 'sign')).toBe(
      'A public key cannot sign; pass the private key.',
    );
    const unsupported = 'Unsupported key type: only RSA and EC (P-256, P-384, P-521) keys are accepted.';
    const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(rejected(ed)).toBe(unsupported);
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    expect(rejected(k1.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(unsupported);
  });
});
