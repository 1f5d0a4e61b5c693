import { type TokenCarrier, TokenVerificationError, TokenVerificationErrorReason } from '@clerk/jwt-core';
import { AuthErrorReason } from '../states/auth-status';
import { interstitial, signedOut, unknownState } from '../states/build-states';
import type { RequestState } from '../states/request-state';
import type { NormalizedOptions } from './options';

const isTimingReason = (reason: string) =>
  reason === TokenVerificationErrorReason.TokenExpired ||
  reason === TokenVerificationErrorReason.TokenNotActiveYet;

/**
 * Turns an error thrown inside a flow into a state: an expired or not yet valid token is `unknown` in the
 * header flow (the client refreshes it) and `interstitial` in the cookie flow; other verification errors
 * are signed out with the full message; anything else is signed out `unexpected-error`.
 */
export function stateFromError(
  error: unknown,
  carrier: TokenCarrier,
  options: NormalizedOptions,
): RequestState {
  if (error instanceof TokenVerificationError) {
    error.tokenCarrier = carrier;
    const message = error.getFullMessage();
    if (isTimingReason(error.reason)) {
      return carrier === 'header'
        ? unknownState(options, error.reason, message)
        : interstitial(options, error.reason, message);
    }
    return signedOut(options, error.reason, message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return signedOut(options, AuthErrorReason.UnexpectedError, message);
}
