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

const families = { R: 'RSASSA-PKCS1-v1_5', P: 'RSA-PSS', E: 'ECDSA' } as const;

/** Whether `alg` is one of {@link SUPPORTED_ALGORITHMS}. */
export function isSupportedAlgorithm(alg: unknown): alg is Algorithm {
  return (SUPPORTED_ALGORITHMS as readonly unknown[]).includes(alg);
}

/** Read off the name: the family from its first letter, the digest size from its digits (ES512 uses P-521). */
export function algorithmSpec(alg: Algorithm): AlgorithmSpec {
  const bits = Number(alg.slice(2)) as AlgorithmSpec['bits'];
  const family = families[alg[0] as keyof typeof families];
  return family === 'ECDSA'
    ? { family, bits, curve: bits === 512 ? 'P-521' : `P-${bits}` }
    : { family, bits };
}

/** The plain error 0.x throws for an algorithm it cannot sign or verify with. */
export function unsupportedAlgorithmError(alg: unknown): Error {
  return new Error(
    `Unsupported algorithm ${String(alg)}, expected one of ${SUPPORTED_ALGORITHMS.join(',')}.`,
  );
}
