export { ApiError, type ClerkErrorJson } from './api/api-error';
export { FaultSwitches, type RateLimitOptions, type ServerErrorOptions } from './faults';
export type { FrontendApiFaultSettings, FrontendApiFaults } from './frontend-api/state';
export { cookieSuffixOf } from './frontend-api/state';
export type { InstanceType } from './keys/instance-keys';
export { publishableKeyFor } from './keys/instance-keys';
export type { PublicJwk } from './keys/signing-keyring';
export type { CreatedMachine, LocalMachines, M2MTokenOptions } from './machine/local-machines';
export type {
  CreateAPIKeyInput,
  CreateMachineInput,
  CreateOAuthApplicationInput,
  IssuedMachineToken,
  IssueOAuthAccessTokenInput,
  MachineTokenFormat,
} from './machine/machine-store';
export type { CreateMembershipInput, CreateOrganizationInput } from './resources/organizations';
export type { CreateUserInput } from './resources/users';
export type { RecordedRequest } from './server';
export {
  type LocalInstance,
  type LocalInstanceOptions,
  type ResourceJson,
  type SessionCookies,
  type SignedInSession,
  type SignInOptions,
  startLocalInstance,
} from './start-local-instance';
export type { JwtTemplate, SessionTokenVersion, Subscription } from './state';
export type { SessionTokenOptions } from './tokens/session-token';
export type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhooks/webhook-dispatcher';
