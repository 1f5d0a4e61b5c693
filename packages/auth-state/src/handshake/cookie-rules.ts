// The cookie flow of the current form, one function per row of current-clerk.md 3.7, in the table's order.
import { type JwtPayload, TokenVerificationError } from '@clerk/jwt-core';
import { type CurrentRequestState, currentSignedInSession, currentSignedOut } from '../states/current-states';
import { type HandshakeContext, Names, queryOf, urlOf } from './context';
import { isKnownClerkReferrer } from './known-referrer';
import { mustActivate, type OrganizationMatcher } from './organization-sync';
import type { PeekedJwt } from './peek-jwt';
import { handshakeOrSignedOut, isEligibleForHandshake, MAX_HANDSHAKE_REDIRECTS } from './redirect';
import { resolveHandshake } from './resolve-handshake';
import { stateFromSessionError } from './session-errors';
import { stateInputOf } from './state-input';
import { isNonSessionJwt, verifySession } from './verify';

/** What the rules share: the request's context, and what earlier rules found out about the session token. */
export interface CookieFlow {
  context: HandshakeContext;
  organizations: OrganizationMatcher;
  hasSession: boolean;
  hasUat: boolean;
  /** Satellite document GET: the multi-domain sync rules apply. */
  multiDomainSync: boolean;
  needsSync: boolean;
  syncDone: boolean;
  /** Nothing to sync yet: no cookies, no explicit request, no auto-sync. */
  skipSync: boolean;
  /** Set by rule 11. */
  decoded?: PeekedJwt;
  /** Set by rule 14. */
  claims?: JwtPayload;
}

type Outcome = CurrentRequestState | undefined;
/** A rule returns a state to stop the flow, or nothing to let the next rule decide. */
export type CookieFlowRule = (flow: CookieFlow) => Outcome | Promise<Outcome>;

const isProduction = (flow: CookieFlow) => flow.context.instanceType === 'production';
const isDevelopment = (flow: CookieFlow) => flow.context.instanceType === 'development';
const signedOut = (flow: CookieFlow, reason: string, message = '') =>
  currentSignedOut(stateInputOf(flow.context), 'session_token', reason, message);
const hs = (flow: CookieFlow, reason: string, message = '', location?: string) =>
  handshakeOrSignedOut(flow.context, flow.organizations, reason, message, location);

/** An absolute http(s) URL, else `null` (never a `TypeError`, never a `javascript:` redirect). */
function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** 0. A nonce or handshake token: resolve it. */
export function resolveHandshakeParameters(flow: CookieFlow): Outcome | Promise<Outcome> {
  const { context } = flow;
  if (!context.handshakeNonce && !context.handshakeToken) return undefined;
  return resolveHandshake(context).catch(error => {
    if (error instanceof TokenVerificationError && context.instanceType === 'development') {
      if (error.reason === 'token-invalid-signature') {
        throw new Error(
          'Clerk: Handshake token verification failed due to an invalid signature. If you have switched Clerk keys locally, clear your cookies and try again.',
        );
      }
      throw new Error(`Clerk: Handshake token verification failed: ${error.getFullMessage()}.`);
    }
    console.error('Clerk: the handshake could not be resolved:', error);
    return undefined;
  });
}

/** 1. Production satellite, nothing to sync: signed out. */
export function productionSatelliteWithoutCookies(flow: CookieFlow): Outcome {
  if (isProduction(flow) && flow.multiDomainSync && !flow.syncDone && flow.skipSync) {
    return signedOut(flow, 'session-token-and-uat-missing');
  }
  return undefined;
}

/** 2. Production satellite that needs its cookies: handshake with the primary's Frontend API. */
export function productionSatelliteNeedsSyncing(flow: CookieFlow): Outcome {
  if (
    isProduction(flow) &&
    flow.multiDomainSync &&
    !flow.syncDone &&
    (!(flow.hasSession || flow.hasUat) || flow.needsSync)
  ) {
    return hs(flow, 'satellite-needs-syncing');
  }
  return undefined;
}

/** 3. Development satellite, nothing to sync: signed out. */
export function developmentSatelliteWithoutCookies(flow: CookieFlow): Outcome {
  if (isDevelopment(flow) && flow.multiDomainSync && !flow.syncDone && flow.skipSync) {
    return signedOut(flow, 'session-token-and-uat-missing');
  }
  return undefined;
}

