// The shared verification core, called the current form's way: no issuer check, the key from `jwtKey` or
// the secret key's Backend API JWKS (current-clerk.md 8.1).
import {
  NO_TOKEN_CATEGORY,
  pickJwksOptions,
  resolveKey,
  SESSION_TOKEN_CATEGORY,
  type VerifyTokenOptions,
  verifyDecodedToken,
  verifyToken,
} from '@clerk/jwks-resolver';
import {
  decodeJwt,
  hasValidSignature,
  type JwtPayload,
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '@clerk/jwt-core';
import { type PeekedJwt, peekJwt } from './peek-jwt';
import type { ResolvedOptions } from './resolve-options';

/** `cat` values of a session token (also a handshake token): the session class and the opted-out marker. */
const SESSION_CATEGORIES = new Set([SESSION_TOKEN_CATEGORY, NO_TOKEN_CATEGORY]);

// The options of a session verification depend only on the resolved options: built once per resolved options
// object (a shared one serves every request of an instance), never per request. A plain literal, and the JWKS
// tuning assigned after: a spread followed by more properties costs microseconds per object on V8.
const verifyOptionsCache = new WeakMap<ResolvedOptions, VerifyTokenOptions>();

function sessionVerifyOptions(options: ResolvedOptions): VerifyTokenOptions {
  let built = verifyOptionsCache.get(options);
  if (!built) {
    built = Object.assign(
      {
        jwtKey: options.jwtKey || undefined,
        secretKey: options.secretKey,
        apiUrl: options.apiUrl,
        apiVersion: options.apiVersion,
        clerkApiVersion: options.clerkApiVersion,
        issuer: null,
        audience: options.audience,
        authorizedParties: options.authorizedParties,
        clockSkewInMs: options.clockSkewInMs,
        env: options.env,
        fetch: options.fetch,
      },
      pickJwksOptions(options),
    );
    verifyOptionsCache.set(options, built);
  }
  return built;
}

/**
 * Verifies a session token; rejects with the `TokenVerificationError` of the first failed check. `decoded` is
 * the token's `peekJwt` result when the caller has it, so that the token is not decoded a second time.
 */
export function verifySession(
  token: string,
  options: ResolvedOptions,
  { decoded, clockSkewInMs }: { decoded?: PeekedJwt; clockSkewInMs?: number } = {},
): Promise<JwtPayload> {
  const verifyOptions =
    clockSkewInMs === undefined
      ? sessionVerifyOptions(options)
      : { ...sessionVerifyOptions(options), clockSkewInMs };
  return decoded ? verifyDecodedToken(token, decoded, verifyOptions) : verifyToken(token, verifyOptions);
}

/** A decoded machine JWT (M2M or OAuth), or a JWT whose `cat` names another class than a session token (1.6). */
export function isNonSessionJwt({ header, payload }: PeekedJwt): boolean {
  if (typeof payload.sub === 'string' && payload.sub.startsWith('mch_')) return true;
  if (header.typ === 'at+jwt' || header.typ === 'application/at+jwt') return true;
  // `cat` is a header parameter (current-clerk.md 1.1, 1.6).
  return header.cat !== undefined && !SESSION_CATEGORIES.has(header.cat as string);
}

/** The same for a raw token: an opaque machine token by prefix, or a decodable JWT of another class. */
export function isNonSessionToken(token: string, decode: (token: string) => PeekedJwt = peekJwt): boolean {
  if (token.startsWith('mt_') || token.startsWith('oat_') || token.startsWith('ak_')) return true;
  try {
    return isNonSessionJwt(decode(token));
  } catch {
    return false;
  }
}

const invalid = (reason: TokenVerificationErrorReason, message: string) =>
  new TokenVerificationError({ reason, message, action: TokenVerificationErrorAction.EnsureClerkJWT });

const HANDSHAKE_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Verifies a handshake token signed by the instance key and returns its Set-Cookie directives. No time
 * claims are checked (current-clerk.md 3.8); the header, category, key and signature are.
 */
export async function verifyHandshakeToken(token: string, options: ResolvedOptions): Promise<string[]> {
  const jwt = decodeJwt(token);
  const { typ, alg, crit } = jwt.header;
  if (typ !== undefined && typ !== 'JWT')
    throw invalid(
      TokenVerificationErrorReason.TokenInvalid,
      `Invalid JWT type ${JSON.stringify(typ)}. Expected "JWT".`,
    );
  if (!HANDSHAKE_ALGORITHMS.has(alg)) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenInvalidAlgorithm,
      message: `Invalid JWT algorithm ${JSON.stringify(alg)}. Supported: RS256, RS384, RS512.`,
      action: TokenVerificationErrorAction.EnsureClerkJWT,
    });
  }
  if (crit !== undefined)
    throw invalid(TokenVerificationErrorReason.TokenInvalid, 'Unsupported "crit" header parameter.');
  const cat = jwt.header.cat;
  if (cat !== undefined && !SESSION_CATEGORIES.has(cat as string)) {
    throw invalid(TokenVerificationErrorReason.TokenInvalid, 'Invalid handshake token category.');
  }
  if (!options.jwtKey && !options.secretKey) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.JWKFailedToResolve,
      message: 'Failed to resolve JWK during handshake verification.',
      action: TokenVerificationErrorAction.SetClerkJWTKey,
    });
  }
  const key = await resolveKey(token, {
    ...pickJwksOptions(options),
    jwtKey: options.jwtKey || undefined,
    secretKey: options.secretKey,
    apiUrl: options.apiUrl,
    apiVersion: options.apiVersion,
    clerkApiVersion: options.clerkApiVersion,
    env: options.env,
    fetch: options.fetch,
  });
  let valid = false;
  try {
    valid = await hasValidSignature(jwt, key);
  } catch {
    valid = false;
  }
  if (!valid)
    throw invalid(TokenVerificationErrorReason.TokenInvalidSignature, 'Handshake signature is invalid.');
  const directives = jwt.payload.handshake;
  return Array.isArray(directives)
    ? directives.filter((item): item is string => typeof item === 'string')
    : [];
}
