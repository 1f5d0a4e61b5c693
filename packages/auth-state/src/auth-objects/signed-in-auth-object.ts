import type { JwtPayload } from '@clerk/jwt-core';
import { deprecated } from '@clerk/jwt-core';
import { requireApiClient, unwrapApiResult } from '../api-client';
import { createDebug } from './debug';
import type {
  CheckAuthorization,
  CheckAuthorizationParams,
  GetToken,
  SignedInAuthObject,
  SignedInAuthObjectOptions,
} from './types';

const MISSING_HAS_PARAMETERS =
  'Missing parameters. `has` from `auth` or `getAuth` requires a permission or role key to be passed. Example usage: `has({permission: "org:posts:edit"`';

interface OrganizationClaims {
  userId: string | undefined;
  orgId: string | undefined;
  orgRole: string | undefined;
  orgPermissions: string[] | undefined;
}

/** A role check needs `org_role`, a permission check needs `org_permissions`; a permission check wins. */
function createHas({ userId, orgId, orgRole, orgPermissions }: OrganizationClaims): CheckAuthorization {
  return (params: CheckAuthorizationParams) => {
    if (!params?.permission && !params?.role) throw new Error(MISSING_HAS_PARAMETERS);
    if (!userId || !orgId) return false;
    if (params.permission) return Array.isArray(orgPermissions) && orgPermissions.includes(params.permission);
    return !!orgRole && orgRole === params.role;
  };
}

function createGetToken(sessionId: string | undefined, options: SignedInAuthObjectOptions): GetToken {
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

/** `signedInAuthObject` whose debug data may come in several parts, merged only when `debug()` is called. */
export function createSignedInAuthObject(
  sessionClaims: JwtPayload,
  options: SignedInAuthObjectOptions,
  ...debugData: Array<object | undefined>
): SignedInAuthObject {
  if (options.apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  const {
    act: actor,
    sid: sessionId,
    sub: userId,
    org_id: orgId,
    org_role: orgRole,
    org_slug: orgSlug,
    org_permissions: orgPermissions,
  } = sessionClaims;
  return {
    actor,
    sessionClaims,
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
    has: createHas({ userId, orgId, orgRole, orgPermissions }),
    debug: createDebug(options, ...debugData),
  };
}