/** 4. Development satellite that needs its cookies: to the primary's sign-in page, which sends it back. */
export function developmentSatelliteNeedsSyncing(flow: CookieFlow): Outcome {
  if (!isDevelopment(flow) || !flow.multiDomainSync || flow.syncDone) return undefined;
  if ((flow.hasSession || flow.hasUat) && !flow.needsSync) return undefined;
  const signIn = httpUrl(flow.context.options.signInUrl);
  if (!signIn)
    return signedOut(flow, 'satellite-needs-syncing', 'The signInUrl needs to have a absolute url format.');
  signIn.searchParams.append(Names.RedirectUrl, urlOf(flow.context).toString());
  return hs(flow, 'satellite-needs-syncing', '', signIn.toString());
}

/** 5. Development primary asked by a satellite to sync: back to the satellite, marked synced. */
export function developmentPrimaryRespondsToSyncing(flow: CookieFlow): Outcome {
  const { context } = flow;
  const returnTo = queryOf(context, Names.RedirectUrl);
  if (!isDevelopment(flow) || context.options.isSatellite || !returnTo) return undefined;
  const satellite = httpUrl(returnTo);
  if (!satellite) {
    return signedOut(
      flow,
      'primary-responds-to-syncing',
      `${Names.RedirectUrl} is not an absolute http(s) URL.`,
    );
  }
  if (context.devBrowserToken) satellite.searchParams.append(Names.DevBrowser, context.devBrowserToken);
  satellite.searchParams.set(Names.Synced, 'true');
  return hs(flow, 'primary-responds-to-syncing', '', satellite.toString());
}

/** 6. Development, a dev-browser token in the URL: hand it to the Frontend API. */
export function developmentDevBrowserSync(flow: CookieFlow): Outcome {
  if (isDevelopment(flow) && queryOf(flow.context, Names.DevBrowser) !== null)
    return hs(flow, 'dev-browser-sync');
  return undefined;
}

/** 7. Development without a dev browser: the Frontend API creates one. */
export function developmentDevBrowserMissing(flow: CookieFlow): Outcome {
  if (isDevelopment(flow) && !flow.context.devBrowserToken) return hs(flow, 'dev-browser-missing');
  return undefined;
}

/** 8. No client, no session: signed out. */
export function noClientNoSession(flow: CookieFlow): Outcome {
  if (!flow.hasUat && !flow.hasSession) return signedOut(flow, 'session-token-and-uat-missing');
  return undefined;
}

/** 9. A session token without a client cookie. */
export function sessionWithoutClient(flow: CookieFlow): Outcome {
  if (!flow.hasUat && flow.hasSession) return hs(flow, 'session-token-but-no-client-uat');
  return undefined;
}

/** 10. A signed-in client without a session token. */
export function clientWithoutSession(flow: CookieFlow): Outcome {
  if (flow.hasUat && !flow.hasSession) return hs(flow, 'client-uat-but-no-session-token');
  return undefined;
}

/** 11. A session token that does not decode. */
export function undecodableSession(flow: CookieFlow): Outcome | Promise<Outcome> {
  try {
    flow.decoded = flow.context.decode(flow.context.sessionTokenInCookie as string);
    return undefined;
  } catch (error) {
    return stateFromSessionError(error, 'cookie', flow.context, flow.organizations);
  }
}

/** 12. A machine token or another token class in the session cookie. */
export function nonSessionTokenInCookie(flow: CookieFlow): Outcome {
  if (isNonSessionJwt(flow.decoded as PeekedJwt)) return signedOut(flow, 'token-type-mismatch');
  return undefined;
}

/** 13. A session token older than the client's last update. */
export function sessionOlderThanClient(flow: CookieFlow): Outcome {
  const iat = flow.decoded?.payload.iat;
  if (typeof iat === 'number' && iat < flow.context.clientUat)
    return hs(flow, 'session-token-iat-before-client-uat');
  return undefined;
}

/** 14. Verify the session token; a failure goes through the error mapping. */
export function verifySessionCookie(flow: CookieFlow): Promise<Outcome> {
  return verifySession(flow.context.sessionTokenInCookie as string, flow.context.options, {
    decoded: flow.decoded,
  }).then(
    claims => {
      flow.claims = claims;
      return undefined;
    },
    error => stateFromSessionError(error, 'cookie', flow.context, flow.organizations),
  );
}

function isCrossOriginReferrer(context: HandshakeContext): boolean {
  const referrer = context.read.referrer;
  if (!referrer) return false;
  try {
    return new URL(referrer).origin !== urlOf(context).origin;
  } catch {
    return false;
  }
}

