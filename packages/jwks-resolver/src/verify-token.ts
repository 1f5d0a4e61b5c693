import { assertClaims, clockSkewOf, decodeJwt, type JwtPayload, verifyJwt } from '@clerk/jwt-core';
import { withFault } from './errors';
import { sourceId } from './jwks/jwks-cache';
import { jwksRequestOf, keyForKid } from './key-for-kid';
import { type KeySource, resolveKeySource } from './key-source';
import type { VerifyTokenOptions } from './options';
import { recallVerified, rememberVerified } from './verified-token-cache';

/**
 * Verifies a session token with the key from its source (see `resolveKeySource`) and resolves to its claims.
 * Every failure rejects with a `VerifyTokenError` whose `source` says whether the token or the key source is
 * at fault. With a local key (option or `CLERK_JWT_KEY`) no request is ever made.
 */
export async function verifyToken(token: string, options: VerifyTokenOptions = {}): Promise<JwtPayload> {
  try {
    const source = sourceFor(token, options);
    const useCache = options.verifiedTokenCache !== false;
    if (useCache) {
      const now = Date.now();
      const payload = recallVerified(token, cacheIdOf(source), options, now);
      if (payload) {
        assertClaims(payload, {
          issuer: options.issuer,
          audience: options.audience,
          authorizedParties: options.authorizedParties,
          skewInMs: clockSkewOf(options),
          now,
        });
        return payload;
      }
    }
    const kid = decodeJwt(token).header.kid;
    const resolved = await keyForKid(source, kid, options);
    const payload = await verifyJwt(token, {
      key: resolved.key,
      issuer: options.issuer,
      audience: options.audience,
      authorizedParties: options.authorizedParties,
      clockSkewInMs: options.clockSkewInMs,
      clockSkewInSeconds: options.clockSkewInSeconds,
    });
    if (useCache) rememberVerified(token, kid, resolved, payload);
    return payload;
  } catch (error) {
    throw withFault(error);
  }
}

/** As in 0.x, a malformed token is reported as such before a missing key source. */
function sourceFor(token: string, options: VerifyTokenOptions): KeySource {
  try {
    return resolveKeySource(options);
  } catch (error) {
    decodeJwt(token);
    throw error;
  }
}

const cacheIdOf = (source: KeySource) =>
  source.kind === 'local' ? source.key : sourceId(jwksRequestOf(source));
