import {
  assertClaims,
  type ClaimOptions,
  clockSkewOf,
  decodeJwt,
  type JwtPayload,
  verifyJwt,
} from '@clerk/jwt-core';
import { withFault } from './errors';
import { cachedKey, jwksTargetOf, keyForKid, localKey, type ResolvedKey } from './key-for-kid';
import { type KeySource, resolveKeySource } from './key-source';
import { hasAcceptableHeader, peekHeader, peekPayload } from './lib/peek-jwt';
import type { VerifyTokenOptions } from './options';
import { recallVerified, rememberVerified } from './verified-token-cache';

const rethrowWithFault = (error: unknown): never => {
  throw withFault(error);
};

/**
 * Verifies a session token with the key from its source (see `resolveKeySource`) and resolves to its claims.
 * Every failure rejects with a `VerifyTokenError` whose `source` says whether the token or the key source is
 * at fault. With a local key (option or `CLERK_JWT_KEY`) no request is ever made.
 */
export function verifyToken(token: string, options: VerifyTokenOptions = {}): Promise<JwtPayload> {
  // Not `async`: the cached paths settle with a single promise, which is most of what a cache hit costs.
  try {
    const source = sourceFor(token, options);
    const now = Date.now();
    const claimOptions: ClaimOptions = {
      issuer: options.issuer,
      audience: options.audience,
      authorizedParties: options.authorizedParties,
      skewInMs: clockSkewOf(options),
      now,
    };
    const local = source.kind === 'local' ? localKey(source) : undefined;
    const target = source.kind === 'local' ? undefined : jwksTargetOf(source);
    const useCache = options.verifiedTokenCache !== false;
    const remembered = useCache
      ? recallVerified(token, local ? local.sourceId : target!.id, options, now)
      : undefined;
    if (remembered) {
      assertClaims(remembered, claimOptions);
      return Promise.resolve(remembered);
    }

    const peeked = peekPayload(token);
    // A malformed token is reported before any key lookup, so it can never cause a request.
    if (!peeked) decodeJwt(token);
    // Claims before the key, so an expired or foreign token never costs a JWKS request; a bad header keeps
    // its 0.x precedence over claim errors (verifyJwt reports it).
    else {
      const claimError = claimFailure(peeked, claimOptions);
      if (claimError && hasAcceptableHeader(peekHeader(token))) throw claimError;
    }
    const kid = target ? (peekHeader(token) ?? decodeJwt(token).header).kid : undefined;
    const verify = (resolved: ResolvedKey) =>
      verifyJwt(token, {
        key: resolved.key,
        issuer: options.issuer,
        audience: options.audience,
        authorizedParties: options.authorizedParties,
        clockSkewInMs: claimOptions.skewInMs,
      }).then(payload => {
        if (useCache) rememberVerified(token, kid, resolved, payload);
        return payload;
      }, rethrowWithFault);
    const resolved = local ?? cachedKey(target!, kid, options, now);
    return resolved ? verify(resolved) : keyForKid(target!, kid, options).then(verify, rethrowWithFault);
  } catch (error) {
    return Promise.reject(withFault(error));
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

function claimFailure(payload: JwtPayload, claimOptions: ClaimOptions): unknown {
  try {
    assertClaims(payload, claimOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}
