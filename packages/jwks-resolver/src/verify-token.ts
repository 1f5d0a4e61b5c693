import {
  type ClaimOptions,
  claimsFailure,
  clockSkewOf,
  decodeJwtForVerificationOrFailure,
  headerFailure,
  isSupportedAlgorithm,
  isTokenVerificationFailure,
  type Jwt,
  type JwtPayload,
  jwtSignatureFailure,
  type TokenVerificationFailure,
} from '@clerk/jwt-core';
import { M2M_TOKEN_CATEGORY } from './constants';
import { VerifyTokenError } from './errors';
import { cachedKey, jwksTargetOf, keyForKid, localKey, type ResolvedKey } from './key-for-kid';
import { type KeySource, resolveKeySource } from './key-source';
import type { VerifyTokenOptions } from './options';
import { recallVerified, rememberVerified } from './verified-token-cache';

const wrongCategory: TokenVerificationFailure = {
  reason: 'token-invalid',
  message: 'Invalid session token category.',
};

// A failure becomes its error in a callback of its own: V8 records the stack (up to 10 frames) when an error is
// created, and a callback run from the microtask queue has none of the caller's frames below it, where creating
// the error here would walk all of them. A rejected token then costs about what the error itself costs.
const raise = (failure: TokenVerificationFailure | false | undefined): void => {
  if (failure) throw new VerifyTokenError(failure);
};
const refuse = (failure: TokenVerificationFailure): Promise<never> =>
  Promise.resolve(failure).then(raise) as Promise<never>;

/**
 * Verifies a session token with the key from its source (see `resolveKeySource`) and resolves to its claims.
 * Every failure rejects with a `VerifyTokenError` whose `source` says whether the token or the key source is
 * at fault. With a local key (option or `CLERK_JWT_KEY`) no request is ever made. A machine JWT (`cat`
 * `cl_B7d4PD333AAA`) is rejected with `token-invalid`, `Invalid session token category.`
 */

export function verifyToken(token: string, options: VerifyTokenOptions = {}): Promise<JwtPayload> {
  return verifyWith(token, options, true);
}

/**
 * `verifyToken` for a caller that has already decoded the token with jwt-core's `decodeJwtForVerification`
 * (the current call form reads the header and claims before it verifies): the same checks, caches and errors,
 * without decoding the token a second time. `jwt` must be the result of `decodeJwtForVerification(token)`.
 */
export function verifyDecodedToken(
  token: string,
  jwt: Jwt,
  options: VerifyTokenOptions = {},
): Promise<JwtPayload> {
  return verifyWith(token, options, true, jwt);
}

/** Options of `verifyInstanceJwt`: those of `verifyToken`, plus the accepted `typ` values. */
export interface InstanceJwtOptions extends VerifyTokenOptions {
  /**
   * The accepted header `typ` values (e.g. `['at+jwt', 'application/at+jwt']` for OAuth access tokens). Default:
   * `typ` absent or `JWT`. When given, the verified-token cache is not used for the call.
   */
  headerTypes?: readonly string[];
}

/**
 * Verifies any JWT the instance signs (session token, M2M JWT, OAuth access token JWT) exactly as
 * `verifyToken` does — the same key resolution, per-source JWKS cache, unknown-`kid` cooldown, single-flight
 * loads, stale window and claim checks — but without the session-token category guard, so that machine
 * authentication can verify machine JWTs. The caller checks what tells its kind of token apart (`cat`, `typ`,
 * `sub`). Machine JWTs never enter the verified-token cache, so `verifyToken` can never take one from it.
 */
export function verifyInstanceJwt(token: string, options: InstanceJwtOptions = {}): Promise<JwtPayload> {
  return verifyWith(token, options, false);
}

function verifyWith(
  token: string,
  options: InstanceJwtOptions,
  sessionOnly: boolean,
  decoded?: Jwt,
): Promise<JwtPayload> {
  // Not `async`: the cached paths settle with a single promise, which is most of what a cache hit costs.
  try {
    let source: KeySource;
    try {
      source = resolveKeySource(options);
    } catch (error) {
      // As in 0.x, a malformed token is reported as such before a missing key source.
      const malformed = decodeJwtForVerificationOrFailure(token);
      return isTokenVerificationFailure(malformed) ? refuse(malformed) : Promise.reject(error);
    }
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
    // Anything but a string (a missing cookie) is left to the decoder to reject as malformed.
    const useCache =
      typeof token === 'string' && options.verifiedTokenCache !== false && options.headerTypes === undefined;
    const remembered =
      useCache && recallVerified(token, local ? local.sourceId : target!.id, options, now, decoded?.payload);
    // Every check reports a failure as data, which `refuse` (or `raise`, in a callback) turns into the error.
    if (remembered) {
      const failure = claimsFailure(remembered, claimOptions);
      return failure ? refuse(failure) : Promise.resolve(remembered);
    }

    // Decoded once, strictly: a malformed token is reported before any key lookup, so it never causes a request.
    const jwt = decoded ?? decodeJwtForVerificationOrFailure(token);
    if (isTokenVerificationFailure(jwt)) return refuse(jwt);
    const header = jwt.header;
    // The category, the header checks that need no key, then the claims, all before the key: an expired,
    // foreign or malformed token never costs a JWKS request. An unsupported `alg` keeps its 0.x precedence over
    // claim errors (the signature check reports it, with the algorithms of the key).
    const failure =
      sessionOnly && header.cat === M2M_TOKEN_CATEGORY
        ? wrongCategory
        : (headerFailure(header, options.headerTypes) ??
          (isSupportedAlgorithm(header.alg) ? claimsFailure(jwt.payload, claimOptions) : undefined));
    if (failure) return refuse(failure);
    const kid = header.kid;
    const remember = useCache && header.cat !== M2M_TOKEN_CATEGORY;
    // The signature check resolves to its failure, which becomes the error in this callback.
    const settle = (resolved: ResolvedKey) => (failure: TokenVerificationFailure | undefined) => {
      raise(failure);
      if (remember) rememberVerified(token, kid, resolved, jwt.payload);
      return jwt.payload;
    };
    const resolved = local ?? cachedKey(target!, kid, options, now);
    // The claims were checked just now, synchronously, against this `now`: the key's `alg` and the signature
    // are what is left.
    if (resolved) return jwtSignatureFailure(jwt, resolved).then(settle(resolved));
    // A load takes time: once the key is there, the claims are checked again, at that time.
    const verifyLoaded = (loaded: ResolvedKey) => {
      raise(
        isSupportedAlgorithm(header.alg) && claimsFailure(jwt.payload, { ...claimOptions, now: Date.now() }),
      );
      return jwtSignatureFailure(jwt, loaded).then(settle(loaded));
    };
    return keyForKid(target!, kid, options).then(verifyLoaded);
  } catch (error) {
    // Already a VerifyTokenError when it is about the key source (resolving it and loading a JWKS create theirs
    // as one); the checks of the token report failures as data, which `refuse` and `raise` turn into one.
    return Promise.reject(error);
  }
}
