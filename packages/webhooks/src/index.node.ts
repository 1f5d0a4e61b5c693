// @clerk/webhooks under the `node` export condition (Node, Deno, Bun): the same surface, HMAC on node:crypto.
import type { WebhookEvent } from './events';
import { nodeHmac } from './lib/hmac-node';
import { type VerifyWebhookOptions, verifyWebhookWith } from './verify-webhook';

export * from './public';

/**
 * Verifies a Clerk webhook delivery (Svix / Standard Webhooks `v1` signature: HMAC-SHA256 over
 * `<id>.<timestamp>.<body>`, 300 s tolerance) and returns its event. Reads the body once, as text: pass the
 * request exactly as delivered, never one rebuilt from a parsed body. Throws `WebhookVerificationError` for
 * every rejection and configuration problem.
 */
export const verifyWebhook = (request: Request, options?: VerifyWebhookOptions): Promise<WebhookEvent> =>
  verifyWebhookWith(nodeHmac, request, options);
