import { createSignedOutAuthObject } from '../auth-objects/signed-out-auth-object';
import type { SignedInAuthObject } from '../auth-objects/types';
import { withRequestHeaders } from '../request/headers';
import { type AuthReason, AuthStatus } from './auth-status';
import type {
  EchoedConfigWithProxy,
  InterstitialState,
  SignedInState,
  SignedOutState,
  UnknownState,
} from './request-state';

/** The merged options a state is built from; the signed-out auth object's `debug()` shows all of them. */
export type StateInput = Partial<EchoedConfigWithProxy> & { frontendApi: string; apiKey?: string };

// Each state is one literal in the 0.x property order, without spreads: on Node 20 every property that follows
// a spread costs a map transition of its own, microseconds per state.

/** `toAuth` is the state's own: it must return the same auth object on every call. */
export function signedIn(input: StateInput, toAuth: () => SignedInAuthObject, token: string): SignedInState {
  return {
    status: AuthStatus.SignedIn,
    reason: null,
    message: null,
    frontendApi: input.frontendApi,
    proxyUrl: input.proxyUrl,
    publishableKey: input.publishableKey,
    domain: input.domain,
    isSatellite: input.isSatellite,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: true,
    isInterstitial: false,
    isUnknown: false,
    toAuth,
    token,
  };
}

export function signedOut(input: StateInput, reason: AuthReason, message = ''): SignedOutState {
  return {
    status: AuthStatus.SignedOut,
    reason,
    message,
    frontendApi: input.frontendApi,
    proxyUrl: input.proxyUrl,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: false,
    isInterstitial: false,
    isUnknown: false,
    // The debug data is the merged options with every header value, as in 0.x (the flow may have read only
    // three), merged when `debug()` is called.
    toAuth: () =>
      createSignedOutAuthObject(input.apiKey, () => withRequestHeaders(input), {
        status: AuthStatus.SignedOut,
        reason,
        message,
      }),
    token: null,
  };
}

export function interstitial(input: StateInput, reason: AuthReason, message = ''): InterstitialState {
  return {
    status: AuthStatus.Interstitial,
    reason,
    message,
    frontendApi: input.frontendApi,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    proxyUrl: input.proxyUrl,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: false,
    isInterstitial: true,
    isUnknown: false,
    toAuth: () => null,
    token: null,
  };
}

export function unknownState(input: StateInput, reason: AuthReason, message = ''): UnknownState {
  return {
    status: AuthStatus.Unknown,
    reason,
    message,
    frontendApi: input.frontendApi,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: false,
    isInterstitial: false,
    isUnknown: true,
    toAuth: () => null,
    token: null,
  };
}
