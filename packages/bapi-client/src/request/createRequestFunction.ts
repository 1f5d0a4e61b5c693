import { deprecated } from '@clerk/jwt-core';
import { PACKAGE_VERSION } from '../version';
import { assertClerkApiVersion, CLERK_API_VERSION_HEADER } from './apiVersion';
import { buildJsonBody, buildMultipartBody } from './buildBody';
import { buildQuery, fillPath, joinUrl } from './buildUrl';
import { decodePayload, type ResourceFor } from './decodeResponse';
import { RequestErrorCode } from './errorCodes';
import type { Operation, ResourceClass } from './operation';
import { readClerkTraceId, readErrors } from './readErrors';
import { backoffDelay, isRetryable, parseRetryAfter, resolveRetryOptions } from './retryPolicy';
import type {
  ApiResult,
  BackendApiClientOptions,
  CallOptions,
  ClerkAPIError,
  RequestFunction,
} from './types';

export const DEFAULT_API_URL = 'https://api.clerk.dev';
export const DEFAULT_API_VERSION = 'v1';
export const DEFAULT_USER_AGENT = `@clerk/backend@${PACKAGE_VERSION}`;
const DEFAULT_TIMEOUT_IN_MS = 30_000;
const MISSING_SECRET_KEY =
  'Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com and get your key for your instance.';

type Attempt = { response: Response; text: string } | { failure: ClerkAPIError };

/**
 * The one function every endpoint class calls. Options are read at call time, as in 0.x; an unknown
 * `clerkApiVersion` throws here, at creation.
 */
export function createRequestFunction(clientOptions: BackendApiClientOptions = {}): RequestFunction {
  const options = { ...clientOptions };
  assertClerkApiVersion(options.clerkApiVersion);
  if (options.apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  if (options.httpOptions) deprecated('httpOptions', 'Use `fetch`, `timeoutInMs` or a per-call `signal`.');

  return async function request<T>(
    operation: Operation<T>,
    pathParams: readonly string[],
    input: unknown,
    callOptions: CallOptions = {},
  ): Promise<ApiResult<T>> {
    const secretKey = options.secretKey || options.apiKey;
    if (typeof secretKey !== 'string' || secretKey === '') throw new Error(MISSING_SECRET_KEY);
    const path = fillPath(operation.path, pathParams);

    const query = operation.input === 'query' ? buildQuery(input, operation.commaSeparated) : '';
    const url =
      joinUrl(options.apiUrl ?? DEFAULT_API_URL, options.apiVersion ?? DEFAULT_API_VERSION, path) + query;
    const multipart = operation.input === 'multipart';
    let body: BodyInit | undefined;
    if (operation.method !== 'GET' && operation.input === 'json') body = buildJsonBody(input);
    if (multipart) body = buildMultipartBody(input);

    const headers = new Headers(options.httpOptions?.headers);
    headers.set('Authorization', `Bearer ${secretKey}`);
    headers.set('User-Agent', options.userAgent ?? DEFAULT_USER_AGENT);
    if (!multipart) headers.set('Content-Type', 'application/json');
    if (options.clerkApiVersion) headers.set(CLERK_API_VERSION_HEADER, options.clerkApiVersion);
    const init: RequestInit = { ...options.httpOptions, method: operation.method, headers, body };

    const retry = resolveRetryOptions(options.retries, callOptions.retries);
    const timeoutInMs = callOptions.timeoutInMs ?? options.timeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    const signal = callOptions.signal ?? options.httpOptions?.signal ?? undefined;
    const fetchImpl = options.fetch ?? globalThis.fetch;

    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce(fetchImpl, url, init, timeoutInMs, signal);
      if ('failure' in outcome) return { data: null, errors: [outcome.failure], clerkTraceId: '' };
      const { response } = outcome;
      if (attempt < retry.maxRetries && isRetryable(operation.method, response.status, retry)) {
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        if (asked === undefined || asked <= retry.maxDelayInMs) {
          const delayInMs = asked ?? backoffDelay(attempt, retry);
          retry.onRetry?.({
            attempt: attempt + 1,
            status: response.status,
            delayInMs,
            fromRetryAfter: asked !== undefined,
          });
          if (await waitUnlessAborted(delayInMs, signal)) continue;
          return { data: null, errors: [abortedError()], clerkTraceId: '' };
        }
      }
      return toResult(operation, outcome.response, outcome.text);
    }
  };
}

