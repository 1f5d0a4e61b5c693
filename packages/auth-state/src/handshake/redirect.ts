// Eligibility, the handshake redirect and the loop guard (current-clerk.md 3.5).
import {
  type CurrentHandshakeState,
  type CurrentSignedOutState,
  currentHandshake,
  currentSignedOut,
} from '../states/current-states';
import { type HandshakeContext, headersOf, Names, sessionTokenOf, urlOf } from './context';
import { handshakeEndpoint } from './frontend-api';
import { type OrganizationMatcher, organizationSyncParam } from './organization-sync';
import { stateInputOf } from './state-input';

/** The `__clerk_api_version` the handshake asks the Frontend API for. */
export const HANDSHAKE_API_VERSION = '2026-05-12';

/** The loop guard stops at this counter or above (the reference stops only at exactly 3). */
export const MAX_HANDSHAKE_REDIRECTS = 3;

/** A top-level GET navigation: only those can follow a redirect to the Frontend API and back. */
export function isEligibleForHandshake(context: HandshakeContext): boolean {
  if (context.method !== 'GET') return false;
  const dest = context.secFetchDest;
  if (dest === 'document' || dest === 'iframe') return true;
  return !dest && !!headersOf(context).accept?.startsWith('text/html');
}

/**
 * The URL to come back to: the request's, without dev-browser tokens and without any handshake parameters,
 * so that a failed handshake is never replayed by the next one.
 */
export function returnUrlOf(clerkUrl: URL): URL {
  const url = new URL(clerkUrl);
  for (const name of [Names.DevBrowser, Names.LegacyDevBrowser, Names.Handshake, Names.HandshakeNonce]) {
    url.searchParams.delete(name);
  }
  return url;
}

/** `location` of a handshake: the Frontend API endpoint with its parameters in the reference's order. */
export function handshakeLocation(
  context: HandshakeContext,
  reason: string,
  organizations: OrganizationMatcher,
): string {
  const url = handshakeEndpoint(context.frontendApi);
  const params = url.searchParams;
  params.append('redirect_url', returnUrlOf(urlOf(context)).href);
  params.append('__clerk_api_version', HANDSHAKE_API_VERSION);
  params.append('suffixed_cookies', String(context.suffixed));
  params.append('__clerk_hs_reason', reason);
  params.append('format', 'nonce');
  const sessionToken = sessionTokenOf(context);
  if (sessionToken) params.append(Names.Session, sessionToken);
  if (context.instanceType === 'development' && context.devBrowserToken) {
    params.append(Names.DevBrowser, context.devBrowserToken);
  }
  const target = organizations.active ? organizations.findTarget(urlOf(context)) : null;
  if (target) params.append('organization_id', organizationSyncParam(target));
  return url.href;
}

function loopMessage(reason: string): string {
  return reason === 'satellite-needs-syncing'
    ? 'Clerk: the satellite kept redirecting to its primary domain without getting a session; stopped after ' +
        `${MAX_HANDSHAKE_REDIRECTS} handshakes. Check that this domain is configured as a satellite of the production instance.`
    : `Clerk: refreshing the session looped through the handshake ${MAX_HANDSHAKE_REDIRECTS} times and was stopped. ` +
        'The publishable and secret keys probably belong to different instances.';
}

/**
 * HS(reason) of the reference: a handshake redirect for an eligible request, else signed-out with the same
 * reason and message; the loop guard turns the fourth redirect in a row into signed-out as well.
 * `location` overrides the Frontend API redirect (the satellite sync rules).
 */
export function handshakeOrSignedOut(
  context: HandshakeContext,
  organizations: OrganizationMatcher,
  reason: string,
  message = '',
  location?: string,
): CurrentHandshakeState | CurrentSignedOutState {
  const input = stateInputOf(context);
  if (!isEligibleForHandshake(context)) return currentSignedOut(input, 'session_token', reason, message);
  if (context.redirectCount >= MAX_HANDSHAKE_REDIRECTS) {
    console.log(loopMessage(reason));
    return currentSignedOut(input, 'session_token', reason, message);
  }
  const headers = new Headers({ location: location ?? handshakeLocation(context, reason, organizations) });
  headers.set('cache-control', 'no-store');
  headers.append(
    'set-cookie',
    `${Names.RedirectCount}=${context.redirectCount + 1}; SameSite=Lax; HttpOnly; Max-Age=2`,
  );
  return currentHandshake(input, reason, message, headers);
}
