import type * as zeroX from 'clerk-backend-038';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
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
} from '../src/index';
import * as subpath from '../src/webhooks';

// Reference current-clerk.md 4.2, vector 1.
const vector = {
  secret: 'whsec_Y2xlcmstcmVmZXJlbmNlLXZlY3Rvci1zZWNyZXQtMDE=',
  id: 'msg_2xRefVectorOne000000000001',
  timestamp: '1767225600',
  body: '{"data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC","object":"user"},"event_attributes":{"http_request":{"client_ip":"192.0.2.1","user_agent":"curl/8.0"}},"instance_id":"ins_123","object":"event","timestamp":1767225600000,"type":"user.created"}',
  signature: 'v1,dPJhgXukO26EQ9w6l4vY3TbVh1h2zVIoKB2Wy6PCPZY=',
};

const delivery = () =>
  new Request('https://app.example.test/webhooks', {
    method: 'POST',
    headers: { 'svix-id': vector.id, 'svix-timestamp': vector.timestamp, 'svix-signature': vector.signature },
    body: vector.body,
  });

describe('webhooks through the umbrella', () => {
  it('exports verifyWebhook from the root and the ./webhooks subpath (one function)', async () => {
    expect(subpath.verifyWebhook).toBe(verifyWebhook);
    const event = await verifyWebhook(delivery(), {
      signingSecret: vector.secret,
      now: () => 1767225600_000,
    });
    expect(event.type).toBe('user.created');
    expect(typeof subpath.WebhookVerificationError).toBe('function');
  });

  it('the built ./webhooks entry (ESM) verifies the reference vector', async () => {
    const built = await import('../dist/webhooks.js');
    const event = await built.verifyWebhook(delivery(), {
      signingSecret: vector.secret,
      now: () => 1767225600_000,
    });
    expect(event).toMatchObject({ type: 'user.created', object: 'event', instance_id: 'ins_123' });
    await expect(built.verifyWebhook(delivery(), { signingSecret: vector.secret })).rejects.toThrow(
      '@clerk/backend: Unable to verify incoming webhook: Message timestamp too old',
    );
  });

  it('exports every webhook type name 0.38.15 exported, and 0.x events still type-check against ours', () => {
    expectTypeOf<zeroX.WebhookEventType>().toExtend<WebhookEventType>();
    expectTypeOf<zeroX.UserWebhookEvent['type']>().toEqualTypeOf<UserWebhookEvent['type']>();
    expectTypeOf<zeroX.SessionWebhookEvent['type']>().toEqualTypeOf<SessionWebhookEvent['type']>();
    expectTypeOf<zeroX.EmailWebhookEvent['type']>().toEqualTypeOf<EmailWebhookEvent['type']>();
    expectTypeOf<zeroX.SMSWebhookEvent['type']>().toEqualTypeOf<SMSWebhookEvent['type']>();
    expectTypeOf<zeroX.OrganizationWebhookEvent['type']>().toEqualTypeOf<OrganizationWebhookEvent['type']>();
    expectTypeOf<zeroX.OrganizationMembershipWebhookEvent['type']>().toEqualTypeOf<
      OrganizationMembershipWebhookEvent['type']
    >();
    expectTypeOf<zeroX.OrganizationInvitationWebhookEvent['type']>().toEqualTypeOf<
      OrganizationInvitationWebhookEvent['type']
    >();
    expectTypeOf<WebhookEvent>().toHaveProperty('data');
  });
});
