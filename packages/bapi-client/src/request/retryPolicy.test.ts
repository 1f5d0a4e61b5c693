import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, parseRetryAfter, resolveRetryOptions } from './retryPolicy';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
  ])('%s -> %d ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([[null], [''], ['soon'], ['-1']])('%j is unreadable', header => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const options = resolveRetryOptions({ baseDelayInMs: 100, maxDelayInMs: 1000 });
  it('stays within half and all of base * 2^attempt', () => {
    expect(backoffDelay(0, options, () => 0)).toBe(50);
    expect(backoffDelay(0, options, () => 0.999999)).toBe(100);
    expect(backoffDelay(2, options, () => 0)).toBe(200);
    expect(backoffDelay(2, options, () => 0.999999)).toBe(400);
  });

  it('is capped by maxDelayInMs', () => {
    expect(backoffDelay(10, options, () => 0.999999)).toBe(1000);
  });
});

describe('isRetryable', () => {
  const defaults = resolveRetryOptions();
  it('retries 429, 502, 503, 504 for GET, PUT and DELETE only', () => {
    for (const status of [429, 502, 503, 504]) {
      for (const method of ['GET', 'PUT', 'DELETE'] as const)
        expect(isRetryable(method, status, defaults)).toBe(true);
      for (const method of ['POST', 'PATCH'] as const)
        expect(isRetryable(method, status, defaults)).toBe(false);
    }
    for (const status of [200, 400, 401, 404, 422, 500, 501])
      expect(isRetryable('GET', status, defaults)).toBe(false);
  });

  it('retries POST and PATCH when the caller opts in', () => {
    const optedIn = resolveRetryOptions({ retryNonIdempotent: true });
    expect(isRetryable('POST', 503, optedIn)).toBe(true);
    expect(isRetryable('PATCH', 429, optedIn)).toBe(true);
  });
});

describe('resolveRetryOptions', () => {
  it('defaults to 2 retries and lets later layers override earlier ones', () => {
    expect(resolveRetryOptions().maxRetries).toBe(2);
    expect(resolveRetryOptions(5, { maxRetries: undefined }).maxRetries).toBe(5);
    expect(resolveRetryOptions({ maxRetries: 4 }, 0).maxRetries).toBe(0);
    expect(resolveRetryOptions(-3).maxRetries).toBe(0);
  });
});
