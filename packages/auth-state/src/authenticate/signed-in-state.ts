import type { JwtPayload } from '@clerk/jwt-core';
import { requireApiClient, unwrapApiResult } from '../api-client';
import { activeOrganizationId } from '../auth-objects/session-claims';
import { createSignedInAuthObject } from '../auth-objects/signed-in-auth-object';
import { AuthStatus } from '../states/auth-status';
import { signedIn } from '../states/build-states';
import type { SignedInState } from '../states/request-state';
import type { NormalizedOptions } from './options';

function requireId(id: string | undefined): string {
  if (!id) throw new Error('A valid resource ID is required.');
  return id;
}

interface Resources {
  session?: unknown;
  user?: unknown;
  organization?: unknown;
}

const NO_RESOURCES: Resources = {};

const wantsResources = (options: NormalizedOptions, claims: JwtPayload) =>
  options.loadSession || options.loadUser || (options.loadOrganization && activeOrganizationId(claims));

/** Fetches the resources the load flags ask for, in parallel; any failure rejects. */
async function loadResources(options: NormalizedOptions, claims: JwtPayload): Promise<Resources> {
  const api = requireApiClient(options.apiClient, 'loadSession, loadUser and loadOrganization');
  const orgId = activeOrganizationId(claims);
  const [session, user, organization] = await Promise.all([
    options.loadSession
      ? unwrapApiResult('sessions.getSession', api.sessions.getSession(requireId(claims.sid)))
      : undefined,
    options.loadUser ? unwrapApiResult('users.getUser', api.users.getUser(requireId(claims.sub))) : undefined,
    options.loadOrganization && orgId
      ? unwrapApiResult(
          'organizations.getOrganization',
          api.organizations.getOrganization({ organizationId: orgId }),
        )
      : undefined,
  ]);
  return { session, user, organization };
}

/**
 * The signed-in state for verified claims; `token` is the token that was verified. Without load flags it is
 * built at once, not as a promise: most requests should not pay for a tick they do not need.
 */
export function buildSignedInState(
  options: NormalizedOptions,
  claims: JwtPayload,
  token: string,
): SignedInState | Promise<SignedInState> {
  if (!wantsResources(options, claims)) return signedInState(options, claims, token, NO_RESOURCES);
  return loadResources(options, claims).then(resources => signedInState(options, claims, token, resources));
}

function signedInState(
  options: NormalizedOptions,
  claims: JwtPayload,
  token: string,
  resources: Resources,
): SignedInState {
  const authObject = createSignedInAuthObject(
    claims,
    {
      secretKey: options.secretKey,
      apiKey: options.apiKey,
      apiUrl: options.apiUrl,
      apiVersion: options.apiVersion,
      // As in 0.x, getToken() prefers the cookie even when the header token was the one verified.
      token: options.cookieToken || options.headerToken || '',
      session: resources.session,
      user: resources.user,
      organization: resources.organization,
      apiClient: options.apiClient,
    },
    options,
    { token, status: AuthStatus.SignedIn },
  );
  return signedIn(options, authObject, token);
}
