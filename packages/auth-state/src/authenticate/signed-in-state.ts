import type { JwtPayload } from '@clerk/jwt-core';
import { requireApiClient, unwrapApiResult } from '../api-client';
import { activeOrganizationId } from '../auth-objects/session-claims';
import { createSignedInAuthObject } from '../auth-objects/signed-in-auth-object';
import type { SignedInAuthObject } from '../auth-objects/types';
import { withRequestHeaders } from '../request/headers';
import { AuthStatus } from '../states/auth-status';
import { signedIn } from '../states/build-states';
import type { RequestState, SignedInState } from '../states/request-state';
import type { NormalizedOptions } from './options';
import { verifySessionToken } from './verify-session-token';

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
function buildSignedInState(
  options: NormalizedOptions,
  claims: JwtPayload,
  token: string,
): SignedInState | Promise<SignedInState> {
  if (!wantsResources(options, claims)) return signedInState(options, claims, token, NO_RESOURCES);
  return loadResources(options, claims).then(resources => signedInState(options, claims, token, resources));
}

/**
 * Verifies `token`, builds its signed-in state (resources loaded) and returns what `check` makes of it (the
 * state itself by default). Never throws nor rejects: every failure becomes the state `fail` maps it to. Written
 * with `then` rather than `async`/`await` (a tick each), and the verification's failure is handled in the same
 * `then` (a `catch` after it would cost another promise and tick).
 */
export function verifiedState(
  options: NormalizedOptions,
  token: string,
  fail: (error: unknown) => RequestState,
  check: (state: SignedInState, claims: JwtPayload) => RequestState = state => state,
): Promise<RequestState> {
  return verifySessionToken(token, options).then(claims => {
    try {
      const built = buildSignedInState(options, claims, token);
      return built instanceof Promise
        ? built.then(state => check(state, claims)).catch(fail)
        : check(built, claims);
    } catch (error) {
      return fail(error);
    }
  }, fail);
}

function signedInState(
  options: NormalizedOptions,
  claims: JwtPayload,
  token: string,
  resources: Resources,
): SignedInState {
  // The auth object is built by the first `toAuth()` and kept for the next ones: a request whose caller reads
  // only the state's fields does not pay for it (the auth object, its closures and its debug sources are most
  // of what a signed-in state allocates). Nothing it reads changes after the flow: the claims are this call's
  // own object, and the merged options are this call's too.
  let authObject: SignedInAuthObject | undefined;
  const toAuth = () =>
    (authObject ??= createSignedInAuthObject(
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
      // The debug data is the merged options with every header value (the flow may have read only three).
      () => withRequestHeaders(options),
      { token, status: AuthStatus.SignedIn },
    ));
  return signedIn(options, toAuth, token);
}