/** 15. A primary reached from another site (a satellite) syncs once. */
export function primaryCrossOriginSync(flow: CookieFlow): Outcome {
  const { context } = flow;
  if (
    !context.options.isSatellite &&
    context.method === 'GET' &&
    context.secFetchDest === 'document' &&
    isCrossOriginReferrer(context) &&
    !isKnownClerkReferrer(context) &&
    context.redirectCount === 0
  ) {
    return hs(
      flow,
      'primary-domain-cross-origin-sync',
      'Cross-origin request from satellite domain requires handshake',
    );
  }
  return undefined;
}

/** 16. The path names another organization than the active one: activate it through a handshake. */
export function activeOrganizationMismatch(flow: CookieFlow): Outcome {
  const { context, claims } = flow;
  if (!claims?.sub || !flow.organizations.active) return undefined;
  const target = flow.organizations.findTarget(urlOf(context));
  if (!target || !mustActivate(target, { orgId: claims.org_id, orgSlug: claims.org_slug })) return undefined;
  if (context.redirectCount >= MAX_HANDSHAKE_REDIRECTS) {
    console.warn(
      'Clerk: organization activation kept looping (an unknown organization id or slug?); skipped.',
    );
    return undefined;
  }
  if (!isEligibleForHandshake(context)) return undefined;
  return hs(flow, 'active-organization-mismatch');
}

/** 17. Signed in. */
export function signedIn(flow: CookieFlow): Outcome {
  return currentSignedInSession(
    stateInputOf(flow.context),
    flow.claims as JwtPayload,
    flow.context.sessionTokenInCookie as string,
  );
}

/** The rows of current-clerk.md 3.7, in order; the first rule that returns a state wins. */
export const currentCookieRules: readonly CookieFlowRule[] = [
  resolveHandshakeParameters,
  productionSatelliteWithoutCookies,
  productionSatelliteNeedsSyncing,
  developmentSatelliteWithoutCookies,
  developmentSatelliteNeedsSyncing,
  developmentPrimaryRespondsToSyncing,
  developmentDevBrowserSync,
  developmentDevBrowserMissing,
  noClientNoSession,
  sessionWithoutClient,
  clientWithoutSession,
  undecodableSession,
  nonSessionTokenInCookie,
  sessionOlderThanClient,
  verifySessionCookie,
  primaryCrossOriginSync,
  activeOrganizationMismatch,
  signedIn,
];

/** The flow's starting facts (3.7's definitions). */
export function startCookieFlow(context: HandshakeContext, organizations: OrganizationMatcher): CookieFlow {
  const synced = queryOf(context, Names.Synced);
  const hasSession = !!context.sessionTokenInCookie;
  const hasUat = context.clientUat !== 0;
  const needsSync = synced === 'false';
  return {
    context,
    organizations,
    hasSession,
    hasUat,
    multiDomainSync:
      context.options.isSatellite && context.secFetchDest === 'document' && context.method === 'GET',
    needsSync,
    syncDone: synced === 'true',
    skipSync: !context.options.satelliteAutoSync && !hasSession && !hasUat && !needsSync,
  };
}

/**
 * Runs the rules; the last one always answers. Chained with `then` rather than `async`/`await`: most rules are
 * synchronous, and each `await` or `async` boundary would cost ticks on every request. Never throws: a rule that
 * throws rejects.
 */
export function runCookieFlow(
  context: HandshakeContext,
  organizations: OrganizationMatcher,
): Promise<CurrentRequestState> {
  try {
    const state = runRulesFrom(startCookieFlow(context, organizations), 0);
    return state instanceof Promise ? state : Promise.resolve(state);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The rules from `first` on: the state itself while they are synchronous, so that a `then` continuing after an
 * asynchronous rule returns a value (a returned promise would be adopted, at the cost of two more ticks).
 */
function runRulesFrom(flow: CookieFlow, first: number): CurrentRequestState | Promise<CurrentRequestState> {
  for (let index = first; index < currentCookieRules.length; index++) {
    const result = (currentCookieRules[index] as CookieFlowRule)(flow);
    if (result instanceof Promise) return continueAfter(flow, result, index + 1);
    if (result) return result;
  }
  return signedOut(flow, 'unexpected-error');
}

/**
 * The rules from `next` on once `pending` settles without a state. A function of its own: a closure inside the
 * loop would capture its `let` and cost a context per iteration, on every request.
 */
const continueAfter = (flow: CookieFlow, pending: Promise<Outcome>, next: number) =>
  pending.then(state => state ?? runRulesFrom(flow, next));
