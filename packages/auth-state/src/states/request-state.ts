import type { SignedInAuthObject, SignedOutAuthObject } from '../auth-objects/types';
import type { AuthReason, AuthStatus } from './auth-status';

/** The configuration every state echoes back, as it was after merging. */
export interface EchoedConfig {
  frontendApi: string;
  publishableKey: string | undefined;
  isSatellite: boolean | undefined;
  domain: string | undefined;
  signInUrl: string | undefined;
  signUpUrl: string | undefined;
  afterSignInUrl: string | undefined;
  afterSignUpUrl: string | undefined;
}

export interface EchoedConfigWithProxy extends EchoedConfig {
  proxyUrl: string | undefined;
}

export interface SignedInState extends EchoedConfigWithProxy {
  status: AuthStatus.SignedIn;
  reason: null;
  message: null;
  isSignedIn: true;
  isInterstitial: false;
  isUnknown: false;
  toAuth: () => SignedInAuthObject;
  /** The token that was verified. */
  token: string;
}

export interface SignedOutState extends EchoedConfigWithProxy {
  status: AuthStatus.SignedOut;
  reason: AuthReason;
  message: string;
  isSignedIn: false;
  isInterstitial: false;
  isUnknown: false;
  toAuth: () => SignedOutAuthObject;
  token: null;
}

export interface InterstitialState extends EchoedConfigWithProxy {
  status: AuthStatus.Interstitial;
  reason: AuthReason;
  message: string;
  isSignedIn: false;
  isInterstitial: true;
  isUnknown: false;
  toAuth: () => null;
  token: null;
}

/** Only the header flow yields it, for an expired or not yet valid token; it has no `proxyUrl`. */
export interface UnknownState extends EchoedConfig {
  status: AuthStatus.Unknown;
  reason: AuthReason;
  message: string;
  isSignedIn: false;
  isInterstitial: false;
  isUnknown: true;
  toAuth: () => null;
  token: null;
}

export type RequestState = SignedInState | SignedOutState | InterstitialState | UnknownState;

/** Fields of `debugRequestState`, in the 0.x order. */
export interface RequestStateDebug {
  frontendApi: string;
  isSignedIn: boolean;
  proxyUrl: string | undefined;
  isInterstitial: boolean;
  reason: AuthReason | null;
  message: string | null;
  publishableKey: string | undefined;
  isSatellite: boolean | undefined;
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
