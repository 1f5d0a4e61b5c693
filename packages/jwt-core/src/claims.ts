import { type Algorithm, isSupportedAlgorithm } from './algorithms';
import {
  type TokenVerificationErrorAction as Action,
  type TokenVerificationErrorReason as Reason,
  TokenVerificationError,
} from './errors';
import type { JwtHeader, JwtPayload } from './types';

/** `issuer` option: an exact string, a predicate, or `null`/`undefined` for no check. */
export type IssuerCheck = string | ((iss: string) => boolean) | null | undefined;

/** What the claim checks compare the token against. */
export interface ClaimOptions {
  /** A string the `iss` claim must equal when the token has one, or a predicate it must satisfy. */
  issuer?: IssuerCheck;
  /** The token's `aud` must include one of these (no check when either side is empty). */
  audience?: string | string[];
  /** The token's `azp`, when it has one, must be one of these (no check when empty). */
  authorizedParties?: string[];
  /** Allowed clock drift; `0` is honoured. */
  skewInMs: number;
  /** Milliseconds since the epoch. */
  now: number;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * A failed check, as data: what a `TokenVerificationError` is built from. The checks return one instead of
 * throwing, so that a verifier can build the error in its own (outermost) frame: V8 records the stack when an
 * error is created, and every frame below costs.
 */
export interface TokenVerificationFailure {
  /** Becomes the error's `reason`. */
  reason: Reason;
  /** The text, or a function that builds it when it is first read. */
  message: string | (() => string);
  /** Becomes the error's `action`. */
  action?: Action;
}

/** Throws the error a failure describes; the `assert*` functions are their `*Failure` check plus this. */
export function throwIfFailed(failure: TokenVerificationFailure | undefined): void {
  if (failure) throw new TokenVerificationError(failure);
}

const ENSURE_CLERK_JWT = 'Make sure that this is a valid Clerk generate JWT.';
const failed = (
  reason: Reason,
  message: string | (() => string),
  action?: Action,
): TokenVerificationFailure => ({
  reason,
  message,
  action,
});
/** `token-verification-failed`, with the advice to make sure that this is a Clerk JWT. */
export const unverified = (message: string): TokenVerificationFailure =>
  failed('token-verification-failed', message, ENSURE_CLERK_JWT);

/** `typ` absent or `JWT` (session tokens), or, when `types` is given, exactly one of `types`. */
function typeFailure(typ: unknown, types?: readonly string[]): TokenVerificationFailure | undefined {
  if (types ? types.includes(typ as string) : typ === undefined || typ === 'JWT') return;
  return failed(
    'token-invalid',
    `Invalid JWT type ${json(typ)}. Expected ${(types ?? ['JWT']).map(json).join(' or ')}.`,
    ENSURE_CLERK_JWT,
  );
}

/**
 * No JWS extension is implemented, so a `crit` header (RFC 7515 4.1.11: "these extensions must be understood")
 * can never be honoured: the token is rejected whatever `crit` names.
 */
function criticalFailure(crit: unknown): TokenVerificationFailure | undefined {
  if (crit === undefined) return;
  return failed(
    'token-invalid',
    `Unsupported JWT critical header parameters (crit) ${json(crit)}. No JWS extension is supported.`,
    ENSURE_CLERK_JWT,
  );
}

/** The header checks that need no key, in order: `typ`, then `crit`. The first failure, if any. */
export function headerFailure(
  header: JwtHeader,
  types?: readonly string[],
): TokenVerificationFailure | undefined {
  return typeFailure(header.typ, types) ?? criticalFailure(header.crit);
}

/** `headerFailure`, thrown. */
export function assertHeaderParameters(header: JwtHeader, types?: readonly string[]): void {
  throwIfFailed(headerFailure(header, types));
}

/** `alg` must be supported and among those allowed; `allowed` already reflects the key and the option. */
export function algorithmFailure(
  alg: unknown,
  allowed: readonly Algorithm[],
): TokenVerificationFailure | undefined {
  if (isSupportedAlgorithm(alg) && allowed.includes(alg)) return;
  return failed(
    'token-invalid-algorithm',
    `Invalid JWT algorithm ${json(alg)}. Supported: ${allowed.join(',')}.`,
    ENSURE_CLERK_JWT,
  );
}

function subjectFailure(sub: unknown): TokenVerificationFailure | undefined {
  if (typeof sub === 'string') return;
  return unverified(`Subject claim (sub) is required and must be a string. Received ${json(sub)}.`);
}

const flatten = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]).filter(Boolean);