/** One fetch plus reading the body, under one timeout; never throws. */
async function attemptOnce(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutInMs: number,
  signal: AbortSignal | undefined,
): Promise<Attempt> {
  if (signal?.aborted) return { failure: abortedError() };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutInMs);
  const forwardAbort = () => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    // bound to globalThis: Workers' fetch throws "Illegal invocation" on any other receiver
    const response = await fetchImpl.call(globalThis, url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { response, text };
  } catch (error) {
    if (timedOut) {
      return {
        failure: {
          code: RequestErrorCode.Timeout,
          message: `The Backend API did not answer within ${timeoutInMs} ms.`,
        },
      };
    }
    if (signal?.aborted) return { failure: abortedError() };
    return { failure: networkError(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function toResult<T>(operation: Operation<T>, response: Response, text: string): ApiResult<T> {
  const isJson = isJsonMediaType(response.headers.get('content-type'));
  let payload: unknown = text;
  if (isJson && text !== '') {
    try {
      payload = JSON.parse(text);
    } catch {
      return {
        data: null,
        status: response.status,
        clerkTraceId: readClerkTraceId(undefined, response.headers) ?? '',
        errors: [
          {
            code: RequestErrorCode.UnparsableResponse,
            message: `The Backend API answered ${response.status} with a body declared JSON that does not parse.`,
            longMessage: text.slice(0, 500),
          },
        ],
      };
    }
  }
  const clerkTraceId = readClerkTraceId(payload, response.headers);
  // a failed result always has a trace id, '' when the response carries none (as 0.x's error had)
  const failedTraceId = clerkTraceId ?? '';
  if (!response.ok) {
    return {
      data: null,
      status: response.status,
      clerkTraceId: failedTraceId,
      errors: readErrors(payload, response.status, response.statusText),
    };
  }
  if (!isJson && text !== '' && !operation.text) {
    return {
      data: null,
      status: response.status,
      clerkTraceId: failedTraceId,
      errors: [
        {
          code: RequestErrorCode.UnexpectedResponse,
          message: `The Backend API answered ${response.status} with ${response.headers.get('content-type') ?? 'no content type'} where JSON was expected.`,
          longMessage: text.slice(0, 500),
        },
      ],
    };
  }
  try {
    const decoded = text === '' && !operation.text ? { data: null } : decodeWith(operation, payload);
    const result: ApiResult<T> = { data: decoded.data as T, errors: null, status: response.status };
    if (decoded.totalCount !== undefined) result.totalCount = decoded.totalCount;
    if (clerkTraceId !== undefined) result.clerkTraceId = clerkTraceId;
    return result;
  } catch (error) {
    return {
      data: null,
      status: response.status,
      clerkTraceId: failedTraceId,
      errors: [{ code: RequestErrorCode.UnexpectedError, message: errorMessage(error) }],
    };
  }
}

function decodeWith({ resource, strict, listKey }: Operation<unknown>, payload: unknown) {
  const candidates: readonly ResourceClass[] = resource === undefined ? [] : [resource].flat();
  const resourceFor: ResourceFor = objectType =>
    candidates.find(
      candidate =>
        !candidate.objectTypes ||
        (objectType === undefined && !strict) ||
        candidate.objectTypes.includes(String(objectType)),
    );
  return decodePayload(payload, resourceFor, listKey);
}

/** Any JSON media type, including `application/json; charset=utf-8` and `application/problem+json`. */
function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'))
  );
}

/** Resolves true after the wait, or false as soon as the signal aborts. */
function waitUnlessAborted(delayInMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise(resolve => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, delayInMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(): ClerkAPIError {
  return { code: RequestErrorCode.Aborted, message: 'The request was aborted by its AbortSignal.' };
}

function networkError(error: unknown): ClerkAPIError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail = [cause?.code, cause?.message].filter(part => typeof part === 'string' && part).join(': ');
  return {
    code: RequestErrorCode.NetworkError,
    message: errorMessage(error),
    ...(detail ? { longMessage: detail } : {}),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
