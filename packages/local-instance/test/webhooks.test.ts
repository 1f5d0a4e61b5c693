import { once } from 'node:events';
import { createServer } from 'node:http';
import { verifyWebhook } from '@clerk/backend/webhooks';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

let receiver: WebhookReceiver;
let instance: LocalInstance;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  instance = await startLocalInstance({
    keySize: 1024,
    webhookUrls: [receiver.url],
    webhookRetryDelaysMs: [5, 5],
  });
});

afterAll(async () => {
  await instance.stop();
  await receiver.close();
});

afterEach(async () => {
  await instance.webhooksSettled();
  receiver.received.length = 0;
  receiver.answers.length = 0;
  instance.reset();
});

/** Every event received so far, verified as a handler would verify it. */
async function verifiedEvents(secret = instance.webhookSigningSecret) {
  await instance.webhooksSettled();
  return Promise.all(
    receiver.received
      .filter(webhook => webhook.status < 300)
      .map(webhook => verifyWebhook(receiver.requestOf(webhook), { signingSecret: secret })),
  );
}

describe('webhook delivery to a node:http server on 127.0.0.1', () => {
  it('POSTs a signed user.created for a user created through the Backend API', async () => {
    const created = await callApi(instance, 'POST', '/v1/users', { email_address: ['hook@example.com'] });
    expect(created.status).toBe(200);
    const [event, ...others] = await verifiedEvents();
    expect(others).toEqual([]);
    expect(event!.type).toBe('user.created');
    if (event!.type !== 'user.created') throw new Error('narrowing');
    expect(event!.data.id).toBe(created.json.id);
    expect(event!.data.email_addresses[0]!.email_address).toBe('hook@example.com');
    expect(event!.instance_id).toMatch(/^ins_/);
    expect(event!.event_attributes?.http_request.client_ip).toBe('127.0.0.1');
    const [webhook] = receiver.received;
    expect(webhook!.headers['content-type']).toBe('application/json');
    expect(webhook!.headers['svix-id']).toMatch(/^msg_/);
    expect(webhook!.headers['svix-timestamp']).toMatch(/^\d+$/);
    // The scheme's reference library agrees (an oracle independent of our verifier).
    const reference = new Webhook(instance.webhookSigningSecret).verify(webhook!.body.toString('utf8'), {
      'webhook-id': webhook!.headers['svix-id'] as string,
      'webhook-timestamp': webhook!.headers['svix-timestamp'] as string,
      'webhook-signature': webhook!.headers['svix-signature'] as string,
    });
    expect(reference).toMatchObject({ type: 'user.created', object: 'event' });
  });

  it('a delivery signed for this instance is rejected under another secret', async () => {
    instance.createUser({ emailAddress: ['other-secret@example.com'] });
    await instance.webhooksSettled();
    const other = await startLocalInstance({ keySize: 1024 });
    await other.stop();
    await expect(
      verifyWebhook(receiver.requestOf(receiver.received[0]!), { signingSecret: other.webhookSigningSecret }),
    ).rejects.toThrow('@clerk/backend: Unable to verify incoming webhook: No matching signature found');
  });

  it('retries after a 500 with the same svix-id and a fresh signature, then logs it delivered', async () => {
    receiver.answers.push(500);
    instance.createUser({ emailAddress: ['retry@example.com'] });
    await instance.webhooksSettled();
    expect(receiver.received.map(webhook => webhook.status)).toEqual([500, 200]);
    const [first, second] = receiver.received;
    expect(second!.headers['svix-id']).toBe(first!.headers['svix-id']);
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(
      (await verifyWebhook(receiver.requestOf(second!), { signingSecret: instance.webhookSigningSecret }))
        .type,
    ).toBe('user.created');
    const delivery = instance.webhookDeliveries.at(-1)!;
    expect(delivery).toMatchObject({
      id: first!.headers['svix-id'],
      type: 'user.created',
      status: 'delivered',
    });
    expect(delivery.attempts.map(attempt => attempt.status)).toEqual([500, 200]);
    expect(delivery.attempts[1]!.signature).toBe(second!.headers['svix-signature']);
  });

  it('gives up after the configured retries and logs the delivery failed', async () => {
    receiver.answers.push(503, 503, 503, 503);
    instance.createUser({ emailAddress: ['down@example.com'] });
    await instance.webhooksSettled();
    expect(receiver.received.map(webhook => webhook.status)).toEqual([503, 503, 503]);
    const delivery = instance.webhookDeliveries.at(-1)!;
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
  });

  it('records an endpoint that does not answer as attempts without a status', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const endpoint = instance.addWebhookEndpoint(closed.url);
    try {
      instance.createUser({ emailAddress: ['refused@example.com'] });
      await instance.webhooksSettled();
      const delivery = instance.webhookDeliveries.find(entry => entry.endpointId === endpoint.id)!;
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts.map(attempt => attempt.status)).toEqual([null, null, null]);
      expect(delivery.attempts[0]!.error).toMatch(/ECONNREFUSED|fetch failed/);
    } finally {
      instance.removeWebhookEndpoint(endpoint.id);
    }
  });
});

