import { ApiError } from './api/api-error';

export interface RateLimitOptions {
  /** Seconds sent in `Retry-After` (default 1). */
  retryAfterSeconds?: number;
  /** Only requests whose path starts with this are affected (default `/v1/`, the whole Backend API). */
  pathPrefix?: string;
}

export interface ServerErrorOptions {
  /** 500-599 (default 503). */
  status?: number;
  /** Only requests whose path starts with this are affected (default `/v1/`, the whole Backend API). */
  pathPrefix?: string;
}

interface PendingFault {
  remaining: number;
  pathPrefix: string;
  error: () => ApiError;
}

/** Switches that make the instance misbehave on purpose, for testing retries, timeouts and outages. */
export class FaultSwitches {
  #latencyMs = 0;
  #jwksDown = false;
  #pending: PendingFault[] = [];

  /** Delays every response by this many milliseconds (0 turns it off). */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('latency must be a non-negative number of milliseconds');
    this.#latencyMs = ms;
  }

  /** The next `times` matching requests get 429 with `Retry-After`. */
  rateLimitNext(times: number, options: RateLimitOptions = {}): void {
    const retryAfter = options.retryAfterSeconds ?? 1;
    this.#queue(
      times,
      options.pathPrefix,
      () =>
        new ApiError(
          429,
          [
            {
              code: 'too_many_requests',
              message: 'Too many requests',
              long_message: 'Too many requests, retry later.',
            },
          ],
          { 'retry-after': String(retryAfter) },
        ),
    );
  }

  /** The next `times` matching requests fail with a 5xx (a burst of server errors). */
  failNext(times: number, options: ServerErrorOptions = {}): void {
    const status = options.status ?? 503;
    if (!Number.isInteger(status) || status < 500 || status > 599)
      throw new RangeError('status must be 500-599');
    this.#queue(
      times,
      options.pathPrefix,
      () =>
        new ApiError(status, [
          {
            code: 'internal_clerk_error',
            message: 'Oops, an unexpected error occurred',
            long_message:
              "There was an internal error on our servers. We've been notified and are working on fixing it.",
          },
        ]),
    );
  }

  /** While down, `/v1/jwks` and `/.well-known/jwks.json` answer 503. */
  setJwksDown(down: boolean): void {
    this.#jwksDown = down;
  }

  /** Turns every switch off. */
  clear(): void {
    this.#latencyMs = 0;
    this.#jwksDown = false;
    this.#pending = [];
  }

  /** The current added latency, in milliseconds. */
  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** Whether both JWKS endpoints answer 503. */
  get jwksDown(): boolean {
    return this.#jwksDown;
  }

  /** The queued fault this request consumes, if any (first queued, first served). */
  takeFor(path: string): ApiError | null {
    const fault = this.#pending.find(candidate => path.startsWith(candidate.pathPrefix));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#pending = this.#pending.filter(candidate => candidate !== fault);
    return fault.error();
  }

  #queue(times: number, pathPrefix: string | undefined, error: () => ApiError): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
    this.#pending.push({ remaining: times, pathPrefix: pathPrefix ?? '/v1/', error });
  }
}
