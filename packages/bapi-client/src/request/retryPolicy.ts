import type { HttpMethod } from './operation';
import type { RetryOptions } from './types';

const RETRYABLE_STATUSES = [429, 502, 503, 504];
const IDEMPOTENT_METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'DELETE'];

export type ResolvedRetryOptions = Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

export function resolveRetryOptions(
  ...layers: Array<number | RetryOptions | undefined>
): ResolvedRetryOptions {
  const resolved: ResolvedRetryOptions = {
    maxRetries: 2,
    retryNonIdempotent: false,
    baseDelayInMs: 500,
    maxDelayInMs: 10_000,
  };
  for (const layer of layers) {
    if (typeof layer === 'number') resolved.maxRetries = layer;
    else if (layer) {
      for (const [key, value] of Object.entries(layer))
        if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
    }
  }
  resolved.maxRetries = Math.max(0, Math.floor(resolved.maxRetries));
  return resolved;
}

export function isRetryable(method: HttpMethod, status: number, options: ResolvedRetryOptions): boolean {
  if (!RETRYABLE_STATUSES.includes(status)) return false;
  return IDEMPOTENT_METHODS.includes(method) || options.retryNonIdempotent;
}

/** Milliseconds to wait as the `Retry-After` header asks (delta-seconds or HTTP date); undefined if absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // an HTTP date names its weekday and month; bare numbers such as "-1" are not dates
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter: a random wait in [half, full] of base * 2^attempt, capped. */
export function backoffDelay(attempt: number, options: ResolvedRetryOptions, random = Math.random): number {
  const full = Math.min(options.maxDelayInMs, options.baseDelayInMs * 2 ** attempt);
  return Math.round(full / 2 + random() * (full / 2));
}
