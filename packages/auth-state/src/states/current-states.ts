// The request states of the current call form (current-clerk.md 3.10, 3.11): signed-in, signed-out and
// handshake, each with `headers`, `isAuthenticated`, `tokenType` and `toAuth()`.
import type { JwtPayload } from '@clerk/jwt-core';
import type { AuthStateApiClient } from '../api-client';
import {
  type CurrentAuthObject,
  type CurrentSignedOutAuthObject,
  currentSessionAuthObject,
  currentSignedOutAuthObject,
} from '../auth-objects/current';
import { createDebug } from '../auth-objects/debug';
import { constants } from '../constants';
import type { AcceptedTokenType, AcceptsToken } from '../handshake/options';
import {
  type AuthenticatedMachineObject,
  authenticatedMachineObject,
  type InvalidTokenAuthObject,
  invalidTokenAuthObject,
  type MachineTokenData,
  type MachineTokenType,
  type TokenType,
  type UnauthenticatedMachineObject,
  unauthenticatedMachineObject,
} from '../machine/index';

/** The three outcomes of the current call form. */
export const CurrentAuthStatus = {
  SignedIn: 'signed-in',
  SignedOut: 'signed-out',
  Handshake: 'handshake',
} as const;

export type CurrentAuthStatus = (typeof CurrentAuthStatus)[keyof typeof CurrentAuthStatus];

/** Why a current-form request is not simply signed in (current-clerk.md 3.11). */
export const CurrentAuthErrorReason = {
  ClientUATWithoutSessionToken: 'client-uat-but-no-session-token',
  DevBrowserMissing: 'dev-browser-missing',
  DevBrowserSync: 'dev-browser-sync',
  PrimaryRespondsToSyncing: 'primary-responds-to-syncing',
  PrimaryDomainCrossOriginSync: 'primary-domain-cross-origin-sync',
  SatelliteCookieNeedsSyncing: 'satellite-needs-syncing',
  SessionTokenAndUATMissing: 'session-token-and-uat-missing',
  SessionTokenMissing: 'session-token-missing',
  SessionTokenExpired: 'session-token-expired',
  SessionTokenIATBeforeClientUAT: 'session-token-iat-before-client-uat',
  SessionTokenNBF: 'session-token-nbf',
  SessionTokenIatInTheFuture: 'session-token-iat-in-the-future',
  SessionTokenWithoutClientUAT: 'session-token-but-no-client-uat',
  ActiveOrganizationMismatch: 'active-organization-mismatch',
  TokenTypeMismatch: 'token-type-mismatch',
  UnexpectedError: 'unexpected-error',
} as const;

/** The configuration a current-form state echoes: `''`/`false` when unset. */
export interface CurrentEchoedConfig {
  /** The Frontend API proxy in use (absolute), or `''`. */
  proxyUrl: string;
  /** The publishable key, or `''`. */
  publishableKey: string;
  /** Whether this application is a satellite. */
  isSatellite: boolean;
  /** The satellite's domain, or `''`. */
  domain: string;
  /** The sign-in URL given, or `''`. */
  signInUrl: string;
  /** The sign-up URL given, or `''`. */
  signUpUrl: string;
  /** The after-sign-in URL given, or `''`. */
  afterSignInUrl: string;
  /** The after-sign-up URL given, or `''`. */
  afterSignUpUrl: string;
}

/** `toAuth()` options of a signed-in state. */
export interface ToAuthOptions {
  /** A pending session (`sts` = `pending`) gives a signed-out auth object. Default `true`. */
  treatPendingAsSignedOut?: boolean;
}

/**
 * What `toAuth()` of a signed-in state gives for a token type: the session auth object (signed out for a pending
 * session unless `treatPendingAsSignedOut: false`), or the authenticated machine object of that type.
 */
export type SignedInAuthObjectFor<T extends TokenType> = T extends MachineTokenType
  ? AuthenticatedMachineObject<T>
  : CurrentAuthObject;

/** What `toAuth()` of a signed-out state gives for the expected token type. */
export type SignedOutAuthObjectFor<T extends TokenType> = T extends MachineTokenType
  ? UnauthenticatedMachineObject<T>
  : CurrentSignedOutAuthObject;

