import type { JwtPayload } from '@clerk/jwt-core';
import { SATELLITE_URL_PARAM, SYNCED_PARAM } from '../constants';
import { isBrowserUserAgent, isCrossOrigin, parseHeaderUrl } from '../request/origin';
import { AuthErrorReason } from '../states/auth-status';
import { interstitial, signedOut } from '../states/build-states';
import type { RequestState } from '../states/request-state';
import type { NormalizedOptions } from './options';
import { searchParamsOf } from './read-request';
import { verifiedState } from './signed-in-state';

/** What a cookie rule sees: the normalised options, instance type included. */
export type RuleContext = NormalizedOptions;

const isSignedOutUat = (clientUat: string | undefined) => !clientUat || clientUat === '0';

/** 1. A cross-origin request (or an unparsable `Origin`) must use the Authorization header. */
export function crossOriginRequestWithoutHeader(ctx: RuleContext) {
  if (!ctx.origin) return undefined;
  const originUrl = parseHeaderUrl(ctx.origin);
  if (originUrl && !isCrossOrigin(originUrl, ctx)) return undefined;
  return signedOut(ctx, AuthErrorReason.HeaderMissingCORS);
}

/** 2. In development, non-browser clients must use the Authorization header. */
export function nonBrowserRequestInDevRule(ctx: RuleContext) {
  if (ctx.isDevelopment && !isBrowserUserAgent(ctx.userAgent)) {
    return signedOut(ctx, AuthErrorReason.HeaderMissingNonBrowser);
  }
  return undefined;
}

/** 3. A satellite without a client cookie syncs with the primary (browsers only). */
export function isSatelliteAndNeedsSyncing(ctx: RuleContext) {
  if (!ctx.isSatellite || !isSignedOutUat(ctx.clientUat)) return undefined;
  if (!isBrowserUserAgent(ctx.userAgent)) return signedOut(ctx, AuthErrorReason.SatelliteCookieNeedsSyncing);
  if (searchParamsOf(ctx)?.get(SYNCED_PARAM) !== 'true') {
    return interstitial(ctx, AuthErrorReason.SatelliteCookieNeedsSyncing);
  }
  return undefined;
}

/** 4. A development primary asked by a satellite to sync answers with the interstitial. */
export function isPrimaryInDevAndRedirectsToSatellite(ctx: RuleContext) {
  if (ctx.isDevelopment && !ctx.isSatellite && searchParamsOf(ctx)?.get(SATELLITE_URL_PARAM)) {
    return interstitial(ctx, AuthErrorReason.PrimaryRespondsToSyncing);
  }
  return undefined;
}

/** 5. In production, no cookies at all means signed out. */
export function potentialFirstRequestOnProductionEnvironment(ctx: RuleContext) {
  if (ctx.isProduction && !ctx.clientUat && !ctx.cookieToken) {
    return signedOut(ctx, AuthErrorReason.CookieAndUATMissing);
  }
  return undefined;
}

/** 6. In development, a missing client cookie may be a first load: let clerk-js set it. */
export function potentialFirstLoadInDevWhenUATMissing(ctx: RuleContext) {
  if (ctx.isDevelopment && !ctx.clientUat) return interstitial(ctx, AuthErrorReason.CookieUATMissing);
  return undefined;
}

/** 7. In development, arriving from another origin (the hosted pages) refreshes the cookies first. */
export function potentialRequestAfterSignInOrOutFromClerkHostedUiInDev(ctx: RuleContext) {
  if (!ctx.referrer) return undefined;
  const referrerUrl = parseHeaderUrl(ctx.referrer);
  // An unparsable Referer tells nothing about where the user came from, so it is ignored.
  if (!referrerUrl || !isCrossOrigin(referrerUrl, ctx)) return undefined;
  if (ctx.isDevelopment) return interstitial(ctx, AuthErrorReason.CrossOriginReferrer);
  return undefined;
}

/** 8. The client says it is signed in but the session cookie is missing. */
export function hasPositiveClientUatButCookieIsMissing(ctx: RuleContext) {
  // The cookie first: a request that has one (every signed-in one) skips the parse.
  if (!ctx.cookieToken && ctx.clientUat && Number.parseInt(ctx.clientUat, 10) > 0) {
    return interstitial(ctx, AuthErrorReason.CookieMissing);
  }
  return undefined;
}

/** 9. `__client_uat=0` is the client's signed-out marker; a leftover session cookie is ignored. */
export function isNormalSignedOutState(ctx: RuleContext) {
  if (ctx.clientUat === '0') return signedOut(ctx, AuthErrorReason.StandardSignedOut);
  return undefined;
}

/**
 * 10. Verify the session cookie; a token older than the client's last update is outdated (checked once the state
 * is built and its resources loaded, as in 0.x). Never throws nor rejects: failures become `fail`'s states.
 */
export function hasValidCookieToken(
  ctx: RuleContext,
  fail: (error: unknown) => RequestState,
): Promise<RequestState> {
  return verifiedState(ctx, ctx.cookieToken as string, fail, (state, claims) =>
    outdatedOr(ctx, claims, state),
  );
}

function outdatedOr(ctx: RuleContext, claims: JwtPayload, state: RequestState): RequestState {
  const clientUat = ctx.clientUat ? Number.parseInt(ctx.clientUat, 10) : undefined;
  if (clientUat === undefined || (claims.iat as number) < clientUat) {
    return interstitial(ctx, AuthErrorReason.CookieOutDated);
  }
  return state;
}

/**
 * Rules 1-9 in the reference's order, called directly rather than from a list (one call site each, which the
 * compiler can inline): the first state returned wins; `undefined` leaves the request to rule 10.
 */
export function synchronousCookieRules(ctx: RuleContext): RequestState | undefined {
  return (
    crossOriginRequestWithoutHeader(ctx) ||
    nonBrowserRequestInDevRule(ctx) ||
    isSatelliteAndNeedsSyncing(ctx) ||
    isPrimaryInDevAndRedirectsToSatellite(ctx) ||
    potentialFirstRequestOnProductionEnvironment(ctx) ||
    potentialFirstLoadInDevWhenUATMissing(ctx) ||
    potentialRequestAfterSignInOrOutFromClerkHostedUiInDev(ctx) ||
    hasPositiveClientUatButCookieIsMissing(ctx) ||
    isNormalSignedOutState(ctx)
  );
}
