// The two vectors of reference current-clerk.md 4.2, and an independent signer (node:crypto) for the rest.
import { createHmac } from 'node:crypto';

export const vectorOne = {
  secret: 'whsec_Y2xlcmstcmVmZXJlbmNlLXZlY3Rvci1zZWNyZXQtMDE=',
  id: 'msg_2xRefVectorOne000000000001',
  timestamp: '1767225600',
  body: '{"data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC","object":"user"},"event_attributes":{"http_request":{"client_ip":"192.0.2.1","user_agent":"curl/8.0"}},"instance_id":"ins_123","object":"event","timestamp":1767225600000,"type":"user.created"}',
  signature: 'v1,dPJhgXukO26EQ9w6l4vY3TbVh1h2zVIoKB2Wy6PCPZY=',
};

export const vectorTwo = {
  secret: 'whsec_ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=',
  id: 'msg_2xRefVectorTwo000000000002',
  timestamp: '1780000000',
  body: '{"type":"organization.deleted","object":"event","data":{"id":"org_1","deleted":true,"object":"organization","name":"Zürich GmbH ✓"}}\n',
  signature: 'v1,SqgtFtC5pjM1t8JFoj12WWNBnKSsNQIpyCGA9nUHVHc=',
};

/** A clock frozen at `seconds` (epoch seconds), for `verifyWebhook`'s `now` option. */
export const clockAt = (seconds: number | string) => () => Number(seconds) * 1000;

/** `v1,<base64 HMAC-SHA256>` computed with node:crypto, not with the code under test. */
export function sign(secret: string, id: string, timestamp: string | number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A POST as Clerk delivers it: the body as bytes, the three `svix-*` headers (or others given). */
export function deliveryRequest(
  delivery: Delivery,
  headers: Record<string, string> = {
    'svix-id': delivery.id,
    'svix-timestamp': delivery.timestamp,
    'svix-signature': delivery.signature,
  },
): Request {
  return new Request('https://app.example.test/api/webhooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new TextEncoder().encode(delivery.body),
  });
}