describe('stopping the instance', () => {
  it('ends a delivery whose endpoint never answers and logs it failed', async () => {
    const hanging = createServer(() => {});
    hanging.listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    const { port } = hanging.address() as { port: number };
    const local = await startLocalInstance({
      keySize: 1024,
      webhookUrls: [`http://127.0.0.1:${port}/hooks`],
    });
    try {
      local.createUser({ emailAddress: ['hang@example.com'] });
      await once(hanging, 'request');
      await local.stop();
      await local.webhooksSettled();
      expect(local.webhookDeliveries).toHaveLength(1);
      expect(local.webhookDeliveries[0]).toMatchObject({
        type: 'user.created',
        status: 'failed',
        attempts: [{ status: null, error: 'the instance stopped' }],
      });
      local.createUser({ emailAddress: ['after-stop@example.com'] });
      expect(local.webhookDeliveries).toHaveLength(1);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});

describe('which changes send which events', () => {
  it('users, email addresses, sessions, organizations, memberships and invitations, in order', async () => {
    const user = (await callApi(instance, 'POST', '/v1/users', { email_address: ['ada@example.com'] })).json;
    await callApi(instance, 'PATCH', `/v1/users/${user.id}`, { first_name: 'Ada' });
    await callApi(instance, 'PATCH', `/v1/users/${user.id}/metadata`, { public_metadata: { plan: 'pro' } });
    await callApi(instance, 'POST', '/v1/email_addresses', {
      user_id: user.id,
      email_address: 'ada2@example.com',
    });
    const session = instance.signIn({ userId: user.id });
    await callApi(instance, 'POST', `/v1/sessions/${session.sessionId}/revoke`);
    const org = (
      await callApi(instance, 'POST', '/v1/organizations', { name: 'Analytical', created_by: user.id })
    ).json;
    await callApi(instance, 'PATCH', `/v1/organizations/${org.id}`, { name: 'Analytical Engines' });
    const member = (await callApi(instance, 'POST', '/v1/users', { email_address: ['bab@example.com'] }))
      .json;
    await callApi(instance, 'POST', `/v1/organizations/${org.id}/memberships`, {
      user_id: member.id,
      role: 'basic_member',
    });
    await callApi(instance, 'PATCH', `/v1/organizations/${org.id}/memberships/${member.id}`, {
      role: 'admin',
    });
    await callApi(instance, 'DELETE', `/v1/organizations/${org.id}/memberships/${member.id}`);
    const invitation = (
      await callApi(instance, 'POST', `/v1/organizations/${org.id}/invitations`, {
        email_address: 'guest@example.com',
        role: 'basic_member',
      })
    ).json;
    await callApi(instance, 'POST', `/v1/organizations/${org.id}/invitations/${invitation.id}/revoke`, {});
    await callApi(instance, 'DELETE', `/v1/organizations/${org.id}`);
    await callApi(instance, 'DELETE', `/v1/users/${member.id}`);

    const events = await verifiedEvents();
    expect(events.map(event => event.type)).toEqual([
      'user.created',
      'user.updated',
      'user.updated',
      'user.updated',
      'session.created',
      'session.revoked',
      'organization.created',
      'organizationMembership.created',
      'organization.updated',
      'user.created',
      'organizationMembership.created',
      'organizationMembership.updated',
      'organizationMembership.deleted',
      'organizationInvitation.created',
      'email.created',
      'organizationInvitation.revoked',
      'organization.deleted',
      'user.deleted',
    ]);
    const byType = (type: string) => events.filter(event => event.type === type);
    expect(byType('user.updated')[2]!.data).toMatchObject({
      first_name: 'Ada',
      public_metadata: { plan: 'pro' },
    });
    expect(byType('session.revoked')[0]!.data).toMatchObject({
      id: session.sessionId,
      status: 'revoked',
      user: { id: user.id },
    });
    expect(byType('organizationMembership.updated')[0]!.data).toMatchObject({ role: 'admin' });
    expect(byType('email.created')[0]!.data).toMatchObject({
      object: 'email',
      to_email_address: 'guest@example.com',
    });
    expect(byType('organization.deleted')[0]!.data).toEqual({
      object: 'organization',
      id: org.id,
      slug: org.slug,
      deleted: true,
    });
    expect(byType('user.deleted')[0]!.data).toEqual({ object: 'user', id: member.id, deleted: true });
    // Every event is its own message.
    const ids = receiver.received.map(webhook => webhook.headers['svix-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('endpoints through the HTTP API', () => {
  it('registers an endpoint with its own secret, lists it, logs its deliveries, and deletes it', async () => {
    const other = await startWebhookReceiver();
    try {
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const created = await callApi(instance, 'POST', '/v1/local/webhook_endpoints', {
        url: other.url,
        secret,
      });
      expect(created.status).toBe(200);
      expect(created.json).toMatchObject({ object: 'webhook_endpoint', url: other.url, secret });
      const listed = await callApi(instance, 'GET', '/v1/local/webhook_endpoints');
      expect(listed.json.map((endpoint: { id: string }) => endpoint.id)).toContain(created.json.id);

      instance.createUser({ emailAddress: ['api-endpoint@example.com'] });
      await instance.webhooksSettled();
      expect(other.received).toHaveLength(1);
      const request = () => other.requestOf(other.received[0]!);
      expect((await verifyWebhook(request(), { signingSecret: secret })).type).toBe('user.created');
      await expect(
        verifyWebhook(request(), { signingSecret: instance.webhookSigningSecret }),
      ).rejects.toThrow('No matching signature found');
      const log = await callApi(instance, 'GET', '/v1/local/webhook_deliveries');
      expect(
        log.json.filter((entry: { endpoint_id: string }) => entry.endpoint_id === created.json.id),
      ).toMatchObject([
        {
          object: 'webhook_delivery',
          type: 'user.created',
          status: 'delivered',
          attempts: [{ status: 200 }],
        },
      ]);

      const removed = await callApi(instance, 'DELETE', `/v1/local/webhook_endpoints/${created.json.id}`);
      expect(removed.json).toEqual({ object: 'webhook_endpoint', id: created.json.id, deleted: true });
      instance.createUser({ emailAddress: ['after-removal@example.com'] });
      await instance.webhooksSettled();
      expect(other.received).toHaveLength(1);
      expect(
        (await callApi(instance, 'DELETE', `/v1/local/webhook_endpoints/${created.json.id}`)).status,
      ).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('rejects a bad URL or secret with 422, and needs the secret key', async () => {
    const badUrl = await callApi(instance, 'POST', '/v1/local/webhook_endpoints', {
      url: 'ftp://example.com',
    });
    expect(badUrl.status).toBe(422);
    expect(badUrl.json.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: 'url' },
    });
    const badSecret = await callApi(instance, 'POST', '/v1/local/webhook_endpoints', {
      url: receiver.url,
      secret: 'not-a-secret',
    });
    expect(badSecret.status).toBe(422);
    expect(badSecret.json.errors[0].meta).toEqual({ param_name: 'secret' });
    const anonymous = await callApi(instance, 'GET', '/v1/local/webhook_endpoints', undefined, null);
    expect(anonymous.status).toBe(401);
  });

  it('rejects bad options at start', async () => {
    await expect(startLocalInstance({ webhookUrls: ['not a url'] })).rejects.toThrow(
      'A webhook URL must be an absolute http(s) URL, got "not a url"',
    );
    await expect(startLocalInstance({ webhookSigningSecret: 'whsec_abc' })).rejects.toThrow(
      'A webhook signing secret is whsec_ followed by standard, padded base64',
    );
    await expect(startLocalInstance({ webhookRetryDelaysMs: [-1] })).rejects.toThrow(RangeError);
  });
});
