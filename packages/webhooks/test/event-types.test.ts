// Type tests: `tsc` (the typecheck script) fails if any assertion below is wrong; vitest runs the bodies too.
import type {
  DeletedObjectJSON,
  EmailAddressJSON,
  EmailJSON,
  OrganizationInvitationJSON,
  OrganizationMembershipJSON,
  SessionJSON,
  UserJSON,
} from '@clerk/bapi-client';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  OrganizationInvitationWebhookEvent,
  RoleJSON,
  SessionWebhookEvent,
  UserWebhookEvent,
  WebhookEvent,
  WebhookEventType,
} from '../src/index';
import { verifyWebhook } from '../src/index';
import { vectorOne } from './fixtures';

// A real event value (the branches below run), typed as the whole union.
const evt = JSON.parse(vectorOne.body) as WebhookEvent;

describe('WebhookEvent, a discriminated union on type', () => {
  it('narrows data to the matching *JSON', () => {
    if (evt.type === 'user.created') {
      expectTypeOf(evt.data).toEqualTypeOf<UserJSON>();
      expectTypeOf(evt.data.email_addresses).toEqualTypeOf<Array<EmailAddressJSON>>();
    }
    if (evt.type === 'user.deleted') {
      expectTypeOf(evt.data).toEqualTypeOf<DeletedObjectJSON>();
      // @ts-expect-error a deleted user has no email addresses
      evt.data.email_addresses;
    }
    if (evt.type === 'session.revoked') {
      expectTypeOf(evt.data).toExtend<SessionJSON>();
      expectTypeOf(evt.data.user).toEqualTypeOf<UserJSON | null | undefined>();
    }
    if (evt.type === 'email.created') expectTypeOf(evt.data).toEqualTypeOf<EmailJSON>();
    if (evt.type === 'organizationMembership.updated')
      expectTypeOf(evt.data).toEqualTypeOf<OrganizationMembershipJSON>();
    if (evt.type === 'organizationInvitation.accepted') {
      expectTypeOf(evt.data).toExtend<OrganizationInvitationJSON>();
      expectTypeOf(evt.data.user_id).toEqualTypeOf<string>();
    }
    if (evt.type === 'role.created') expectTypeOf(evt.data).toEqualTypeOf<RoleJSON>();
    if (evt.type === 'paymentAttempt.updated')
      expectTypeOf(evt.data.status).toEqualTypeOf<'pending' | 'paid' | 'failed'>();
    if (evt.type === 'subscriptionItem.freeTrialEnding')
      expectTypeOf(evt.data.object).toEqualTypeOf<'commerce_subscription_item'>();
  });

  it('has every event name of 0.38.15 and of the current SDK, and no other string', () => {
    expectTypeOf<
      | 'user.created'
      | 'user.updated'
      | 'user.deleted'
      | 'email.created'
      | 'sms.created'
      | 'session.created'
      | 'session.ended'
      | 'session.removed'
      | 'session.revoked'
      | 'organization.created'
      | 'organization.updated'
      | 'organization.deleted'
      | 'organizationDomain.created'
      | 'organizationDomain.updated'
      | 'organizationDomain.deleted'
      | 'organizationMembership.created'
      | 'organizationMembership.deleted'
      | 'organizationMembership.updated'
      | 'organizationInvitation.accepted'
      | 'organizationInvitation.created'
      | 'organizationInvitation.revoked'
      | 'role.created'
      | 'role.updated'
      | 'role.deleted'
      | 'permission.created'
      | 'permission.updated'
      | 'permission.deleted'
      | 'waitlistEntry.created'
      | 'waitlistEntry.updated'
      | 'paymentAttempt.created'
      | 'paymentAttempt.updated'
      | 'subscription.created'
      | 'subscription.updated'
      | 'subscription.active'
      | 'subscription.pastDue'
      | 'subscriptionItem.created'
      | 'subscriptionItem.updated'
      | 'subscriptionItem.active'
      | 'subscriptionItem.canceled'
      | 'subscriptionItem.upcoming'
      | 'subscriptionItem.ended'
      | 'subscriptionItem.abandoned'
      | 'subscriptionItem.incomplete'
      | 'subscriptionItem.pastDue'
      | 'subscriptionItem.freeTrialEnding'
    >().toEqualTypeOf<WebhookEventType>();
    // @ts-expect-error not an event name
    const unknownType: WebhookEventType = 'user.exploded';
    void unknownType;
  });

  it('keeps the 0.x shapes building: type, object and data are all an event needs', () => {
    const fromZeroX: UserWebhookEvent = {
      type: 'user.deleted',
      object: 'event',
      data: { object: 'user', deleted: true },
    };
    expectTypeOf(fromZeroX).toExtend<WebhookEvent>();
    // 0.x listed organizationInvitation.accepted under OrganizationInvitationWebhookEvent; it still is.
    expectTypeOf<'organizationInvitation.accepted'>().toExtend<OrganizationInvitationWebhookEvent['type']>();
    expectTypeOf<SessionWebhookEvent['data']>().toExtend<SessionJSON>();
  });

  it('types the additive fields as optional and verifyWebhook as resolving to the union', () => {
    expectTypeOf(evt.instance_id).toEqualTypeOf<string | undefined>();
    expectTypeOf(evt.timestamp).toEqualTypeOf<number | undefined>();
    expectTypeOf(evt.event_attributes?.http_request.client_ip).toEqualTypeOf<string | undefined>();
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(verifyWebhook).parameter(0).toEqualTypeOf<Request>();
  });
});
