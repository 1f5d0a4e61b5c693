import { isSupportedAlgorithm, unsupportedAlgorithmError } from './algorithms';
import { cryptoKeyFor, webCryptoBackend } from './backend/webcrypto';
import { type KeyInput, parseKey } from './keys';
import type { JwtHeader } from './types';

export interface SignJwtOptions {
  /** The JWS algorithm, for example `RS256`. Required. */
  algorithm: string;
  /** Header fields; `alg` is always set from `algorithm`. Default `{ typ: 'JWT' }`. */
  header?: Record<string, unknown>;
}

/**
 * Signs a payload with a private key (JWK or PKCS#8 PEM). As in 0.x, `iat` is set to now and `alg` to
 * the algorithm; unlike 0.x, neither the payload nor the header passed in is modified.
 */
export async function signJwt(
  payload: Record<string, unknown>,
  key: KeyInput,
  options: SignJwtOptions,
): Promise<string> {
  if (!options?.algorithm) throw new Error('No algorithm specified');
  const alg = options.algorithm;
  if (!isSupportedAlgorithm(alg)) throw unsupportedAlgorithmError(alg);
  const parsed = parseKey(key, 'sign');
  if (!parsed.algorithms.includes(alg))
    throw new TypeError(`This ${parsed.type} key cannot sign ${alg} tokens.`);
  const header = { ...(options.header ?? { typ: 'JWT' }), alg } as JwtHeader;
  const body = { ...payload, iat: Math.floor(Date.now() / 1000) };
  // Loaded on first use, so that verifying never loads or bundles the JOSE library.
  const { CompactSign } = await import('jose/jws/compact/sign');
  return new CompactSign(webCryptoBackend.encodeUtf8(JSON.stringify(body)))
    .setProtectedHeader(header)
    .sign(await cryptoKeyFor(parsed, alg));
}
