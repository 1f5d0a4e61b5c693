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

/** Whether `alg` is one of {@link SUPPORTED_ALGORITHMS}. */
export function isSupportedAlgorithm(alg: unknown): alg is Algorithm {
  return (SUPPORTED_ALGORITHMS as readonly unknown[]).includes(alg);
}

/** The plain error 0.x throws for an algorithm it cannot sign or verify with. */
export function unsupportedAlgorithmError(alg: unknown): Error {
  return new Error(
    `Unsupported algorithm ${String(alg)}, expected one of ${SUPPORTED_ALGORITHMS.join(',')}.`,
  );
}
