// verifyWebhook from @clerk/backend/webhooks: the reference vectors of current-clerk.md 4.2 (frozen clock), a
// fresh delivery signed here with the runtime's own WebCrypto, and the rejections. No Node APIs.
import { assert } from '../assert.mjs';
import { verifyWebhook, WebhookVerificationError } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const PREFIX = '@clerk/backend: Unable to verify incoming webhook: ';

const vectorOne = {
  secret: 'whsec_Y2xlcmstcmVmZXJlbmNlLXZlY3Rvci1zZWNyZXQtMDE=',
  id: 'msg_2xRefVectorOne000000000001',
  timestamp: '1767225600',
  body: '{"data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC","object":"user"},"event_attributes":{"http_request":{"client_ip":"192.0.2.1","user_agent":"curl/8.0"}},"instance_id":"ins_123","object":"event","timestamp":1767225600000,"type":"user.created"}',
  signature: 'v1,dPJhgXukO26EQ9w6l4vY3TbVh1h2zVIoKB2Wy6PCPZY=',
};

const vectorTwo = {
  secret: 'whsec_ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=',
  id: 'msg_2xRefVectorTwo000000000002',
  timestamp: '1780000000',
  body: '{"type":"organization.deleted","object":"event","data":{"id":"org_1","deleted":true,"object":"organization","name":"Zürich GmbH ✓"}}\n',
  signature: 'v1,SqgtFtC5pjM1t8JFoj12WWNBnKSsNQIpyCGA9nUHVHc=',
};

const frozenAt = seconds => () => Number(seconds) * 1000;

const delivery = ({ id, timestamp, signature, body }, prefix = 'svix') =>
  new Request('https://app.conformance.test/api/webhooks', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: timestamp,
      [`${prefix}-signature`]: signature,
    },
    body: new TextEncoder().encode(body),
  });

/** `v1,<base64 HMAC-SHA256>` with the runtime's WebCrypto, for a delivery stamped now. */
async function signNow(secret, id, body) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const raw = atob(secret.slice('whsec_'.length));
  const key = await crypto.subtle.importKey(
    'raw',
    Uint8Array.from(raw, character => character.charCodeAt(0)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`)),
  );
  return { id, timestamp, body, signature: `v1,${btoa(String.fromCharCode(...mac))}` };
}

export const webhookScenarios = [
  scenario('verifyWebhook: reference vector 1 verifies; instance_id and timestamp are kept', async () => {
    const event = await verifyWebhook(delivery(vectorOne), {
      signingSecret: vectorOne.secret,
      now: frozenAt(vectorOne.timestamp),
    });
    assert.deepEqual(
      event,
      {
        type: 'user.created',
        object: 'event',
        data: { id: 'user_29w83sxmDNGwOuEthce5gg56FcC', object: 'user' },
        event_attributes: { http_request: { client_ip: '192.0.2.1', user_agent: 'curl/8.0' } },
        instance_id: 'ins_123',
        timestamp: 1767225600000,
      },
      'event',
    );
  }),
  scenario('verifyWebhook: reference vector 2, UTF-8 body, several signatures in one header', async () => {
    const event = await verifyWebhook(
      delivery({ ...vectorTwo, signature: `v1,AAAA ${vectorTwo.signature}` }),
      { signingSecret: vectorTwo.secret, now: frozenAt(vectorTwo.timestamp) },
    );
    assert.equal(event.type, 'organization.deleted', 'type');
    assert.equal(event.data.name, 'Zürich GmbH ✓', 'data.name');
    assert.equal('instance_id' in event, false, 'no instance_id');
  }),
  scenario(
    'verifyWebhook: a fresh delivery (Standard Webhooks headers, secret from env) verifies on the real clock',
    async () => {
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const body = '{"type":"session.created","object":"event","data":{"id":"sess_1","object":"session"}}';
      const signed = await signNow(secret, 'msg_conformance_fresh', body);
      const event = await verifyWebhook(delivery(signed, 'webhook'), {
        env: { CLERK_WEBHOOK_SIGNING_SECRET: secret },
      });
      assert.equal(event.type, 'session.created', 'type');
      assert.equal(event.data.id, 'sess_1', 'data.id');
    },
  ),
  scenario(
    'verifyWebhook: tampered body, wrong secret, stale and future timestamps are rejected',
    async () => {
      const at = { now: frozenAt(vectorOne.timestamp) };
      await assert.rejects(
        verifyWebhook(delivery({ ...vectorOne, body: vectorOne.body.replace('created', 'deleted') }), {
          signingSecret: vectorOne.secret,
          ...at,
        }),
        {
          instanceOf: WebhookVerificationError,
          code: 'no-matching-signature',
          message: `${PREFIX}No matching signature found`,
        },
        'tampered body',
      );
      await assert.rejects(
        verifyWebhook(delivery(vectorOne), { signingSecret: vectorTwo.secret, ...at }),
        { code: 'no-matching-signature' },
        'wrong secret',
      );
      await assert.rejects(
        verifyWebhook(delivery(vectorOne), { signingSecret: vectorOne.secret }),
        { code: 'timestamp-too-old', message: `${PREFIX}Message timestamp too old` },
        'recorded delivery, real clock',
      );
      await assert.rejects(
        verifyWebhook(delivery(vectorOne), {
          signingSecret: vectorOne.secret,
          now: frozenAt(Number(vectorOne.timestamp) - 301),
        }),
        { code: 'timestamp-too-new', message: `${PREFIX}Message timestamp too new` },
        'future timestamp',
      );
    },
  ),
  scenario(
    'verifyWebhook: missing headers, a malformed secret and an empty body are clear errors',
    async () => {
      await assert.rejects(
        verifyWebhook(new Request('https://app.conformance.test/', { method: 'POST', body: '{}' }), {
          signingSecret: vectorOne.secret,
        }),
        {
          code: 'missing-headers',
          message:
            '@clerk/backend: Missing required webhook headers: svix-id, svix-timestamp, svix-signature',
        },
        'no headers',
      );
      await assert.rejects(
        verifyWebhook(delivery(vectorOne), { signingSecret: 'whsec_ab!d' }),
        { code: 'invalid-secret', message: 'Base64Coder: incorrect characters for decoding' },
        'malformed secret',
      );
      await assert.rejects(
        verifyWebhook(delivery(vectorOne), { env: {} }),
        { code: 'missing-secret', message: /^@clerk\/backend: Missing webhook signing secret\./ },
        'no secret',
      );
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      await assert.rejects(
        verifyWebhook(delivery(await signNow(secret, 'msg_empty', '')), { signingSecret: secret }),
        { code: 'invalid-body', message: `${PREFIX}The signed body is empty` },
        'empty body',
      );
    },
  ),
];
