import { FETCH_RETRIES, FETCH_TIMEOUT_IN_MS, LOAD_TIMEOUT_IN_MS, RETRY_DELAY_IN_MS } from '../constants';
import { keySourceError, type VerifyTokenError } from '../errors';
import type { FetchFunction, JwksOptions } from '../options';

/** What a JWKS request needs to know about its source. */
export interface JwksRequest {
  url: string;
  /** Sent as `Authorization: Bearer …` to the Backend API; proxies and issuers get no custom headers. */
  secretKey?: string;
  /** Sent as `Clerk-API-Version` to the Backend API when set. */
  clerkApiVersion?: string;
}

/** The signing keys of a JWKS response by `kid`; at most this many are kept. */
export type KeySet = Map<string, JsonWebKey>;
const MAX_KEYS = 64;

const failedToLoad = (message: string) => keySourceError('jwk-remote-failed-to-load', message);
const loadError = (url: string, detail: string) =>
  failedToLoad(`Error loading Clerk JWKS from ${url}${detail}`);

// Failures after which another attempt may help: network errors, timeouts and 5xx.
const retryable = new WeakSet<object>();
const worthRetrying = (error: VerifyTokenError) => {
  retryable.add(error);
  return error;
};

/** The option as a whole number from 0 to 10 (so Infinity is 10); NaN or none gives the default. */
const retryBound = (retries: number | undefined) =>
  retries === undefined || Number.isNaN(retries)
    ? FETCH_RETRIES
    : Math.min(10, Math.max(0, Math.floor(retries)));

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Loads a JWKS: each attempt bounded by a timeout, retried with doubling waits only after network errors,
 * timeouts and 5xx, at most `jwksFetchRetries` times, all within one deadline (`jwksLoadTimeoutInMs`).
 * Rejects with a key-source `VerifyTokenError`.
 */
export async function loadJwks(request: JwksRequest, options: JwksOptions): Promise<KeySet> {
  const retries = retryBound(options.jwksFetchRetries);
  const delay = options.jwksRetryDelayInMs ?? RETRY_DELAY_IN_MS;
  const budget = options.jwksLoadTimeoutInMs ?? 0;
  // NaN, zero or negative would leave no time at all; they mean the default.
  const deadline = Date.now() + (budget > 0 ? budget : LOAD_TIMEOUT_IN_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptLoad(request, options, deadline - Date.now());
    } catch (error) {
      const wait = delay * 2 ** attempt;
      if (!retryable.has(error as object) || attempt >= retries || Date.now() + wait >= deadline) throw error;
      await sleep(wait);
    }
  }
}

async function attemptLoad(request: JwksRequest, options: JwksOptions, remaining: number): Promise<KeySet> {
  const timeout = Math.min(options.jwksFetchTimeoutInMs ?? FETCH_TIMEOUT_IN_MS, remaining);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Races the signal too, so a `fetch` that ignores it still cannot hang verification.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(worthRetrying(loadError(request.url, `: no response within ${timeout} ms.`)));
    }, timeout);
  });
  try {
    return await Promise.race([fetchKeys(request, options.fetch, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchKeys(request: JwksRequest, fetchOption: FetchFunction | undefined, signal: AbortSignal) {
  const fetchImpl = fetchOption ?? (globalThis.fetch as FetchFunction);
  const headers: Record<string, string> = request.secretKey
    ? { Authorization: `Bearer ${request.secretKey}`, 'Content-Type': 'application/json' }
    : {};
  if (request.clerkApiVersion) headers['Clerk-API-Version'] = request.clerkApiVersion;
  let response: Response;
  let body: string;
  try {
    response = await fetchImpl.call(globalThis, request.url, { method: 'GET', headers, signal });
    body = await response.text();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw worthRetrying(loadError(request.url, `: ${cause}`));
  }
  if (!response.ok) throw statusFailure(request, response.status, body);
  return keySetOf(request.url, body);
}

function statusFailure(request: JwksRequest, status: number, body: string): VerifyTokenError {
  const invalidKey = request.secretKey ? invalidSecretKeyMessage(body) : undefined;
  if (invalidKey !== undefined) return keySourceError('secret-key-invalid', invalidKey);
  const error = loadError(request.url, ` with code=${status}`);
  return status >= 500 ? worthRetrying(error) : error;
}

/** The message of a `clerk_key_invalid` entry in a Backend API error body, if there is one. */
function invalidSecretKeyMessage(body: string): string | undefined {
  const errors = parseJson(body)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const entry = errors.find(e => e && typeof e === 'object' && e.code === 'clerk_key_invalid');
  return entry ? String(entry.message ?? '') : undefined;
}

function parseJson(body: string): Record<string, any> | undefined {
  try {
    const value = JSON.parse(body);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function keySetOf(url: string, body: string): KeySet {
  const json = parseJson(body);
  if (!json) {
    throw loadError(url, ': the response is not JSON.');
  }
  const keys = new Map<string, JsonWebKey>();
  const listed: unknown[] = Array.isArray(json.keys) ? json.keys : [];
  for (const key of listed) {
    if (keys.size >= MAX_KEYS) break;
    if (key && typeof key === 'object' && typeof (key as { kid?: unknown }).kid === 'string') {
      keys.set((key as { kid: string }).kid, key as JsonWebKey);
    }
  }
  if (keys.size === 0) {
    throw failedToLoad('The JWKS endpoint did not contain any signing keys. Contact support@clerk.com.');
  }
  return keys;
}
