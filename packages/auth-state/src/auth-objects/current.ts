// The auth objects of the current call form, `authenticateRequest(request, options)`: the fields of today's
// Clerk (`tokenType`, `sessionStatus`, `factorVerificationAge`, `isAuthenticated`) and its `has()` rules.
import type { JwtPayload } from '@clerk/jwt-core';
import type { AuthStateApiClient } from '../api-client';
import { checkAuthorization } from './authorization';
import { createRedactedDebug } from './debug';
import { organizationFields } from './session-claims';
import { createGetToken } from './signed-in-auth-object';
import type { AuthObjectDebug, CheckAuthorization, GetToken, SignedInSessionClaims } from './types';

/** What a current-form signed-in auth object is built from. */
export interface CurrentAuthObjectContext {
  /** The verified session token; `getToken()` without a template resolves to it. */
  token: string;
  /** Its verified payload. */
  claims: JwtPayload;
  /** Used by `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
  /** The request context `debug()` shows (keys and tokens are cut to 7 characters). */
  debug?: () => Record<string, unknown>;
}

/** The `sts` claim: a pending session still has a task to finish (for example choosing an organisation). */
export type SessionStatusClaim = 'active' | 'pending';

/** `[firstFactorAgeMinutes, secondFactorAgeMinutes]`; `-1` means not enabled or never verified. */
export type FactorVerificationAge = [number, number];

/** The auth object of a signed-in session in the current call form, in today's key order. */
export interface CurrentSignedInAuthObject {
  /** The kind of token that authenticated the request. */
  tokenType: 'session_token';
  /** The `act` claim of an impersonation session (`{ sub, iss?, sid?, type? }`), or undefined. */
  actor: unknown;
  /** The whole verified payload. */
  sessionClaims: SignedInSessionClaims;
  /** The session id (`sid`). */
  sessionId: string;
  /** The `sts` claim, or null when the token has none. */
  sessionStatus: SessionStatusClaim | null;
  /** The user id (`sub`). */
  userId: string;
  /** The active organisation's id (`org_id`, or `o.id` of a v2 token), or undefined. */
  orgId: string | undefined;
  /** The role in the active organisation (`org_role`, or `org:` + `o.rol` of a v2 token), or undefined. */
  orgRole: string | undefined;
  /** The active organisation's slug (`org_slug`, or `o.slg` of a v2 token), or undefined. */
  orgSlug: string | undefined;
  /** `org_permissions`, or the permissions a v2 token encodes in `fea`, `o.per` and `o.fpm`; undefined without an organisation. */
  orgPermissions: string[] | undefined;
  /** The `fva` claim, or null when the token has none. */
  factorVerificationAge: FactorVerificationAge | null;
  /** The session token, or one minted from a JWT template. */
  getToken: GetToken;
  /** True when every asked role, permission, feature, plan and reverification holds; never throws. */
  has: CheckAuthorization;
  /** The request context, keys and tokens cut to 7 characters. Never send it to clients. */
  debug: AuthObjectDebug;
  /** Always true. */
  isAuthenticated: true;
}

/** The auth object of a request without a (usable) session in the current call form. */
export interface CurrentSignedOutAuthObject {
  /** The kind of token that was expected. */
  tokenType: 'session_token';
  /** Always null. */
  sessionClaims: null;
  /** Always null. */
  sessionId: null;
  /** `pending` when a pending session is treated as signed out, else null. */
  sessionStatus: SessionStatusClaim | null;
  /** Always null. */
  userId: null;
  /** Always null. */
  actor: null;
  /** Always null. */
  orgId: null;
  /** Always null. */
  orgRole: null;
  /** Always null. */
  orgSlug: null;
  /** Always null. */
  orgPermissions: null;
  /** Always null. */
  factorVerificationAge: null;
  /** Resolves to null. */
  getToken: GetToken;
  /** Always false; never throws. */
  has: CheckAuthorization;
  /** The request context, keys and tokens cut to 7 characters. */
  debug: AuthObjectDebug;
  /** Always false. */
  isAuthenticated: false;
}

/** Either current-form auth object; `isAuthenticated` tells them apart. */
export type CurrentAuthObject = CurrentSignedInAuthObject | CurrentSignedOutAuthObject;

/** Options of a current-form state's `toAuth()`. */
export interface CurrentToAuthOptions {
  /** A pending session (`sts: 'pending'`) gives a signed-out object unless this is false. Default true. */
  treatPendingAsSignedOut?: boolean;
}

// The secrets and tokens of the request context that debug() shows only the start of.
const REDACTED = [
  'secretKey',
  'machineSecretKey',
  'jwtKey',
  'sessionToken',
  'tokenInHeader',
  'sessionTokenInCookie',
  'refreshTokenInCookie',
  'devBrowserToken',
  'handshakeToken',
] as const;

/** True when the token belongs to a pending session (`sts: 'pending'`). */
export function isPendingSession(claims: JwtPayload): boolean {
  return claims.sts === 'pending';
}

/** The signed-in auth object of a verified session token, for the current call form. */
export function currentSignedInAuthObject(context: CurrentAuthObjectContext): CurrentSignedInAuthObject {
  const { token, claims, apiClient } = context;
  // The type promises what Clerk session tokens always carry; a token without `sid` still maps it verbatim.
  const sessionId = claims.sid as string;
  const { orgId, orgRole, orgSlug, orgPermissions } = organizationFields(claims);
  const factorVerificationAge = (claims.fva ?? null) as FactorVerificationAge | null;
  const subject = {
    userId: claims.sub,
    orgId,
    orgRole,
    orgPermissions,
    features: claims.fea || '',
    plans: claims.pla || '',
    factorVerificationAge,
  };
  return {
    tokenType: 'session_token',
    actor: claims.act,
    sessionClaims: claims as SignedInSessionClaims,
    sessionId,
    sessionStatus: (claims.sts ?? null) as SessionStatusClaim | null,
    userId: claims.sub,
    orgId,
    orgRole,
    orgSlug,
    orgPermissions,
    factorVerificationAge,
    getToken: createGetToken(sessionId, { token, apiClient }),
    has: params => checkAuthorization(subject, params),
    debug: createRedactedDebug(REDACTED, context.debug, { sessionToken: token }),
    isAuthenticated: true,
  };
}

/** The signed-out auth object of the current call form; `sessionStatus` is `pending` for a pending session. */
export function currentSignedOutAuthObject(
  debug?: () => Record<string, unknown>,
  sessionStatus: SessionStatusClaim | null = null,
): CurrentSignedOutAuthObject {
  return {
    tokenType: 'session_token',
    sessionClaims: null,
    sessionId: null,
    sessionStatus,
    userId: null,
    actor: null,
    orgId: null,
    orgRole: null,
    orgSlug: null,
    orgPermissions: null,
    factorVerificationAge: null,
    getToken: () => Promise.resolve(null),
    has: () => false,
    debug: createRedactedDebug(REDACTED, debug),
    isAuthenticated: false,
  };
}

/**
 * What a current-form signed-in state's `toAuth(options)` returns: the signed-in object, or for a pending
 * session (unless `treatPendingAsSignedOut` is false) a signed-out object with `sessionStatus: 'pending'`.
 */
export function currentSessionAuthObject(
  context: CurrentAuthObjectContext,
  { treatPendingAsSignedOut = true }: CurrentToAuthOptions = {},
): CurrentAuthObject {
  if (treatPendingAsSignedOut && isPendingSession(context.claims))
    return currentSignedOutAuthObject(context.debug, 'pending');
  return currentSignedInAuthObject(context);
}
