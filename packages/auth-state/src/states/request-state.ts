import type { SignedInAuthObject, SignedOutAuthObject } from '../auth-objects/types';
import type { AuthReason, AuthStatus } from './auth-status';

/** The configuration every state echoes back, as it was after merging. */
export interface EchoedConfig {
  /** The Frontend API host (from the publishable key, or the deprecated `frontendApi` option). */
  frontendApi: string;
  /** The publishable key, as given. */
  publishableKey: string | undefined;
  /** Whether the app runs on a satellite domain, as given. */
  isSatellite: boolean | undefined;
  /** The satellite domain, as given. */
  domain: string | undefined;
  /** The sign-in URL, as given. */
  signInUrl: string | undefined;
  /** The sign-up URL, as given. */
  signUpUrl: string | undefined;
  /** The URL to go to after sign-in, as given. */
  afterSignInUrl: string | undefined;
  /** The URL to go to after sign-up, as given. */
  afterSignUpUrl: string | undefined;
}

export interface EchoedConfigWithProxy extends EchoedConfig {
  /** The proxy URL, as given. */
  proxyUrl: string | undefined;
}

/** A request with a verified session; `if (state.isSignedIn)` narrows a `RequestState` to it. */
export interface SignedInState extends EchoedConfigWithProxy {
  /** `signed-in`. */
  status: AuthStatus.SignedIn;
  /** Always null. */
  reason: null;
  /** Always null. */
  message: null;
  /** Always true. */
  isSignedIn: true;
  /** Always false. */
  isInterstitial: false;
  /** Always false. */
  isUnknown: false;
  /** The signed-in auth object (the same object on every call), with `string` ids. */
  toAuth: () => SignedInAuthObject;
  /** The token that was verified. */
  token: string;
}

/** A request without a usable session. */
export interface SignedOutState extends EchoedConfigWithProxy {
  /** `signed-out`. */
  status: AuthStatus.SignedOut;
  /** Why the request is signed out. */
  reason: AuthReason;
  /** Details of the reason, often `''`. */
  message: string;
  /** Always false. */
  isSignedIn: false;
  /** Always false. */
  isInterstitial: false;
  /** Always false. */
  isUnknown: false;
  /** A new signed-out auth object on every call. */
  toAuth: () => SignedOutAuthObject;
  /** Always null. */
  token: null;
}

/** The browser must refresh its session: answer with the interstitial page (conventionally HTTP 401). */
export interface InterstitialState extends EchoedConfigWithProxy {
  /** `interstitial`. */
  status: AuthStatus.Interstitial;
  /** Why the interstitial is needed. */
  reason: AuthReason;
  /** Details of the reason, often `''`. */
  message: string;
  /** Always false. */
  isSignedIn: false;
  /** Always true. */
  isInterstitial: true;
  /** Always false. */
  isUnknown: false;
  /** Always null. */
  toAuth: () => null;
  /** Always null. */
  token: null;
}

/** Only the header flow yields it, for an expired or not yet valid token; it has no `proxyUrl`. */
export interface UnknownState extends EchoedConfig {
  /** `unknown`. */
  status: AuthStatus.Unknown;
  /** The verification reason (`token-expired` or `token-not-active-yet`). */
  reason: AuthReason;
  /** The verification message. */
  message: string;
  /** Always false. */
  isSignedIn: false;
  /** Always false. */
  isInterstitial: false;
  /** Always true. */
  isUnknown: true;
  /** Always null. */
  toAuth: () => null;
  /** Always null. */
  token: null;
}

/** The outcome of the 0.x call form; `status` or any `is*` flag narrows it. */
export type RequestState = SignedInState | SignedOutState | InterstitialState | UnknownState;

/** Fields of `debugRequestState`, in the 0.x order. */
export interface RequestStateDebug {
  /** The state's `frontendApi`. */
  frontendApi: string;
  /** The state's `isSignedIn`. */
  isSignedIn: boolean;
  /** The state's `proxyUrl` (undefined for an unknown state). */
  proxyUrl: string | undefined;
  /** The state's `isInterstitial`. */
  isInterstitial: boolean;
  /** The state's `reason`. */
  reason: AuthReason | null;
  /** The state's `message`. */
  message: string | null;
  /** The state's `publishableKey`. */
  publishableKey: string | undefined;
  /** The state's `isSatellite`. */
  isSatellite: boolean | undefined;
  /** The state's `domain`. */
  domain: string | undefined;
}

/** The part of a state worth showing in the interstitial's debug data; never secrets or tokens. */
export function debugRequestState(state: RequestState): RequestStateDebug {
  return {
    frontendApi: state.frontendApi,
    isSignedIn: state.isSignedIn,
    proxyUrl: 'proxyUrl' in state ? state.proxyUrl : undefined,
    isInterstitial: state.isInterstitial,
    reason: state.reason,
    message: state.message,
    publishableKey: state.publishableKey,
    isSatellite: state.isSatellite,
    domain: state.domain,
  };
}
