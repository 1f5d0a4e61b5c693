// @clerk/auth-state: request authentication, request states, auth objects and the interstitial.

export {
  type AuthStateApiClient,
  type BackendApiError,
  BackendApiRequestError,
  type BackendApiResult,
} from './api-client';
// The auth objects of the current call form and today's has() rules (session token v2).
export {
  type CurrentAuthObject,
  type CurrentAuthObjectContext,
  type CurrentSignedInAuthObject,
  type CurrentSignedOutAuthObject,
  type CurrentToAuthOptions,
  currentSessionAuthObject,
  currentSignedInAuthObject,
  currentSignedOutAuthObject,
  type FactorVerificationAge,
  isPendingSession,
  type SessionStatusClaim,
} from './auth-objects/current';
export {
  makeAuthObjectSerializable,
  prunePrivateMetadata,
  sanitizeAuthObject,
} from './auth-objects/sanitize';
export { signedInAuthObject } from './auth-objects/signed-in-auth-object';
export { signedOutAuthObject } from './auth-objects/signed-out-auth-object';
export type {
  AuthObject,
  CheckAuthorization,
  CheckAuthorizationParams,
  GetToken,
  GetTokenOptions,
  ReverificationConfig,
  ReverificationLevel,
  SignedInAuthObject,
  SignedInAuthObjectOptions,
  SignedInSessionClaims,
  SignedOutAuthObject,
} from './auth-objects/types';
export { authenticateRequest } from './authenticate/authenticate-request';
export {
  type BuildTimeOptions,
  type CreateAuthenticateRequestOptions,
  createAuthenticateRequest,
} from './authenticate/create-authenticate-request';
export type { AuthenticateRequestOptions, RequestValues, VerificationOptions } from './authenticate/options';
export { constants } from './constants';
export {
  type AcceptedTokenType,
  type AcceptsToken,
  type CurrentAuthenticateOptions,
  type OrganizationSyncOptions,
  redirectResponseFor,
  type StateWithHeaders,
} from './handshake/index';
export { type LoadInterstitialOptions, loadInterstitialFromLocal } from './interstitial/local-interstitial';
export {
  type RemotePublicInterstitialOptions,
  remotePublicInterstitial,
  remotePublicInterstitialUrl,
} from './interstitial/remote-interstitial';
export { remotePrivateInterstitial } from './interstitial/remote-private-interstitial';
export {
  INVALID_PUBLISHABLE_KEY_MESSAGE,
  isPublishableKey,
  MISSING_PUBLISHABLE_KEY_MESSAGE,
  type PublishableKey,
  parsePublishableKey,
  parsePublishableKeyOrThrow,
} from './lib/publishable-key';
export {
  type APIKeyData,
  type AuthenticatedMachineObject,
  authenticatedMachineObject,
  getTokenType,
  type IdPOAuthAccessTokenData,
  type InvalidTokenAuthObject,
  invalidTokenAuthObject,
  isMachineToken,
  type M2MTokenData,
  type MachineAuthObject,
  type MachineAuthOptions,
  type MachineJwksOptions,
  type MachineTokenData,
  type MachineTokenDataByType,
  type MachineTokenType,
  MachineTokenVerificationError,
  MachineTokenVerificationErrorCode,
  type MachineTokenVerificationResult,
  TokenType,
  type UnauthenticatedMachineObject,
  unauthenticatedMachineObject,
  verifyMachineAuthToken,
} from './machine';
export { type RedirectOptions, type RedirectToOptions, redirect } from './redirect';
export { buildRequestUrl } from './request/build-request-url';
export { createIsomorphicRequest } from './request/create-isomorphic-request';
export { AuthErrorReason, type AuthReason, AuthStatus } from './states/auth-status';
export {
  CurrentAuthErrorReason,
  CurrentAuthStatus,
  type CurrentEchoedConfig,
  type CurrentHandshakeState,
  type CurrentRequestState,
  type CurrentSignedInState,
  type CurrentSignedOutState,
  type SignedInAuthObjectFor,
  type SignedOutAuthObjectFor,
  type ToAuthOptions,
} from './states/current-states';
export {
  debugRequestState,
  type InterstitialState,
  type RequestState,
  type RequestStateDebug,
  type SignedInState,
  type SignedOutState,
  type UnknownState,
} from './states/request-state';
