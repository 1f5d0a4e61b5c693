import type { ClerkApiVersion } from '../generated/versions';
import type { Operation } from './operation';

/** One error as the Backend API reports it, or as the request layer reports a failure of its own. */
export interface ClerkAPIError {
  /** The Backend API's code (`form_param_format_invalid`), or a {@link RequestErrorCode} of our own. */
  code: string;
  /** A short sentence saying what failed (the error's `message`). */
  message: string;
  /** A longer explanation when there is one (the error's `long_message`; the start of the body for our own). */
  longMessage?: string;
  /** The error's `meta`, keys camelCased (`paramName`); `{}` on every Backend API error without one. */
  meta?: Record<string, unknown>;
}

/** What every Backend API method resolves to. It never rejects for anything the server or network did. */
export type ApiResult<T> =
  | {
      /** The response, as resource classes where the operation has them. */
      data: T;
      /** Always `null` on a success. */
      errors: null;
      /** The page's `total_count`, on every list the server answers with one. */
      totalCount?: number;
      /** The HTTP status of the response. */
      status: number;
      /** `clerk_trace_id` of the body, else the `cf-ray` header, when the response carries either. */
      clerkTraceId?: string;
    }
  | {
      /** Always `null` on a failure. */
      data: null;
      /** What went wrong: the Backend API's errors, or one entry with a {@link RequestErrorCode} of our own. */
      errors: ClerkAPIError[];
      /** Never set on a failure; present so `const { data, totalCount } = await ...` type-checks. */
      totalCount?: undefined;
      /** The HTTP status of the response; absent when none arrived (network failure, timeout, abort). */
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
  /** Aborting it ends the call (and any wait before a retry) with an error result; it never rejects. */
  signal?: AbortSignal;
  /** Per attempt, including reading the body, in milliseconds; overrides the client's `timeoutInMs`. */
  timeoutInMs?: number;
  /** Further attempts after the first (a number), or the full retry settings; overrides the client's. */
  retries?: number | RetryOptions;
}

/** The settings of `createBackendApiClient`. */
export interface BackendApiClientOptions {
  /**
   * The instance's secret key (`sk_...`), sent as `Authorization: Bearer <secretKey>`. Without it (or `apiKey`)
   * every call throws `Missing Clerk Secret Key or API Key...`.
   */
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
