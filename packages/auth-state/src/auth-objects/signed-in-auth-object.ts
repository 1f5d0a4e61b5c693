import type { JwtPayload } from '@clerk/jwt-core';
import { deprecated } from '@clerk/jwt-core';
import { requireApiClient, unwrapApiResult } from '../api-client';
import { type AuthorizationSubject, asksBeyondOrganization, checkAuthorization } from './authorization';
import { createDebug } from './debug';
import { organizationFields } from './session-claims';
import type {
  CheckAuthorization,
  CheckAuthorizationParams,
  GetToken,
  SignedInAuthObject,
  SignedInAuthObjectOptions,
  SignedInSessionClaims,
} from './types';

const MISSING_HAS_PARAMETERS =
  'Missing parameters. `has` from `auth` or `getAuth` requires a permission or role key to be passed. Example usage: `has({permission: "org:posts:edit"`';

/**
 * `has()` of the 0.x forms. Only a role and/or permission asked: COMPATIBILITY row 10 (a role check needs
 * `org_role`, a permission check needs `org_permissions`, a permission check wins, neither asked throws).
 * Anything else asked (feature, plan, reverification): today's rules, where every asked key must hold.
 */
function createHas(subject: AuthorizationSubject): CheckAuthorization {
  const { userId, orgId, orgRole, orgPermissions } = subject;
  return (params: CheckAuthorizationParams) => {
    if (asksBeyondOrganization(params)) return checkAuthorization(subject, params);
    if (!params?.permission && !params?.role) throw new Error(MISSING_HAS_PARAMETERS);
    if (!userId || !orgId) return false;
    if (params.permission) return Array.isArray(orgPermissions) && orgPermissions.includes(params.permission);
    return !!orgRole && orgRole === params.role;
  };
}

/** `getToken()`: the session token itself, or one minted from a JWT template through the injected client. */
export function createGetToken(
  sessionId: string | undefined,
  options: Pick<SignedInAuthObjectOptions, 'token' | 'apiClient'>,
): GetToken {
  return async (getTokenOptions = {}) => {
    if (!sessionId) return null;
    if (!getTokenOptions.template) return options.token;
    const apiClient = requireApiClient(options.apiClient, 'getToken({ template })');
    return unwrapApiResult(
      'sessions.getToken',
      apiClient.sessions.getToken(sessionId, getTokenOptions.template),
    );
  };
}

/** The auth object of a verified session: claims, loaded resources, `getToken`, `has` and `debug`. */
export function signedInAuthObject(
  sessionClaims: JwtPayload,
  options: SignedInAuthObjectOptions,
  debugData?: Record<string, unknown>,
): SignedInAuthObject {
  return createSignedInAuthObject(sessionClaims, options, debugData);
}

/**
 * `signedInAuthObject` whose debug data may come in several parts (a function is called then), merged only when
 * `debug()` is called.
 */
export function createSignedInAuthObject(
  sessionClaims: JwtPayload,
  options: SignedInAuthObjectOptions,
  ...debugData: Array<object | (() => object) | undefined>
): SignedInAuthObject {
  if (options.apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  const { act: actor, sub: userId, fea, pla, fva } = sessionClaims;
  // The type promises what Clerk session tokens always carry; a token without `sid` still maps it verbatim.
  const sessionId = sessionClaims.sid as string;
  const { orgId, orgRole, orgSlug, orgPermissions } = organizationFields(sessionClaims);
  const subject: AuthorizationSubject = {
    userId,
    orgId,
    orgRole,
    orgPermissions,
    features: fea,
    plans: pla,
    factorVerificationAge: fva,
  };
  return {
    actor,
    sessionClaims: sessionClaims as SignedInSessionClaims,
    sessionId,
    session: options.session,
    userId,
    user: options.user,
    orgId,
    orgRole,
    orgSlug,
    orgPermissions,
    organization: options.organization,
    getToken: createGetToken(sessionId, options),
    has: createHas(subject),
    debug: createDebug(options, ...debugData),
  };
}
