// Everything both builds export but verifyWebhook itself (index.ts: WebCrypto; index.node.ts: node:crypto).
export { WebhookVerificationError, WebhookVerificationErrorCode } from './errors';
export type {
  EmailWebhookEvent,
  OrganizationDomainWebhookEvent,
  OrganizationInvitationAcceptedWebhookEvent,
  OrganizationInvitationWebhookEvent,
  OrganizationMembershipWebhookEvent,
  OrganizationWebhookEvent,
  PaymentAttemptWebhookEvent,
  PermissionWebhookEvent,
  RoleWebhookEvent,
  SessionWebhookEvent,
  SMSWebhookEvent,
  SubscriptionItemWebhookEvent,
  SubscriptionWebhookEvent,
  UserWebhookEvent,
  WaitlistEntryWebhookEvent,
  Webhook,
  WebhookEvent,
  WebhookEventAttributes,
  WebhookEventType,
} from './events';
export type {
  BillingStatus,
  OrganizationInvitationAcceptedJSON,
  PaymentAttemptWebhookEventJSON,
  RoleJSON,
  SessionWebhookEventJSON,
  SubscriptionItemWebhookEventJSON,
  SubscriptionWebhookEventJSON,
} from './payloads';
export type { VerifyWebhookOptions } from './verify-webhook';
