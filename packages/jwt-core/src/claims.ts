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

function fail(reason: Reason, message: string | (() => string), action?: Action): never {
  throw new TokenVerificationError({ reason, message, action });
}

/** `typ` absent or `JWT` (session tokens), or, when `types` is given, exactly one of `types`. */
export function assertHeaderType(typ: unknown, types?: readonly string[]): void {
  if (types ? types.includes(typ as string) : typ === undefined || typ === 'JWT') return;
  fail(
    'token-invalid',
    `Invalid JWT type ${json(typ)}. Expected ${(types ?? ['JWT']).map(json).join(' or ')}.`,
    'Make sure that this is a valid Clerk generate JWT.',
  );
}

/**
 * No JWS extension is implemented, so a `crit` header (RFC 7515 4.1.11: "these extensions must be understood")
 * can never be honoured: the token is rejected whatever `crit` names.
 */
export function assertNoCriticalExtensions(crit: unknown): void {
  if (crit === undefined) return;
  fail(
    'token-invalid',
    `Unsupported JWT critical header parameters (crit) ${json(crit)}. No JWS extension is supported.`,
    'Make sure that this is a valid Clerk generate JWT.',
  );
}

/** The header checks that need no key, in order: `typ`, then `crit`. */
export function assertHeaderParameters(header: JwtHeader, types?: readonly string[]): void {
  assertHeaderType(header.typ, types);
  assertNoCriticalExtensions(header.crit);
}

/** `alg` must be supported and among those allowed; `allowed` already reflects the key and the option. */
export function assertHeaderAlgorithm(alg: unknown, allowed: readonly Algorithm[]): asserts alg is Algorithm {
  if (isSupportedAlgorithm(alg) && allowed.includes(alg)) return;
  fail(
    'token-invalid-algorithm',
    `Invalid JWT algorithm ${json(alg)}. Supported: ${allowed.join(',')}.`,
    'Make sure that this is a valid Clerk generate JWT.',
  );
}

export function assertSubject(sub: unknown): void {
  if (typeof sub === 'string') return;
  fail(
    'token-verification-failed',
    `Subject claim (sub) is required and must be a string. Received ${json(sub)}.`,
    'Make sure that this is a valid Clerk generate JWT.',
  );
}

const flatten = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]).filter(Boolean);

/** Passes when either side is empty, or when any expected audience equals any token audience. */
export function assertAudience(aud: unknown, audience: unknown): void {
  // Nothing expected or nothing claimed (the usual case) passes without building the lists.
  if (!audience || !aud) return;
  const expected = flatten(audience);
  const actual = flatten(aud);
  if (expected.length === 0 || actual.length === 0) return;
  if (actual.some(value => typeof value === 'string' && expected.includes(value))) return;
  const kind = Array.isArray(aud) ? 'claim array (aud)' : 'claim (aud)';
  fail(
    'token-verification-failed',
    `Invalid JWT audience ${kind} ${json(aud)}. Is not included in "${json(expected)}".`,
    'Make sure that this is a valid Clerk generate JWT.',
  );
}

export function assertAuthorizedParty(azp: unknown, authorizedParties: string[] | undefined): void {
  if (!azp || !authorizedParties || authorizedParties.length === 0) return;
  if (authorizedParties.includes(azp as string)) return;
  fail(
    'token-invalid-authorized-parties',
    `Invalid JWT Authorized party claim (azp) ${json(azp)}. Expected "${authorizedParties.join(',')}".`,
  );
}

export function assertIssuer(iss: unknown, issuer: IssuerCheck): void {
  if (typeof issuer === 'function') {
    if (!issuer(iss as string)) {
      fail(
        'token-invalid-issuer',
        'Failed JWT issuer resolver. Make sure that the resolver returns a truthy value.',
      );
    }
  } else if (typeof issuer === 'string' && iss && iss !== issuer) {
    fail('token-invalid-issuer', `Invalid JWT issuer claim (iss) ${json(iss)}. Expected "${issuer}".`);
  }
}

const toMs = (seconds: number) => Math.trunc(seconds) * 1000;
const utc = (ms: number) => new Date(ms).toUTCString();

export function assertExpiration(exp: unknown, skewInMs: number, now: number): void {
  if (typeof exp !== 'number') {
    fail(
      'token-verification-failed',
      `Invalid JWT expiry date claim (exp) ${json(exp)}. Expected number.`,
      'Make sure that this is a valid Clerk generate JWT.',
    );
  }
  if (toMs(exp) <= now - skewInMs) {
    fail('token-expired', () => `JWT is expired. Expiry date: ${utc(toMs(exp))}, Current date: ${utc(now)}.`);
  }
}

/** `nbf` and `iat` are optional; when present they must be numbers and not later than now plus the skew. */
function assertNotInFuture(
  value: unknown,
  skewInMs: number,
  now: number,
  claim: string,
  future: (date: string, current: string) => string,
): void {
  if (value === undefined) return;
  if (typeof value !== 'number') {
    fail(
      'token-verification-failed',
      `Invalid JWT ${claim} ${json(value)}. Expected number.`,
      'Make sure that this is a valid Clerk generate JWT.',
    );
  }
  if (toMs(value) > now + skewInMs) fail('token-not-active-yet', () => future(utc(toMs(value)), utc(now)));
}

export function assertNotBefore(nbf: unknown, skewInMs: number, now: number): void {
  assertNotInFuture(
    nbf,
    skewInMs,
    now,
    'not before date claim (nbf)',
    (date, current) =>
      `JWT cannot be used prior to not before date claim (nbf). Not before date: ${date}; Current date: ${current};`,
  );
}

export function assertIssuedAt(iat: unknown, skewInMs: number, now: number): void {
  assertNotInFuture(
    iat,
    skewInMs,
    now,
    'issued at date claim (iat)',
    (date, current) =>
      `JWT issued at date claim (iat) is in the future. Issued at date: ${date}; Current date: ${current};`,
  );
}

/**
 * The payload claim checks in 0.x order (sub, aud, azp, iss, exp, nbf, iat). Exposed so that a cache of
 * verified tokens can re-run them on every hit.
 */
export function assertClaims(payload: JwtPayload, options: ClaimOptions): void {
  assertSubject(payload.sub);
  assertAudience(payload.aud, options.audience);
  assertAuthorizedParty(payload.azp, options.authorizedParties);
  assertIssuer(payload.iss, options.issuer);
  assertExpiration(payload.exp, options.skewInMs, options.now);
  assertNotBefore(payload.nbf, options.skewInMs, options.now);
  assertIssuedAt(payload.iat, options.skewInMs, options.now);
}