/**
 * A request that authenticated (a session token, or a machine token). `T` is the token types the call accepted
 * (`AcceptedTokenType` of its `acceptsToken`); `toAuth()` is typed for them.
 */
export interface CurrentSignedInState<T extends TokenType = TokenType> extends CurrentEchoedConfig {
  /** `signed-in`. */
  status: 'signed-in';
  /** Always `null`. */
  reason: null;
  /** Always `null`. */
  message: null;
  /** @deprecated Use `isAuthenticated`. */
  isSignedIn: true;
  /** Always `true`. */
  isAuthenticated: true;
  /** The kind of token that authenticated. */
  tokenType: T;
  /** The auth object: a session one, or a machine one for machine tokens. */
  toAuth: (options?: ToAuthOptions) => SignedInAuthObjectFor<T>;
  /** Headers to send with the response (`set-cookie` after a handshake or refresh). */
  headers: Headers;
  /** The token that verified. */
  token: string;
}

/**
 * A request that did not authenticate. `T` is the token types the call accepted, plus `null` when it accepted a
 * list (a header token of another kind gives `tokenType: null` and the invalid-token auth object).
 */
export interface CurrentSignedOutState<T extends TokenType | null = TokenType | null>
  extends CurrentEchoedConfig {
  /** `signed-out`. */
  status: 'signed-out';
  /** Why (current-clerk.md 3.11, a verification reason, a machine error code, or `No token in header`). */
  reason: string;
  /** Details, or `''`. */
  message: string;
  /** @deprecated Use `isAuthenticated`. */
  isSignedIn: false;
  /** Always `false`. */
  isAuthenticated: false;
  /** The kind of token expected; `null` when the token kind was not accepted at all. */
  tokenType: T;
  /** A signed-out session object, an unauthenticated machine object, or the invalid-token object. */
  toAuth: () => SignedOutAuthObjectFor<Exclude<T, null>> | (null extends T ? InvalidTokenAuthObject : never);
  /** Debug headers, plus `set-cookie`/`location` after a handshake that signed nobody in. */
  headers: Headers;
  /** Always `null`. */
  token: null;
}

/** The browser must visit the Frontend API (the redirect is in `headers`' `location`). */
export interface CurrentHandshakeState extends CurrentEchoedConfig {
  /** `handshake`. */
  status: 'handshake';
  /** Why the handshake is needed. */
  reason: string;
  /** Details, or `''`. */
  message: string;
  /** @deprecated Use `isAuthenticated`. */
  isSignedIn: false;
  /** Always `false`. */
  isAuthenticated: false;
  /** Always `session_token`. */
  tokenType: 'session_token';
  /** Always `null`. */
  toAuth: () => null;
  /** `location`, `cache-control`, the loop counter's `set-cookie` and the debug headers. */
  headers: Headers;
  /** Always `null`. */
  token: null;
}

/**
 * What the current call form of `authenticateRequest` resolves to, for a call whose `acceptsToken` is `A`: a
 * handshake only when session tokens are accepted, `tokenType: null` only when a list is.
 */
export type CurrentRequestState<A extends AcceptsToken = AcceptsToken> =
  | CurrentSignedInState<AcceptedTokenType<A>>
  | CurrentSignedOutState<AcceptedTokenType<A> | (A extends readonly unknown[] ? null : never)>
  | ('session_token' extends AcceptedTokenType<A> ? CurrentHandshakeState : never);

/** What a state is built from: the echoed configuration and what its auth object needs. */
export interface CurrentStateInput extends CurrentEchoedConfig {
  /** Injected Backend API client, for `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
  /** Data behind the auth objects' `debug()`, built only when `debug()` is called. */
  debugData: () => object;
}

/** Adds `x-clerk-auth-status`, `-reason` and `-message` (when non-empty and a valid header value). */
function withDebugHeaders(headers: Headers, status: string, reason: string, message: string): Headers {
  for (const [name, value] of [
    [constants.Headers.AuthStatus, status],
    [constants.Headers.AuthReason, reason],
    [constants.Headers.AuthMessage, message],
  ] as const) {
    if (!value) continue;
    try {
      headers.set(name, value);
    } catch {
      // A message that is not a valid header value (a newline, say) is left out, never fatal.
    }
  }
  return headers;
}

