import type {
  DeletedObjectJSON,
  EmailJSON,
  OrganizationDomainJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  PermissionJSON,
  SMSMessageJSON,
  UserJSON,
  WaitlistEntryJSON,
} from '@clerk/bapi-client';
import type {
  OrganizationInvitationAcceptedJSON,
  PaymentAttemptWebhookEventJSON,
  RoleJSON,
  SessionWebhookEventJSON,
  SubscriptionItemWebhookEventJSON,
  SubscriptionWebhookEventJSON,
} from './payloads';

/** Where the change that caused an event came from. */
export interface WebhookEventAttributes {
  /** The HTTP request that caused the event. */
  http_request: {
    /** IP address of the client whose request caused the event. */
    client_ip: string;
    /** User agent of that client. */
    user_agent: string;
  };
}

/** One webhook event: `type` says which, and fixes the type of `data`. */
export interface Webhook<EventType extends string, Data> {
  /** The event name, e.g. `user.created`. */
  type: EventType;
  /** Always `event`. */
  object: 'event';
  /** The resource the event is about, in the Backend API's snake_case JSON. */
  data: Data;
  /** The request that caused the event, when Clerk sends it. */
  event_attributes?: WebhookEventAttributes;
  /** The Clerk instance that sent the event (`ins_...`), when Clerk sends it. */
  instance_id?: string;
  /** When the event happened, epoch milliseconds, when Clerk sends it. */
  timestamp?: number;
}

export type UserWebhookEvent =
  | Webhook<'user.created' | 'user.updated', UserJSON>
  | Webhook<'user.deleted', DeletedObjectJSON>;
export type EmailWebhookEvent = Webhook<'email.created', EmailJSON>;
export type SMSWebhookEvent = Webhook<'sms.created', SMSMessageJSON>;
export type SessionWebhookEvent = Webhook<
  'session.created' | 'session.ended' | 'session.removed' | 'session.revoked',
  SessionWebhookEventJSON
>;
export type OrganizationWebhookEvent =
  | Webhook<'organization.created' | 'organization.updated', OrganizationJSON>
  | Webhook<'organization.deleted', DeletedObjectJSON>;
export type OrganizationDomainWebhookEvent =
  | Webhook<'organizationDomain.created' | 'organizationDomain.updated', OrganizationDomainJSON>
  | Webhook<'organizationDomain.deleted', DeletedObjectJSON>;
export type OrganizationMembershipWebhookEvent = Webhook<
  'organizationMembership.created' | 'organizationMembership.deleted' | 'organizationMembership.updated',
  OrganizationMembershipJSON
>;
export type OrganizationInvitationAcceptedWebhookEvent = Webhook<
  'organizationInvitation.accepted',
  OrganizationInvitationAcceptedJSON
>;
/** Includes `organizationInvitation.accepted`, as in 0.x (its `data` also carries `user_id`). */
export type OrganizationInvitationWebhookEvent =
  | Webhook<'organizationInvitation.created' | 'organizationInvitation.revoked', OrganizationInvitationJSON>
  | OrganizationInvitationAcceptedWebhookEvent;
export type RoleWebhookEvent = Webhook<'role.created' | 'role.updated' | 'role.deleted', RoleJSON>;
export type PermissionWebhookEvent = Webhook<
  'permission.created' | 'permission.updated' | 'permission.deleted',
  PermissionJSON
>;
export type WaitlistEntryWebhookEvent = Webhook<
  'waitlistEntry.created' | 'waitlistEntry.updated',
  WaitlistEntryJSON
>;
export type PaymentAttemptWebhookEvent = Webhook<
  'paymentAttempt.created' | 'paymentAttempt.updated',
  PaymentAttemptWebhookEventJSON
>;
export type SubscriptionWebhookEvent = Webhook<
  'subscription.created' | 'subscription.updated' | 'subscription.active' | 'subscription.pastDue',
  SubscriptionWebhookEventJSON
>;
export type SubscriptionItemWebhookEvent = Webhook<
  | 'subscriptionItem.created'
  | 'subscriptionItem.updated'
  | 'subscriptionItem.active'
  | 'subscriptionItem.canceled'
  | 'subscriptionItem.upcoming'
  | 'subscriptionItem.ended'
  | 'subscriptionItem.abandoned'
  | 'subscriptionItem.incomplete'
  | 'subscriptionItem.pastDue'
  | 'subscriptionItem.freeTrialEnding',
  SubscriptionItemWebhookEventJSON
>;

/** Every Clerk webhook event; narrow it on `type` to get the matching `data`. */
export type WebhookEvent =
  | UserWebhookEvent
  | SessionWebhookEvent
  | EmailWebhookEvent
  | SMSWebhookEvent
  | OrganizationWebhookEvent
  | OrganizationDomainWebhookEvent
  | OrganizationMembershipWebhookEvent
  | OrganizationInvitationWebhookEvent
  | RoleWebhookEvent
  | PermissionWebhookEvent
  | WaitlistEntryWebhookEvent
  | PaymentAttemptWebhookEvent
  | SubscriptionWebhookEvent
  | SubscriptionItemWebhookEvent;

/** Every event name, e.g. `user.created`. */
export type WebhookEventType = WebhookEvent['type'];
