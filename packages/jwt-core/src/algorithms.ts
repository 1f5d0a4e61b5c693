/** Every JWS algorithm this package verifies and signs with. RS* is what Clerk session tokens use. */
export const SUPPORTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;

export type Algorithm = (typeof SUPPORTED_ALGORITHMS)[number];

export type AlgorithmFamily = 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA';

export interface AlgorithmSpec {
  family: AlgorithmFamily;
  /** Digest size in bits: 256, 384 or 512. */
  bits: 256 | 384 | 512;
  /** The curve an ECDSA key must be on. */
  curve?: 'P-256' | 'P-384' | 'P-521';
}

const specs: Record<Algorithm, AlgorithmSpec> = {
  RS256: { family: 'RSASSA-PKCS1-v1_5', bits: 256 },
  RS384: { family: 'RSASSA-PKCS1-v1_5', bits: 384 },
  RS512: { family: 'RSASSA-PKCS1-v1_5', bits: 512 },
  PS256: { family: 'RSA-PSS', bits: 256 },
  PS384: { family: 'RSA-PSS', bits: 384 },
  PS512: { family: 'RSA-PSS', bits: 512 },
  ES256: { family: 'ECDSA', bits: 256, curve: 'P-256' },
  ES384: { family: 'ECDSA', bits: 384, curve: 'P-384' },
  ES512: { family: 'ECDSA', bits: 512, curve: 'P-521' },
};

export function isSupportedAlgorithm(alg: unknown): alg is Algorithm {
  return typeof alg === 'string' && Object.hasOwn(specs, alg);
}

export function algorithmSpec(alg: Algorithm): AlgorithmSpec {
  return specs[alg];
}

/** The plain error 0.x throws for an algorithm it cannot sign or verify with. */
export function unsupportedAlgorithmError(alg: unknown): Error {
  return new Error(
    `Unsupported algorithm ${String(alg)}, expected one of ${SUPPORTED_ALGORITHMS.join(',')}.`,
  );
}
