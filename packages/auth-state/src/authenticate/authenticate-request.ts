import { withEnvironmentDefaults } from '@clerk/jwks-resolver';
import { authenticateCurrentRequest } from '../handshake/authenticate';
import type { AcceptsToken, CurrentAuthenticateOptions } from '../handshake/options';
import { type CurrentInstance, currentApiUrl } from '../handshake/resolve-options';
import { assertReadablePublishableKey } from '../lib/publishable-key';
import type { CurrentRequestState } from '../states/current-states';
import type { RequestState } from '../states/request-state';
import { hasValidCookieToken, synchronousCookieRules } from './cookie-rules';
import { stateFromError } from './map-error';
import type { AuthenticateRequestOptions, NormalizedOptions } from './options';
import { type InstanceDefaults, readRequest } from './read-request';
import { verifiedState } from './signed-in-state';
import { validateOptions } from './validate-options';

// The flows chain `then` rather than `await`: each `await` and each `async` boundary costs ticks on a path that
// is otherwise a few microseconds. Neither throws; every failure becomes a state.

/** The Authorization header flow: verify the bearer token; no browser, origin or cookie checks. */
function authenticateHeaderToken(options: NormalizedOptions): Promise<RequestState> {
  return verifiedState(options, options.headerToken as string, error =>
    stateFromError(error, 'header', options),
  );
}

/** The cookie flow: rules 1-9, the first state returned wins, else rule 10 verifies the cookie. */
function authenticateCookies(options: NormalizedOptions): Promise<RequestState> {
  const fail = (error: unknown) => stateFromError(error, 'cookie', options);
  try {
    const state = synchronousCookieRules(options);
    return state ? Promise.resolve(state) : hasValidCookieToken(options, fail);
  } catch (error) {
    return Promise.resolve(fail(error));
  }
}

/**
 * Whether the first argument is a request (the current call form): an object with a string `url`, a string
 * `method` and `headers.get`, not `instanceof Request`, which fails across realms and polyfills. A 0.x options
 * object never has its own `url` and `headers.get`.
 */
export function isRequestLike(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  // The common case, without reading `url` (a getter that serialises the URL on every read).
  if (typeof Request === 'function' && value instanceof Request) return true;
  const { url, method, headers } = value as { url?: unknown; method?: unknown; headers?: { get?: unknown } };
  return typeof url === 'string' && typeof method === 'string' && typeof headers?.get === 'function';
}

/**
 * The current call form: signed in (session or machine token), signed out, or `handshake` (redirect the
 * browser with `headers`). Rejects only for configuration errors (keys, satellite setup, patterns). Options
 * that are not given come from the `CLERK_*` environment variables (`env`, else `process.env`).
 */
export function authenticateRequest<const A extends AcceptsToken>(
  request: Request,
  options: CurrentAuthenticateOptions & {
    /** Which tokens authenticate the request; the state's `tokenType` and `toAuth()` are typed for it. */
    acceptsToken: A;
  },
): Promise<CurrentRequestState<A>>;
/** The current call form without `acceptsToken`: session tokens only (its default). */
export function authenticateRequest(
  request: Request,
  options?: CurrentAuthenticateOptions & {
    /** Unset: session tokens only. */
    acceptsToken?: undefined;
  },
): Promise<CurrentRequestState<'session_token'>>;
/** The current call form, with options whose `acceptsToken` is not known until run time. */
export function authenticateRequest(
  request: Request,
  options?: CurrentAuthenticateOptions,
): Promise<CurrentRequestState>;
/**
 * The 0.x call form: decides whether a request is signed in, signed out, needs the interstitial, or carries a
 * token the client must refresh. Rejects only for configuration errors (missing secret key, bad satellite
 * setup, a malformed publishable key). Options that are not given come from the `CLERK_*` environment
 * variables (`env`, else `process.env`).
 */
export function authenticateRequest(options: AuthenticateRequestOptions): Promise<RequestState>;
export function authenticateRequest(
  first: Request | AuthenticateRequestOptions,
  second?: CurrentAuthenticateOptions,
): Promise<CurrentRequestState | RequestState> {
  if (isRequestLike(first)) {
    const options = second ?? {};
    // A store into the fresh object rather than `{ ...defaults, apiUrl }`: the same keys in the same order,
    // without the cost of a spread followed by a property (microseconds on Node 20).
    const instance: CurrentInstance = withEnvironmentDefaults(options);
    instance.apiUrl = currentApiUrl(options);
    return authenticateCurrentRequest(first, options, instance);
  }
  return authenticateWithInstance(first, withEnvironmentDefaults(first));
}

/**
 * `authenticateRequest` for a call merged with instance values (the factory's build-time options). Not `async`
 * (see the flows above), but it never throws: configuration errors reject.
 */
export function authenticateWithInstance(
  call: AuthenticateRequestOptions,
  instance: InstanceDefaults,
): Promise<RequestState> {
  let options: NormalizedOptions;
  try {
    options = readRequest(call, instance);
    validateOptions(options);
    assertReadablePublishableKey(options.publishableKey);
  } catch (error) {
    return Promise.reject(error);
  }
  return options.headerToken ? authenticateHeaderToken(options) : authenticateCookies(options);
}
