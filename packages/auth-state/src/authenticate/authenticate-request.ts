import { withEnvironmentDefaults } from '@clerk/jwks-resolver';
import { authenticateCurrentRequest } from '../handshake/authenticate';
import type { CurrentAuthenticateOptions } from '../handshake/options';
import { currentApiUrl } from '../handshake/resolve-options';
import { assertReadablePublishableKey } from '../lib/publishable-key';
import { AuthErrorReason } from '../states/auth-status';
import { signedOut } from '../states/build-states';
import type { CurrentRequestState } from '../states/current-states';
import type { RequestState } from '../states/request-state';
import { cookieRules } from './cookie-rules';
import { stateFromError } from './map-error';
import type { AuthenticateRequestOptions, NormalizedOptions } from './options';
import { type InstanceDefaults, readRequest } from './read-request';
import { buildSignedInState } from './signed-in-state';
import { validateOptions } from './validate-options';
import { verifySessionToken } from './verify-session-token';

/** The Authorization header flow: verify the bearer token; no browser, origin or cookie checks. */
async function authenticateHeaderToken(options: NormalizedOptions): Promise<RequestState> {
  const token = options.headerToken as string;
  try {
    const claims = await verifySessionToken(token, options);
    return await buildSignedInState(options, claims, token);
  } catch (error) {
    return stateFromError(error, 'header', options);
  }
}

/** The cookie flow: the ordered rules, the first state returned wins. */
async function authenticateCookies(options: NormalizedOptions): Promise<RequestState> {
  try {
    for (const rule of cookieRules) {
      const result = rule(options);
      // Only the last rule is asynchronous; awaiting the others would cost a tick each.
      const state = result instanceof Promise ? await result : result;
      if (state) return state;
    }
    return signedOut(options, AuthErrorReason.UnexpectedError);
  } catch (error) {
    return stateFromError(error, 'cookie', options);
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
    const instance = { ...withEnvironmentDefaults(options), apiUrl: currentApiUrl(options) };
    return authenticateCurrentRequest(first, options, instance);
  }
  return authenticateWithInstance(first, withEnvironmentDefaults(first));
}

/** `authenticateRequest` for a call merged with instance values (the factory's build-time options). */
export async function authenticateWithInstance(
  call: AuthenticateRequestOptions,
  instance: InstanceDefaults,
): Promise<RequestState> {
  const options = readRequest(call, instance);
  validateOptions(options);
  assertReadablePublishableKey(options.publishableKey);
  return options.headerToken ? authenticateHeaderToken(options) : authenticateCookies(options);
}
