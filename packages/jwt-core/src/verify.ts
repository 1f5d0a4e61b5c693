import { type Algorithm, SUPPORTED_ALGORITHMS, unsupportedAlgorithmError } from './algorithms';
import { assertClaims, assertHeaderAlgorithm, assertHeaderType, type IssuerCheck } from './claims';
import { decodeJwt } from './decode';
import { TokenVerificationError, TokenVerificationErrorAction, TokenVerificationErrorReason } from './errors';
import { type KeyInput, type ParsedKey, parseKey } from './keys';
import { deprecated } from './lib/deprecated';
import type { Jwt, JwtPayload } from './types';

/** Checks one signature with an already parsed key; each runtime supplies its fastest one. */
export type SignatureVerifier = (
  alg: Algorithm,
  key: ParsedKey,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
) => boolean | Promise<boolean>;

export interface VerifyJwtOptions {
  /** The public key: a JWK, or a PEM (SPKI) string. */
  key: KeyInput;
  /** Exact `iss`, a predicate over it, or `null`/`undefined` to skip the check. */
  issuer?: IssuerCheck;
  /** Accepted audiences; the token passes when any of its `aud` values is among them. */
  audience?: string | string[];
  /** Accepted `azp` values; an empty list skips the check. */
  authorizedParties?: string[];
  /** Allowed clock drift in milliseconds. Default 5000; `0` is honoured. */
  clockSkewInMs?: number;
  /** @deprecated Use `clockSkewInMs`. Allowed clock drift in seconds. */
  clockSkewInSeconds?: number;
  /** Restricts the accepted `alg` values further; the key already restricts them to what it can do. */
  algorithms?: Algorithm[];
}

const DEFAULT_CLOCK_SKEW_IN_MS = 5000;

/** The clock skew of the options, in milliseconds: `clockSkewInMs`, else `clockSkewInSeconds`, else 5 s. */
export function clockSkewOf(options: {
  /** Allowed clock drift in milliseconds; wins over `clockSkewInSeconds`. */
  clockSkewInMs?: number;
  /** @deprecated Use `clockSkewInMs`. Allowed clock drift in seconds. */
  clockSkewInSeconds?: number;
}): number {
  if (options.clockSkewInMs != null) return options.clockSkewInMs;
  if (options.clockSkewInSeconds != null) {
    deprecated('clockSkewInSeconds', 'Use `clockSkewInMs` instead.');
    return options.clockSkewInSeconds * 1000;
  }
  return DEFAULT_CLOCK_SKEW_IN_MS;
}

const encoder = new TextEncoder();
const signedBytes = (jwt: Jwt) => encoder.encode(`${jwt.raw.header}.${jwt.raw.payload}`);

function tryParseKey(key: KeyInput): ParsedKey | Error {
  try {
    return parseKey(key, 'verify');
  } catch (error) {
    return error as Error;
  }
}

/** `verifyJwt` on top of a signature verifier: header, then claims in 0.x order, then the signature. */
export async function verifyJwtWith(
  verifySignature: SignatureVerifier,
  token: string,
  options: VerifyJwtOptions,
): Promise<JwtPayload> {
  const jwt = decodeJwt(token);
  const key = tryParseKey(options.key);
  const keyAlgorithms = key instanceof Error ? SUPPORTED_ALGORITHMS : key.algorithms;
  const allowed = options.algorithms
    ? keyAlgorithms.filter(a => options.algorithms!.includes(a))
    : keyAlgorithms;

  assertHeaderType(jwt.header.typ);
  assertHeaderAlgorithm(jwt.header.alg, allowed);
  assertClaims(jwt.payload, {
    issuer: options.issuer,
    audience: options.audience,
    authorizedParties: options.authorizedParties,
    skewInMs: clockSkewOf(options),
    now: Date.now(),
  });

  let valid: boolean;
  try {
    if (key instanceof Error) throw key;
    valid = await verifySignature(jwt.header.alg, key, signedBytes(jwt), jwt.signature);
  } catch (error) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenVerificationFailed,
      action: TokenVerificationErrorAction.EnsureClerkJWT,
      message: `Error verifying JWT signature. ${String(error)}`,
    });
  }
  if (!valid) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenInvalidSignature,
      message: 'JWT signature is invalid.',
    });
  }
  return jwt.payload;
}

/**
 * Whether the token's signature verifies with the key. Unsupported `alg` throws; an `alg` the key cannot
 * be used with, or a wrong key, gives `false`.
 */
export async function hasValidSignatureWith(
  verifySignature: SignatureVerifier,
  jwt: Jwt,
  key: KeyInput,
): Promise<boolean> {
  const alg = jwt.header.alg;
  if (!SUPPORTED_ALGORITHMS.includes(alg as Algorithm)) throw unsupportedAlgorithmError(alg);
  const parsed = parseKey(key, 'verify');
  if (!parsed.algorithms.includes(alg as Algorithm)) return false;
  return verifySignature(alg as Algorithm, parsed, signedBytes(jwt), jwt.signature);
}
