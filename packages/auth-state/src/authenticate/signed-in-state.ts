import type { JwtPayload } from '@clerk/jwt-core';
import { requireApiClient, unwrapApiResult } from '../api-client';
import { signedInAuthObject } from '../auth-objects/signed-in-auth-object';
import { AuthStatus } from '../states/auth-status';
import { signedIn } from '../states/build-states';
import type { SignedInState } from '../states/request-state';
import type { NormalizedOptions } from './options';

function requireId(id: string | undefined): string {
  if (!id) throw new Error('A valid resource ID is required.');
  return id;
}

/** Fetches the resources the load flags ask for, in parallel; any failure rejects. */
async function loadResources(options: NormalizedOptions, claims: JwtPayload) {
  const wanted = options.loadSession || options.loadUser || (options.loadOrganization && claims.org_id);
  if (!wanted) return { session: undefined, user: undefined, organization: undefined };
  const api = requireApiClient(options.apiClient, 'loadSession, loadUser and loadOrganization');
  const [session, user, organization] = await Promise.all([
    options.loadSession
      ? unwrapApiResult('sessions.getSession', api.sessions.getSession(requireId(claims.sid)))
      : undefined,
    options.loadUser ? unwrapApiResult('users.getUser', api.users.getUser(requireId(claims.sub))) : undefined,
    options.loadOrganization && claims.org_id
      ? unwrapApiResult(
          'organizations.getOrganization',
          api.organizations.getOrganization({ organizationId: claims.org_id }),
        )
      : undefined,
  ]);
  return { session, user, organization };
}

/** The signed-in state for verified claims; `token` is the token that was verified. */
export async function buildSignedInState(
  options: NormalizedOptions,
  claims: JwtPayload,
  token: string,
): Promise<SignedInState> {
  const resources = await loadResources(options, claims);
  const authObject = signedInAuthObject(
    claims,
    {
      secretKey: options.secretKey,
      apiKey: options.apiKey,
      apiUrl: options.apiUrl,
      apiVersion: options.apiVersion,
      // As in 0.x, getToken() prefers the cookie even when the header token was the one verified.
      token: options.cookieToken || options.headerToken || '',
      ...resources,
      apiClient: options.apiClient,
    },
    { ...options, token, status: AuthStatus.SignedIn },
  );
  return signedIn(options, authObject, token);
}
