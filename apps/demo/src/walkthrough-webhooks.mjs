// Webhooks in the demo: the local instance delivers a signed `user.created` to the example app, which verifies
// it with verifyWebhook; then a forged delivery (a made-up signature) is rejected.

/**
 * Registers the example app's `/api/webhooks` with the local instance, creates a user through the Backend API
 * and checks that the app verified the `user.created` the instance delivered; then POSTs a forged one.
 * Returns one row per step; `ok` says whether it behaved as documented.
 */
export async function runWebhooksWalkthrough({ instance, clerk, app }) {
  const rows = [];
  const endpoint = `${app.url}/api/webhooks`;
  instance.addWebhookEndpoint(endpoint);

  const created = await clerk.users.createUser({ emailAddress: ['webhooks@example.com'], firstName: 'Hook' });
  await instance.webhooksSettled();
  const delivery = instance.webhookDeliveries.findLast(entry => entry.url === endpoint);
  const event = app.webhooks.findLast(received => received.type === 'user.created');
  rows.push({
    step: 'user.created webhook (local instance → app)',
    request: 'POST /api/webhooks (svix-signed)',
    http: delivery?.attempts.at(-1)?.status ?? 'none',
    state: event ? 'verified' : 'not received',
    details: event ? `${event.type} ${event.data.id}` : `delivery ${delivery?.status ?? 'missing'}`,
    ok: Boolean(created.data) && event?.data.id === created.data.id && delivery?.status === 'delivered',
  });

  const forgedBody = JSON.stringify({ type: 'user.created', object: 'event', data: { id: 'user_forged' } });
  const forged = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': 'msg_forged',
      'svix-timestamp': String(Math.floor(Date.now() / 1000)),
      'svix-signature': 'v1,Zm9yZ2VkIHNpZ25hdHVyZSwgbm8gc2VjcmV0IGtub3du',
    },
    body: forgedBody,
  });
  const answer = await forged.json();
  rows.push({
    step: 'forged webhook (no secret)',
    request: 'POST /api/webhooks (made-up signature)',
    http: forged.status,
    state: answer.rejected ? 'rejected' : 'accepted',
    details: answer.message ?? answer.received,
    ok:
      forged.status === 400 &&
      answer.rejected === 'no-matching-signature' &&
      !app.webhooks.some(received => received.data.id === 'user_forged'),
  });
  return rows;
}
