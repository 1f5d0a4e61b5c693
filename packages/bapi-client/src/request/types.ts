import type { ClerkApiVersion } from '../generated/versions';
import type { Operation } from './operation';

/** One error as the Backend API reports it, or as the request layer reports a failure of its own. */
export interface ClerkAPIError {
  /** The Backend API's code (`form_param_format_invalid`), or a {@link RequestErrorCode} of our own. */
  code: string;
  message: string;
  longMessage?: string;
  /** The error's `meta`, keys camelCased (`paramName`); `{}` on every Backend API error without one. */
  meta?: Record<string, unknown>;
}

/** What every Backend API method resolves to. It never rejects for anything the server or network did. */
export type ApiResult<T> =
  | {
      data: T;
      errors: null;
      /** The page's `total_count`, on every list the server answers with one. */
      totalCount?: number;
      status: number;
      clerkTraceId?: string;
    }
  | {
      data: null;
      errors: ClerkAPIError[];
      /** Never set on a failure; present so `const { data, totalCount } = await ...` type-checks. */
      totalCount?: undefined;
      status?: number;
      /** `clerk_trace_id` of the error body, else the `cf-ray` header, else `''`. */
      clerkTraceId: string;
    };

/** When failed calls are tried again. */
export interface RetryOptions {
  /** Further attempts after the first. Default 2. */
  maxRetries?: number;
  /** Also retry POST and PATCH (not idempotent). Default false. */
  retryNonIdempotent?: boolean;
  /** First backoff step when the server sends no Retry-After. Default 500 ms. */
  baseDelayInMs?: number;
  /** Longest wait; a Retry-After beyond it ends the retries. Default 10 000 ms. */
  maxDelayInMs?: number;
  /** Told before each wait, e.g. for logging. */
  onRetry?: (event: { attempt: number; status: number; delayInMs: number; fromRetryAfter: boolean }) => void;
}

/** Per-call settings; each overrides the client's. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutInMs?: number;
  retries?: number | RetryOptions;
}

export interface BackendApiClientOptions {
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** Default `https://api.clerk.dev`. */
  apiUrl?: string;
  /** A path segment. Default `v1`. */
  apiVersion?: string;
  /** Default `@clerk/backend@<version>`. */
  userAgent?: string;
  /** Called bound to `globalThis`. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default 2 retries of 429/502/503/504 for GET, PUT and DELETE. */
  retries?: number | RetryOptions;
  /** Per attempt, including reading the body. Default 30 000. */
  timeoutInMs?: number;
  /** @deprecated Merged into every request; its headers are added. */
  httpOptions?: RequestInit;
  /**
   * A dated Backend API version (one of `CLERK_API_VERSIONS`, e.g. `2026-05-12`), sent as `Clerk-API-Version`
   * on every request. Unset: no header, the API 0.x talks to. Any other value throws when the client is created.
   */
  clerkApiVersion?: ClerkApiVersion;
}

export type RequestFunction = <T>(
  operation: Operation<T>,
  pathParams: readonly string[],
  input: unknown,
  options?: CallOptions,
) => Promise<ApiResult<T>>;
