import { type Algorithm, algorithmSpec } from '../algorithms';

const ecSignatureBytes = { 256: 64, 384: 96, 512: 132 } as const;

/** ECDSA signatures in a JWS are fixed-size r||s; any other length cannot be valid on either backend. */
export function hasPlausibleLength(alg: Algorithm, signature: Uint8Array): boolean {
  const spec = algorithmSpec(alg);
  return spec.family !== 'ECDSA' || signature.length === ecSignatureBytes[spec.bits];
}

export const MIN_RSA_BITS = 2048;

export function tooSmallRsaKey(bits: number): TypeError {
  return new TypeError(`RSA keys must be at least ${MIN_RSA_BITS} bits long; this one has ${bits}.`);
}