/** Passes when either side is empty, or when any expected audience equals any token audience. */
function audienceFailure(aud: unknown, audience: unknown): TokenVerificationFailure | undefined {
  // Nothing expected or nothing claimed (the usual case) passes without building the lists.
  if (!audience || !aud) return;
  const expected = flatten(audience);
  const actual = flatten(aud);
  if (expected.length === 0 || actual.length === 0) return;
  // A loop, not `some` with a closure over `expected`: that would allocate on every call, passing ones included.
  for (const value of actual) if (typeof value === 'string' && expected.includes(value)) return;
  const array = Array.isArray(aud) ? ' array' : '';
  return unverified(
    `Invalid JWT audience claim${array} (aud) ${json(aud)}. Is not included in "${json(expected)}".`,
  );
}

function authorizedPartyFailure(
  azp: unknown,
  authorizedParties: string[] | undefined,
): TokenVerificationFailure | undefined {
  if (!azp || !authorizedParties || authorizedParties.length === 0) return;
  if (authorizedParties.includes(azp as string)) return;
  return failed(
    'token-invalid-authorized-parties',
    `Invalid JWT Authorized party claim (azp) ${json(azp)}. Expected "${authorizedParties.join(',')}".`,
  );
}

function issuerFailure(iss: unknown, issuer: IssuerCheck): TokenVerificationFailure | undefined {
  if (typeof issuer === 'function') {
    if (!issuer(iss as string)) {
      return failed(
        'token-invalid-issuer',
        'Failed JWT issuer resolver. Make sure that the resolver returns a truthy value.',
      );
    }
  } else if (typeof issuer === 'string' && iss && iss !== issuer) {
    return failed(
      'token-invalid-issuer',
      `Invalid JWT issuer claim (iss) ${json(iss)}. Expected "${issuer}".`,
    );
  }
}

const toMs = (seconds: number) => Math.trunc(seconds) * 1000;
const utc = (ms: number) => new Date(ms).toUTCString();

/**
 * A failure whose message names the claim's date and the current one, formatted when it is first read. Made here
 * rather than in the checks: a function that creates a closure allocates its captured variables on every call,
 * so a check that passes would allocate too.
 */
function datedFailure(
  reason: Reason,
  lead: string,
  date: number,
  middle: string,
  now: number,
  end: string,
): TokenVerificationFailure {
  return failed(reason, () => `${lead}${utc(date)}${middle}${utc(now)}${end}`);
}

function expirationFailure(
  exp: unknown,
  skewInMs: number,
  now: number,
): TokenVerificationFailure | undefined {
  if (typeof exp !== 'number') {
    return unverified(`Invalid JWT expiry date claim (exp) ${json(exp)}. Expected number.`);
  }
  if (toMs(exp) <= now - skewInMs) {
    return datedFailure(
      'token-expired',
      'JWT is expired. Expiry date: ',
      toMs(exp),
      ', Current date: ',
      now,
      '.',
    );
  }
}

/**
 * `nbf` and `iat` are optional; when present they must be numbers and not later than now plus the skew. `lead` is
 * the failure message up to the claim's date.
 */
function futureFailure(
  value: unknown,
  skewInMs: number,
  now: number,
  claim: string,
  lead: string,
): TokenVerificationFailure | undefined {
  if (value === undefined) return;
  if (typeof value !== 'number') {
    return unverified(`Invalid JWT ${claim} ${json(value)}. Expected number.`);
  }
  if (toMs(value) > now + skewInMs) {
    return datedFailure('token-not-active-yet', lead, toMs(value), '; Current date: ', now, ';');
  }
}

const notBeforeFailure = (nbf: unknown, skewInMs: number, now: number) =>
  futureFailure(
    nbf,
    skewInMs,
    now,
    'not before date claim (nbf)',
    'JWT cannot be used prior to not before date claim (nbf). Not before date: ',
  );

const issuedAtFailure = (iat: unknown, skewInMs: number, now: number) =>
  futureFailure(
    iat,
    skewInMs,
    now,
    'issued at date claim (iat)',
    'JWT issued at date claim (iat) is in the future. Issued at date: ',
  );

/** The payload claim checks in 0.x order (sub, aud, azp, iss, exp, nbf, iat): the first failure, if any. */
export function claimsFailure(
  payload: JwtPayload,
  options: ClaimOptions,
): TokenVerificationFailure | undefined {
  return (
    subjectFailure(payload.sub) ??
    audienceFailure(payload.aud, options.audience) ??
    authorizedPartyFailure(payload.azp, options.authorizedParties) ??
    issuerFailure(payload.iss, options.issuer) ??
    expirationFailure(payload.exp, options.skewInMs, options.now) ??
    notBeforeFailure(payload.nbf, options.skewInMs, options.now) ??
    issuedAtFailure(payload.iat, options.skewInMs, options.now)
  );
}

/**
 * The payload claim checks in 0.x order (sub, aud, azp, iss, exp, nbf, iat), thrown as a
 * `TokenVerificationError`. Exposed so that a cache of verified tokens can re-run them on every hit.
 */
export function assertClaims(payload: JwtPayload, options: ClaimOptions): void {
  throwIfFailed(claimsFailure(payload, options));
}
