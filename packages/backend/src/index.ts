// @clerk/backend: the 0.x surface, wired from the layer packages. Behaviour lives in the layers.

// Request authentication, auth objects, the interstitial and helpers (@clerk/auth-state).
export {
  AuthErrorReason,
  type AuthenticateRequestOptions,
  type AuthObject,
  type AuthReason,
  AuthStatus,
  type BuildTimeOptions,
  buildRequestUrl,
  type CreateAuthenticateRequestOptions,
  constants,
  createAuthenticateRequest,
  createIsomorphicRequest,
  debugRequestState,
  type InterstitialState,
  loadInterstitialFromLocal,
  makeAuthObjectSerializable,
  prunePrivateMetadata,
  type RequestState,
  redirect,
  type SignedInAuthObject,
  type SignedInAuthObjectOptions,
  type SignedInState,
  type SignedOutAuthObject,
  type SignedOutState,
  sanitizeAuthObject,
  signedOutAuthObject,
  type UnknownState,
} from '@clerk/auth-state';
// The Backend API: resources, deserializer and result types (@clerk/bapi-client).
export {
  AllowlistIdentifier,
  type ApiResult,
  type BackendApiClient,
  type BackendApiClientOptions,
  type ClerkAPIError,
  Client,
  createBackendApiClient,
  DeletedObject,
  deserialize,
  Email,
  EmailAddress,
  ExternalAccount,
  IdentificationLink,
  Invitation,
  OauthAccessToken,
  ObjectType,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  OrganizationMembershipPublicUserData,
  PhoneNumber,
  RedirectUrl,
  RequestErrorCode,
  Session,
  SignInToken,
  SMSMessage,
  Token,
  User,
  Verification,
} from '@clerk/bapi-client';
// Key resolution and token verification (@clerk/jwks-resolver).
export { VerifyTokenError, type VerifyTokenOptions, verifyToken } from '@clerk/jwks-resolver';
// JWT primitives and the error class (@clerk/jwt-core).
export {
  decodeJwt,
  hasValidSignature,
  type Jwt,
  type JwtPayload,
  type SignJwtOptions,
  signJwt,
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
  type VerifyJwtOptions,
  verifyJwt,
} from '@clerk/jwt-core';
// Webhooks (@clerk/webhooks): verifyWebhook and the event type names 0.x exported; the rest is in ./webhooks.
export {
  type EmailWebhookEvent,
  type OrganizationInvitationWebhookEvent,
  type OrganizationMembershipWebhookEvent,
  type OrganizationWebhookEvent,
  type SessionWebhookEvent,
  type SMSWebhookEvent,
  type UserWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  type WebhookEventType,
} from '@clerk/webhooks';
export { Clerk, type ClerkClient, type ClerkOptions, createClerkClient } from './clerk';
// Machine authentication (M2M tokens, OAuth access tokens, API keys): see ./machine.
export * from './machine';
// signedInAuthObject with getToken({ template }) wired to a Backend API client, as in 0.x.
export { signedInAuthObject } from './signed-in-auth-object';
// The 0.x names of verifyToken's option subsets.
export type { OptionalVerifyTokenOptions, RequiredVerifyTokenOptions } from './verify-token-options';