/** A signed-in state: the echoed configuration written out (a spread would cost a map transition per request). */
function signedInState(
  input: CurrentStateInput,
  tokenType: TokenType,
  toAuth: CurrentSignedInState['toAuth'],
  token: string,
  headers: Headers,
): CurrentSignedInState {
  return {
    status: 'signed-in',
    reason: null,
    message: null,
    proxyUrl: input.proxyUrl,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: true,
    isAuthenticated: true,
    tokenType,
    toAuth,
    headers,
    token,
  };
}

/** A session token that verified. */
export function currentSignedInSession(
  input: CurrentStateInput,
  claims: JwtPayload,
  token: string,
  headers: Headers = new Headers(),
): CurrentSignedInState {
  const debug = () => createDebug(input.debugData())();
  const toAuth = (options?: ToAuthOptions) =>
    currentSessionAuthObject({ token, claims, apiClient: input.apiClient, debug }, options);
  return signedInState(input, 'session_token', toAuth, token, headers);
}

/** A machine token that verified. */
export function currentSignedInMachine(
  input: CurrentStateInput,
  tokenType: MachineTokenType,
  data: MachineTokenData,
  token: string,
): CurrentSignedInState {
  const debug = () => createDebug(input.debugData())();
  const toAuth = () => authenticatedMachineObject(tokenType, token, data, debug);
  return signedInState(input, tokenType, toAuth, token, new Headers());
}

/** A request that did not authenticate; `tokenType` says which auth object `toAuth()` gives. */
export function currentSignedOut(
  input: CurrentStateInput,
  tokenType: TokenType,
  reason: string,
  message = '',
  headers: Headers = new Headers(),
): CurrentSignedOutState {
  const debugData = () => ({ ...input.debugData(), status: 'signed-out', reason, message });
  return {
    status: 'signed-out',
    reason,
    message,
    proxyUrl: input.proxyUrl,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: false,
    isAuthenticated: false,
    tokenType,
    toAuth: () =>
      tokenType === 'session_token'
        ? currentSignedOutAuthObject(() => createDebug(debugData())())
        : unauthenticatedMachineObject(tokenType, () => ({ reason, message })),
    headers: withDebugHeaders(headers, 'signed-out', reason, message),
    token: null,
  };
}

const NO_ECHO: CurrentEchoedConfig = {
  proxyUrl: '',
  publishableKey: '',
  isSatellite: false,
  domain: '',
  signInUrl: '',
  signUpUrl: '',
  afterSignInUrl: '',
  afterSignUpUrl: '',
};

/** A header token whose kind is not among the accepted ones (an `acceptsToken` array). */
export function currentSignedOutInvalidToken(): CurrentSignedOutState {
  const reason = CurrentAuthErrorReason.TokenTypeMismatch;
  return {
    status: 'signed-out',
    reason,
    message: '',
    ...NO_ECHO,
    isSignedIn: false,
    isAuthenticated: false,
    tokenType: null,
    toAuth: invalidTokenAuthObject,
    headers: withDebugHeaders(new Headers(), 'signed-out', reason, ''),
    token: null,
  };
}

/** The browser must go through the Frontend API; `headers` carries the redirect. */
export function currentHandshake(
  input: CurrentStateInput,
  reason: string,
  message: string,
  headers: Headers,
): CurrentHandshakeState {
  return {
    status: 'handshake',
    reason,
    message,
    publishableKey: input.publishableKey,
    isSatellite: input.isSatellite,
    domain: input.domain,
    proxyUrl: input.proxyUrl,
    signInUrl: input.signInUrl,
    signUpUrl: input.signUpUrl,
    afterSignInUrl: input.afterSignInUrl,
    afterSignUpUrl: input.afterSignUpUrl,
    isSignedIn: false,
    isAuthenticated: false,
    tokenType: 'session_token',
    toAuth: () => null,
    headers: withDebugHeaders(headers, 'handshake', reason, message),
    token: null,
  };
}
