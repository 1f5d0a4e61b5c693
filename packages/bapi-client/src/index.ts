// The whole public surface of @clerk/bapi-client.

export type {
  CreateOrganizationParams,
  GetOrganizationParams,
  OrganizationListParams,
  UpdateOrganizationParams,
  UpdateOrganizationParamsFor,
} from './api/OrganizationAPI';
// the 0.x groups (each also carries the spec's other operations of its group)
export { OrganizationAPI } from './api/OrganizationAPI';
export { EmailAPI, InterstitialAPI, SMSMessageAPI } from './api/removedEndpoints';
export type { SessionListParams } from './api/SessionAPI';
export { SessionAPI } from './api/SessionAPI';
export type { InvitationListParams } from './api/smallGroups';
export {
  AllowlistIdentifierAPI,
  ClientAPI,
  DomainAPI,
  EmailAddressAPI,
  InvitationAPI,
  PhoneNumberAPI,
  RedirectUrlAPI,
  SignInTokenAPI,
} from './api/smallGroups';
export type { CreateUserParams, UpdateUserParams, UpdateUserParamsFor, UserListParams } from './api/UserAPI';
export { UserAPI } from './api/UserAPI';
export type { BackendApiClient } from './createBackendApiClient';
// the client and its request layer
export { createBackendApiClient } from './createBackendApiClient';
// the 0.x deserializer
export { deserialize } from './deserialize';
// generated from the spec: endpoint classes per group, operations with their types, resources
export * from './generated/groups';
export { ObjectType } from './generated/objectTypes';
export * from './generated/operations';
export * from './generated/resources';
// dated API versions (`clerkApiVersion`, `Clerk-API-Version`) and the `request()` escape hatch
export { CLERK_API_VERSIONS, type ClerkApiVersion, type ForVersion } from './generated/versions';
export { assertClerkApiVersion, CLERK_API_VERSION_HEADER } from './request/apiVersion';
export {
  createRequestFunction,
  DEFAULT_API_URL,
  DEFAULT_API_VERSION,
  DEFAULT_USER_AGENT,
} from './request/createRequestFunction';
export { RequestErrorCode } from './request/errorCodes';
export type { HttpMethod, Operation, ResourceClass } from './request/operation';
export type { RawRequestOptions } from './request/rawRequest';
export type {
  ApiResult,
  BackendApiClientOptions,
  CallOptions,
  ClerkAPIError,
  RequestFunction,
  RetryOptions,
} from './request/types';
// 0.x type names no spec schema gives
export type {
  ClerkResourceJSON,
  InvitationStatus,
  OAuthProvider,
  OAuthStrategy,
  OrganizationInvitationStatus,
  OrganizationMembershipRole,
  SignInJSON,
  SignInStatus,
  SignUpAttributeRequirements,
  SignUpStatus,
} from './resources/zeroXTypes';
