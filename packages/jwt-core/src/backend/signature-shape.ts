import type { Algorithm } from '../algorithms';

const ecSignatureBytes: Partial<Record<Algorithm, number>> = { ES256: 64, ES384: 96, ES512: 132 };

/** ECDSA signatures in a JWS are fixed-size r||s; any other length cannot be valid on either backend. */
export function hasPlausibleLength(alg: Algorithm, signature: Uint8Array): boolean {
  const expected = ecSignatureBytes[alg];
  return expected === undefined || signature.length === expected;
}

export const MIN_RSA_BITS = 2048;

export function tooSmallRsaKey(bits: number): TypeError {
  return new TypeError(`RSA keys must be at least ${MIN_RSA_BITS} bits long; this one has ${bits}.`);
}
