import { decodeJwt, type KeyInput } from '@clerk/jwt-core';
import { withFault } from './errors';
import { jwksTargetOf, keyForKid, localKey } from './key-for-kid';
import { resolveKeySource } from './key-source';
import type { JwksOptions, KeySourceOptions } from './options';

/**
 * The key that `verifyToken` would check this token with: the local key, or the JWK for the token's `kid`
 * from the (cached) JWKS of its source. Rejects like `verifyToken` does for key failures.
 */
export async function resolveKey(
  token: string,
  options: KeySourceOptions & JwksOptions = {},
): Promise<KeyInput> {
  try {
    const kid = decodeJwt(token).header.kid;
    const source = resolveKeySource(options);
    return source.kind === 'local'
      ? localKey(source).key
      : (await keyForKid(jwksTargetOf(source), kid, options)).key;
  } catch (error) {
    throw withFault(error);
  }
}
