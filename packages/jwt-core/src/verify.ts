import { type Algorithm, SUPPORTED_ALGORITHMS, unsupportedAlgorithmError } from './algorithms';
import {
  algorithmFailure,
  claimsFailure,
  headerFailure,
  type IssuerCheck,
  type TokenVerificationFailure,
  unverified,
} from './claims';
import { type Codec, decodeOrFailure, isFailure } from './decode';
import { TokenVerificationError } from './errors';
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
  /**
   * The accepted header `typ` values. Default: `typ` absent or `JWT` (session tokens); when given, `typ` must be
   * one of these (absent is then rejected), e.g. `['at+jwt', 'application/at+jwt']` for OAuth access tokens.
   */
  headerTypes?: readonly string[];
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

/** What a runtime supplies: its fastest signature check and codecs (the same rules on every runtime). */
export interface CryptoBackend extends Codec {
  verify: SignatureVerifier;
  /** The UTF-8 bytes of a string. */
  encodeUtf8: (text: string) => Uint8Array<ArrayBuffer>;
}

// The signing input is the token text up to the second dot.
const signedBytes = (backend: CryptoBackend, jwt: Jwt) =>
  backend.encodeUtf8(jwt.raw.text.slice(0, jwt.raw.header.length + 1 + jwt.raw.payload.length));

function tryParseKey(key: KeyInput): ParsedKey | Error {
  try {
    return parseKey(key, 'verify');
  } catch (error) {
    return error as Error;
  }
}

/** The key, and the `alg` values it and the `algorithms` option allow. */
function keyAndAlgorithms(options: Pick<VerifyJwtOptions, 'key' | 'algorithms'>) {
  const key = tryParseKey(options.key);
  const keyAlgorithms = key instanceof Error ? SUPPORTED_ALGORITHMS : key.algorithms;
  const restriction = options.algorithms;
  const allowed = restriction ? keyAlgorithms.filter(a => restriction.includes(a)) : keyAlgorithms;
  return { key, allowed };
}

/** `verifyJwt` on top of a backend: header (`typ`, `crit`, `alg`), claims in 0.x order, then the signature. */
export function verifyJwtWith(
  backend: CryptoBackend,
  token: string,
  options: VerifyJwtOptions,
): Promise<JwtPayload> {
  try {
    const jwt = decodeOrFailure(backend, token, true);
    return isFailure(jwt)
      ? Promise.reject(new TokenVerificationError(jwt))
      : verifyDecodedWith(backend, jwt, options);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The same checks on a token already decoded (by `decodeJwt` or `decodeJwtForVerification`). */
export function verifyDecodedWith(
  backend: CryptoBackend,
  jwt: Jwt,
  options: VerifyJwtOptions,
): Promise<JwtPayload> {
  try {
    const headerFailed = headerFailure(jwt.header, options.headerTypes);
    const { key, allowed } = keyAndAlgorithms(options);
    const failure =
      headerFailed ??
      algorithmFailure(jwt.header.alg, allowed) ??
      claimsFailure(jwt.payload, {
        issuer: options.issuer,
        audience: options.audience,
        authorizedParties: options.authorizedParties,
        skewInMs: clockSkewOf(options),
        now: Date.now(),
      });
    return failure ? Promise.reject(new TokenVerificationError(failure)) : checkSignature(backend, jwt, key);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The key-dependent half of `verifyDecodedWith`: the `alg` check against the key (and `algorithms`), then the
 * signature. Only for callers that ran `assertHeaderParameters` and `assertClaims` on the token just before.
 */
export function verifySignatureWith(
  backend: CryptoBackend,
  jwt: Jwt,
  options: Pick<VerifyJwtOptions, 'key' | 'algorithms'>,
): Promise<JwtPayload> {
  try {
    const { key, allowed } = keyAndAlgorithms(options);
    const failure = algorithmFailure(jwt.header.alg, allowed);
    return failure ? Promise.reject(new TokenVerificationError(failure)) : checkSignature(backend, jwt, key);
  } catch (error) {
    return Promise.reject(error);
  }
}

const unusableKey = (error: unknown): TokenVerificationFailure =>
  unverified(`Error verifying JWT signature. ${String(error)}`);

const INVALID_SIGNATURE: TokenVerificationFailure = {
  reason: 'token-invalid-signature',
  message: 'JWT signature is invalid.',
};

type SignatureCheck = TokenVerificationFailure | undefined;

/** The signature check as data: `undefined` when it verifies, else the failure; synchronous on node:crypto. */
function signatureCheck(
  backend: CryptoBackend,
  jwt: Jwt,
  key: ParsedKey | Error,
): SignatureCheck | Promise<SignatureCheck> {
  let outcome: boolean | Promise<boolean>;
  try {
    if (key instanceof Error) throw key;
    outcome = backend.verify(jwt.header.alg as Algorithm, key, signedBytes(backend, jwt), jwt.signature);
  } catch (error) {
    return unusableKey(error);
  }
  if (typeof outcome === 'boolean') return outcome ? undefined : INVALID_SIGNATURE;
  return outcome.then(valid => (valid ? undefined : INVALID_SIGNATURE), unusableKey);
}

// Not `async`: a synchronous verifier (node:crypto) settles the promise without an extra turn.
function checkSignature(backend: CryptoBackend, jwt: Jwt, key: ParsedKey | Error): Promise<JwtPayload> {
  const checked = signatureCheck(backend, jwt, key);
  if (checked instanceof Promise) {
    return checked.then(failure => {
      if (failure) throw new TokenVerificationError(failure);
      return jwt.payload;
    });
  }
  return checked ? Promise.reject(new TokenVerificationError(checked)) : Promise.resolve(jwt.payload);
}

/**
 * `verifySignatureWith` as data: resolves to `undefined` when the `alg` fits the key (and `algorithms`) and the
 * signature verifies, else to the failure, so that the caller creates the error in its own frame. Rejects only
 * for what is not a verification failure (bad options).
 */
export function signatureFailureWith(
  backend: CryptoBackend,
  jwt: Jwt,
  options: Pick<VerifyJwtOptions, 'key' | 'algorithms'>,
): Promise<TokenVerificationFailure | undefined> {
  try {
    const { key, allowed } = keyAndAlgorithms(options);
    return Promise.resolve(algorithmFailure(jwt.header.alg, allowed) ?? signatureCheck(backend, jwt, key));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Whether the token's signature verifies with the key. Unsupported `alg` throws; an `alg` the key cannot
 * be used with, or a wrong key, gives `false`.
 */
export async function hasValidSignatureWith(
  backend: CryptoBackend,
  jwt: Jwt,
  key: KeyInput,
): Promise<boolean> {
  const alg = jwt.header.alg;
  if (!SUPPORTED_ALGORITHMS.includes(alg as Algorithm)) throw unsupportedAlgorithmError(alg);
  const parsed = parseKey(key, 'verify');
  if (!parsed.algorithms.includes(alg as Algorithm)) return false;
  return backend.verify(alg as Algorithm, parsed, signedBytes(backend, jwt), jwt.signature);
}
