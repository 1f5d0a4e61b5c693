// Auth objects of the current call form (current-clerk.md 1.5), v1 claims. Placeholder interface: the session
// token v2 change replaces this file with the full version (v2 claims, features, plans, reverification).
import type { JwtPayload } from '@clerk/jwt-core';
import { type AuthStateApiClient, requireApiClient, unwrapApiResult } from '../api-client';

/** `getToken()` options of a current-form auth object. */
export interface CurrentGetTokenOptions {
  /** A JWT template name: the token is minted by the Backend API from that template. */
  template?: string;
  /** Lifetime of a template token, in seconds. */
  expiresInSeconds?: number;
}

/** The auth object of a verified session token (current form). */
export interface CurrentSignedInAuthObject {
  /** Always `session_token`. */
  tokenType: 'session_token';
  /** The impersonator (`act`), if any. */
  actor: unknown;
  /** The whole verified payload. */
  sessionClaims: JwtPayload;
  /** `sid`. */
  sessionId: string | undefined;
  /** `sts`, else `null`. */
  sessionStatus: string | null;
  /** `sub`. */
  userId: string;
  /** Active organization id. */
  orgId: string | undefined;
  /** Role in the active organization. */
  orgRole: string | undefined;
  /** Slug of the active organization. */
  orgSlug: string | undefined;
  /** Permissions in the active organization. */
  orgPermissions: string[] | undefined;
  /** `fva`, else `null`. */
  factorVerificationAge: [number, number] | null;
  /** The request's token, or a template token from the Backend API. */
  getToken: (options?: CurrentGetTokenOptions) => Promise<string | null>;
  /** Authorization check. */
  has: (params: { permission?: string; role?: string }) => boolean;
  /** Debug data, keys and tokens cut to 7 characters. */
  debug: () => Record<string, unknown>;
  /** Always `true`. */
  isAuthenticated: true;
}

/** The auth object of a request without a session (current form). */
export interface CurrentSignedOutAuthObject {
  /** Always `session_token`. */
  tokenType: 'session_token';
  /** `null`. */
  sessionClaims: null;
  /** `null`. */
  sessionId: null;
  /** `null`, or `pending` for a pending session treated as signed out. */
  sessionStatus: string | null;
  /** `null`. */
  actor: null;
  /** `null`. */
  userId: null;
  /** `null`. */
  orgId: null;
  /** `null`. */
  orgRole: null;
  /** `null`. */
  orgSlug: null;
  /** `null`. */
  orgPermissions: null;
  /** `null`. */
  factorVerificationAge: null;
  /** Resolves to `null`. */
  getToken: () => Promise<null>;
  /** Always `false`. */
  has: () => false;
  /** Debug data. */
  debug: () => Record<string, unknown>;
  /** Always `false`. */
  isAuthenticated: false;
}

/** Either current-form session auth object. */
export type CurrentAuthObject = CurrentSignedInAuthObject | CurrentSignedOutAuthObject;

/** Whether the claims describe a pending session (`sts` = `pending`). */
export const isPendingSession = (claims: JwtPayload | null | undefined): boolean => claims?.sts === 'pending';

/** The auth object of a verified session token. */
export function currentSignedInAuthObject({
  token,
  claims,
  apiClient,
  debug = () => ({}),
}: {
  token: string;
  claims: JwtPayload;
  apiClient?: AuthStateApiClient;
  debug?: () => Record<string, unknown>;
}): CurrentSignedInAuthObject {
  const { act, sid, sts, sub, org_id, org_role, org_slug, org_permissions, fva } = claims;
  return {
    tokenType: 'session_token',
    actor: act,
    sessionClaims: claims,
    sessionId: sid,
    sessionStatus: typeof sts === 'string' ? sts : null,
    userId: sub,
    orgId: org_id,
    orgRole: org_role,
    orgSlug: org_slug,
    orgPermissions: org_permissions,
    factorVerificationAge: Array.isArray(fva) ? (fva as [number, number]) : null,
    getToken: async (options = {}) => {
      if (!sid) return null;
      if (!options.template) return token;
      const api = requireApiClient(apiClient, 'getToken({ template })');
      return unwrapApiResult('sessions.getToken', api.sessions.getToken(sid, options.template));
    },
    has: params => {
      if (!sub || !org_id) return false;
      if (params?.permission)
        return Array.isArray(org_permissions) && org_permissions.includes(params.permission);
      return !!params?.role && org_role === params.role;
    },
    debug,
    isAuthenticated: true,
  };
}

/** The auth object of a request without a session. */
export function currentSignedOutAuthObject(
  debug: () => Record<string, unknown> = () => ({}),
): CurrentSignedOutAuthObject {
  return {
    tokenType: 'session_token',
    sessionClaims: null,
    sessionId: null,
    sessionStatus: null,
    actor: null,
    userId: null,
    orgId: null,
    orgRole: null,
    orgSlug: null,
    orgPermissions: null,
    factorVerificationAge: null,
    getToken: () => Promise.resolve(null),
    has: () => false,
    debug,
    isAuthenticated: false,
  };
}
