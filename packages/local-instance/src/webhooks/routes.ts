import { notFound, paramInvalid } from '../api/api-error';
import { acceptOnly, optionalString, requiredString } from '../api/params';
import type { Router } from '../api/router';
import {
  assertWebhookSecret,
  assertWebhookUrl,
  type WebhookDelivery,
  type WebhookEndpoint,
} from './webhook-dispatcher';

const endpointJson = (endpoint: WebhookEndpoint) => ({
  object: 'webhook_endpoint',
  id: endpoint.id,
  url: endpoint.url,
  secret: endpoint.secret,
  created_at: endpoint.createdAt,
});

const deliveryJson = (delivery: WebhookDelivery) => ({
  object: 'webhook_delivery',
  id: delivery.id,
  endpoint_id: delivery.endpointId,
  url: delivery.url,
  type: delivery.type,
  status: delivery.status,
  body: delivery.body,
  attempts: delivery.attempts,
});

/** Local-only routes (no Clerk counterpart: Clerk's endpoints live in the Dashboard): endpoints and the log. */
export function registerWebhookRoutes(router: Router): void {
  router
    .add('GET', '/v1/local/webhook_endpoints', ({ ctx }) =>
      [...ctx.webhooks.endpoints.values()].map(endpointJson),
    )
    .add('POST', '/v1/local/webhook_endpoints', ({ body, ctx }) => {
      acceptOnly(body, ['url', 'secret']);
      const url = requiredString(body, 'url');
      const secret = optionalString(body, 'secret');
      try {
        assertWebhookUrl(url);
      } catch (error) {
        throw paramInvalid('url', (error as Error).message);
      }
      if (secret !== undefined) {
        try {
          assertWebhookSecret(secret);
        } catch (error) {
          throw paramInvalid('secret', (error as Error).message);
        }
      }
      return endpointJson(ctx.webhooks.addEndpoint(url, secret));
    })
    .add('DELETE', '/v1/local/webhook_endpoints/:endpoint_id', ({ params, ctx }) => {
      if (!ctx.webhooks.removeEndpoint(params.endpoint_id!)) throw notFound('webhook endpoint');
      return { object: 'webhook_endpoint', id: params.endpoint_id, deleted: true };
    })
    .add('GET', '/v1/local/webhook_deliveries', ({ ctx }) => ctx.webhooks.deliveries.map(deliveryJson));
}
