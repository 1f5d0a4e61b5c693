import type { TokenVerificationErrorReason } from '@clerk/jwt-core';

/** The four outcomes of `authenticateRequest`. */
export enum AuthStatus {
  SignedIn = 'signed-in',
  SignedOut = 'signed-out',
  Interstitial = 'interstitial',
  Unknown = 'unknown',
}

/** Why a request is not simply signed in; the strings are the 0.x `reason` values. */
export const AuthErrorReason = {
  CookieAndUATMissing: 'cookie-and-uat-missing',
  CookieMissing: 'cookie-missing',
  CookieOutDated: 'cookie-outdated',
  CookieUATMissing: 'uat-missing',
  CrossOriginReferrer: 'cross-origin-referrer',
  HeaderMissingCORS: 'header-missing-cors',
  HeaderMissingNonBrowser: 'header-missing-non-browser',
  SatelliteCookieNeedsSyncing: 'satellite-needs-syncing',
  SatelliteReturnsFromPrimary: 'satellite-returns-from-primary',
  PrimaryRespondsToSyncing: 'primary-responds-to-syncing',
  StandardSignedIn: 'standard-signed-in',
  StandardSignedOut: 'standard-signed-out',
  UnexpectedError: 'unexpected-error',
  Unknown: 'unknown',
} as const;

export type AuthErrorReason = (typeof AuthErrorReason)[keyof typeof AuthErrorReason];

/** A state's `reason`: a request reason, or the verification reason of the token that failed. */
export type AuthReason = AuthErrorReason | TokenVerificationErrorReason;
