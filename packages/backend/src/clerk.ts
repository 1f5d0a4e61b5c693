import { type BuildTimeOptions, createAuthenticateRequest } from '@clerk/auth-state';
import {
  type BackendApiClient,
  type BackendApiClientOptions,
  type ClerkApiVersion,
  createBackendApiClient,
} from '@clerk/bapi-client';
import { withEnvironmentDefaults } from '@clerk/jwks-resolver';
import { deprecated } from '@clerk/jwt-core';

/**
 * Options of {@link Clerk}: the Backend API client's (`secretKey`, `apiUrl`, `apiVersion`, `userAgent`,
 * `fetch`, retries, timeouts) and the defaults of every `authenticateRequest` call (`publishableKey`,
 * `jwtKey`, `audience`, `proxyUrl`, `domain`, `isSatellite`, ...). Values passed to a call override these.
 */
declare const __PACKAGE_VERSION__: string;

/** Sent as `User-Agent` on Backend API calls unless the options name another. */
export const USER_AGENT = `@clerk/backend@${__PACKAGE_VERSION__}`;

export type ClerkOptions = BackendApiClientOptions & BuildTimeOptions;

/**
 * What {@link Clerk} returns: every Backend API group, `request()`, and the request-authentication functions.
 * `V` is the `clerkApiVersion` the client is built for. `authenticateRequest` has two overloads, told apart by
 * the first argument: `(request, options?)` resolves to a `CurrentRequestState`, `({ request, ...options })` to
 * the 0.x `RequestState`.
 */
export type ClerkClient<V extends ClerkApiVersion | undefined = undefined> = BackendApiClient<V> &
  ReturnType<typeof createAuthenticateRequest> & {
    /** @deprecated A copy of the options; use your own reference, or `createClerkClient(options)` again. */
    readonly __unstable_options: ClerkOptions;
  };

/**
 * Builds one Clerk client: the Backend API groups (`users`, `sessions`, `organizations`, ...), whose methods
 * resolve to `{ data, errors }`, plus `authenticateRequest`, `debugRequestState` and the interstitial
 * helpers. Each client has its own options; several clients with different secret keys never share keys,
 * caches or headers. Nothing is validated at construction: a missing secret key surfaces on first use.
 *
 * @example
 * const clerk = Clerk({ secretKey: process.env.CLERK_SECRET_KEY });
 * const { data: user, errors } = await clerk.users.getUser('user_123');
 * // The 0.x form: an options object; 0.x states (interstitial, unknown).
 * const state = await clerk.authenticateRequest({ request });
 * // The current form: the request first; current states (signed-in, signed-out, handshake) with `headers`.
 * const current = await clerk.authenticateRequest(request, { acceptsToken: 'session_token' });
 */
export function Clerk<V extends ClerkApiVersion | undefined = undefined>(
  options: ClerkOptions & {
    /** A dated Backend API version (one of `CLERK_API_VERSIONS`), sent as `Clerk-API-Version`; unset: none. */
    clerkApiVersion?: V;
  } = {},
): ClerkClient<V> {
  // Filled from the environment once, so that the Backend API client and authenticateRequest share every value.
  const copy = {
    ...options,
    ...withEnvironmentDefaults(options),
    userAgent: options.userAgent || USER_AGENT,
  };
  // an unknown clerkApiVersion throws here, naming the accepted values
  const apiClient = createBackendApiClient<V>(copy);
  const client = {
    ...apiClient,
    // `apiUrl` as given: the current form defaults to https://api.clerk.com, the 0.x form to https://api.clerk.dev.
    ...createAuthenticateRequest({ options: { ...copy, apiUrl: options.apiUrl }, apiClient }),
  } as ClerkClient<V>;
  Object.defineProperty(client, '__unstable_options', {
    enumerable: false,
    get() {
      deprecated('__unstable_options', 'Use `createClerkClient({...})` to create a new client instead.');
      return copy;
    },
  });
  return client;
}

/** The same as {@link Clerk}, under the name later versions of the SDK use. */
export const createClerkClient: typeof Clerk = Clerk;
