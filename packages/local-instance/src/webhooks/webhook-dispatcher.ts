import { createHmac, randomBytes } from 'node:crypto';
import { newId } from '../lib/ids';

/** One URL the instance POSTs its events to. */
export interface WebhookEndpoint {
  /** `ep_...` */
  id: string;
  /** Where its deliveries are POSTed. */
  url: string;
  /** The `whsec_...` secret its deliveries are signed with (pass it to `verifyWebhook` as `signingSecret`). */
  secret: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** One POST of a delivery. */
export interface WebhookAttempt {
  /** The `svix-timestamp` sent (epoch seconds): fresh on every attempt, and so is the signature. */
  timestamp: number;
  /** The `svix-signature` sent. */
  signature: string;
  /** The endpoint's HTTP status; `null` when no answer came (connection refused, timeout, instance stopped). */
  status: number | null;
  /** Why no answer came. */
  error?: string;
}

/** One event sent to one endpoint, with every attempt. */
export interface WebhookDelivery {
  /** The `svix-id`, the same on every attempt (receivers deduplicate on it). */
  id: string;
  /** The `id` of the endpoint it goes to. */
  endpointId: string;
  /** The endpoint's URL it is POSTed to. */
  url: string;
  /** The event type, e.g. `user.created`. */
  type: string;
  /** The exact JSON body that was signed and sent. */
  body: string;
  /** `pending` while attempts remain, `delivered` after a 2xx, `failed` when the retries ran out. */
  status: 'pending' | 'delivered' | 'failed';
  /** Every POST so far, oldest first. */
  attempts: WebhookAttempt[];
}

export interface WebhookDispatcherOptions {
  /** The default signing secret of new endpoints. */
  signingSecret: string;
  /** Pauses before each retry; its length bounds the retries. */
  retryDelaysMs: readonly number[];
  /** The `instance_id` of the events. */
  instanceId: string;
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const DELIVERY_LOG_LIMIT = 1000;
const SECRET_FORMAT = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A random `whsec_` secret of 24 bytes, the size Svix issues. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/** Throws unless `secret` is `whsec_` + standard padded base64 of at least one byte. */
export function assertWebhookSecret(secret: string): void {
  if (!SECRET_FORMAT.test(secret) || secret === 'whsec_')
    throw new TypeError('A webhook signing secret is whsec_ followed by standard, padded base64');
}

/** Throws unless `url` is an absolute http(s) URL. */
export function assertWebhookUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`A webhook URL must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new TypeError(`A webhook URL must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
}

/** `v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<body>")>`, as Svix signs. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

// fetch rejects with "fetch failed"; the cause says what happened (ECONNREFUSED, ...).
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/**
 * Signs and POSTs every event to every endpoint, as Clerk (through Svix) does: `svix-id`, `svix-timestamp`
 * and `svix-signature` headers, a non-2xx answer or no answer retried after each of `retryDelaysMs`. Events
 * reach one endpoint in the order they happened (the next waits for the previous delivery to finish).
 */
export class WebhookDispatcher {
  readonly endpoints = new Map<string, WebhookEndpoint>();
  readonly deliveries: WebhookDelivery[] = [];
  readonly #options: WebhookDispatcherOptions;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stop = new AbortController();

  constructor(options: WebhookDispatcherOptions) {
    for (const delay of options.retryDelaysMs)
      if (!Number.isFinite(delay) || delay < 0)
        throw new RangeError('webhookRetryDelaysMs must hold non-negative numbers');
    if (options.retryDelaysMs.length > 10)
      throw new RangeError('webhookRetryDelaysMs allows at most 10 retries');
    assertWebhookSecret(options.signingSecret);
    this.#options = options;
  }

  get signingSecret(): string {
    return this.#options.signingSecret;
  }

  addEndpoint(url: string, secret: string = this.#options.signingSecret): WebhookEndpoint {
    assertWebhookUrl(url);
    assertWebhookSecret(secret);
    const endpoint = { id: newId('ep'), url, secret, createdAt: Date.now() };
    this.endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  removeEndpoint(id: string): boolean {
    return this.endpoints.delete(id);
  }

  /** Queues `type` with `data` (the resource's Backend API JSON) for every endpoint registered now. */
  emit(type: string, data: Record<string, unknown>): void {
    if (this.#stop.signal.aborted || this.endpoints.size === 0) return;
    // Key order as Clerk sends it.
    const body = JSON.stringify({
      data,
      event_attributes: { http_request: { client_ip: '127.0.0.1', user_agent: 'clerk-local-instance' } },
      instance_id: this.#options.instanceId,
      object: 'event',
      timestamp: Date.now(),
      type,
    });
    for (const endpoint of this.endpoints.values()) {
      const delivery: WebhookDelivery = {
        id: newId('msg'),
        endpointId: endpoint.id,
        url: endpoint.url,
        type,
        body,
        status: 'pending',
        attempts: [],
      };
      this.deliveries.push(delivery);
      if (this.deliveries.length > DELIVERY_LOG_LIMIT)
        this.deliveries.splice(0, this.deliveries.length - DELIVERY_LOG_LIMIT);
      const previous = this.#queues.get(endpoint.id) ?? Promise.resolve();
      // Never rejects: one broken delivery must not stop the queue behind it.
      const next = previous
        .then(() => this.#deliver(endpoint, delivery))
        .catch(() => {
          delivery.status = 'failed';
        })
        .then(() => {
          this.#inFlight.delete(next);
        });
      this.#queues.set(endpoint.id, next);
      this.#inFlight.add(next);
    }
  }

  /** Resolves once every queued delivery has succeeded or run out of retries (including ones queued meanwhile). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  /** Ends pending deliveries (they are marked `failed`) and accepts no new events. */
  stop(): void {
    this.#stop.abort();
  }

  async #deliver(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<void> {
    const delays = this.#options.retryDelaysMs;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await this.#pause(delays[attempt - 1]!);
      if (this.#stop.signal.aborted) {
        delivery.status = 'failed';
        return;
      }
      const record = await this.#attempt(endpoint, delivery);
      delivery.attempts.push(record);
      if (record.status !== null && record.status >= 200 && record.status < 300) {
        delivery.status = 'delivered';
        return;
      }
    }
    delivery.status = 'failed';
  }

  async #attempt(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<WebhookAttempt> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signWebhook(endpoint.secret, delivery.id, timestamp, delivery.body);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timed out')), ATTEMPT_TIMEOUT_MS);
    const onStop = () => controller.abort(new Error('the instance stopped'));
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'clerk-local-instance (Svix-compatible webhooks)',
          'svix-id': delivery.id,
          'svix-timestamp': String(timestamp),
          'svix-signature': signature,
        },
        body: delivery.body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return { timestamp, signature, status: response.status };
    } catch (error) {
      return {
        timestamp,
        signature,
        status: null,
        error: failureText(controller.signal.aborted ? controller.signal.reason : error),
      };
    } finally {
      clearTimeout(timer);
      this.#stop.signal.removeEventListener('abort', onStop);
    }
  }

  #pause(ms: number): Promise<void> {
    return new Promise(resolve => {
      const done = () => {
        clearTimeout(timer);
        this.#stop.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#stop.signal.addEventListener('abort', done, { once: true });
    });
  }
}
