import type { JwksTuningOptions } from '@clerk/jwks-resolver';
import { deprecated } from '@clerk/jwt-core';
import type { AuthStateApiClient } from '../api-client';
import { constants, DEFAULT_API_URL, DEFAULT_API_VERSION } from '../constants';
import { isDevelopmentSecretKey, isProductionSecretKey } from '../lib/instance-type';
import { frontendApiOf } from '../lib/publishable-key';
import { parseCookies } from '../request/cookies';
import { type RequestHeaders, readFlowHeaders } from '../request/headers';
import type { AuthenticateRequestOptions, NormalizedOptions } from './options';

const { Cookies } = constants;
// The only two cookies the 0.x form reads, found in one pass over the `Cookie` header.
const SESSION_COOKIES = [Cookies.Session, Cookies.ClientUat];

/** The rejection for a request whose headers have no `get()`: a Node `IncomingMessage`, most likely. */
export const NOT_A_FETCH_REQUEST =
  '`request` must be a Fetch API Request (its headers need a get() method); this looks like a Node.js ' +
  "IncomingMessage. Convert it first with toWebRequest(req) from '@clerk/backend/node'.";

/**
 * Instance-level values: the factory's build-time options, or the environment for a standalone call. Its JWKS
 * tuning fills in what the call leaves `undefined`.
 */
export interface InstanceDefaults extends JwksTuningOptions {
  secretKey?: string;
  apiKey?: string;
  jwtKey?: string;
  audience?: string | string[];
  frontendApi?: string;
  proxyUrl?: string;
  publishableKey?: string;
  isSatellite?: boolean;
  domain?: string;
  /** When set, they win over the call's (the factory pins the API location). */
  apiUrl?: string;
  apiVersion?: string;
  /** Sent as `Clerk-API-Version` on the JWKS request unless the call names another. */
  clerkApiVersion?: string;
  apiClient?: AuthStateApiClient;
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
}

/**
 * A request value: with a request, the explicit value when truthy, else what the request's headers say; without
 * one, the explicit value exactly as given (`''` included), as in 0.x.
 */
const requestValue = (
  explicit: string | undefined,
  headers: RequestHeaders | undefined,
  read: string | undefined,
) => (headers ? explicit || read : explicit);

/**
 * Merges the call with the instance (a call value wins when truthy), reads the request (explicit values win
 * over headers and cookies; headers no rule of this request reads are left to `withRequestHeaders`) and applies
 * the defaults, in the reference's order. Built as one fixed-shape object, since it runs on every request.
 */
export function readRequest(call: AuthenticateRequestOptions, instance: InstanceDefaults): NormalizedOptions {
  const { request } = call;
  if (request && typeof (request as Partial<Request>).headers?.get !== 'function')
    throw new TypeError(NOT_A_FETCH_REQUEST);
  const secretKey = call.secretKey || instance.secretKey || call.apiKey || instance.apiKey || '';
  const apiKey = call.apiKey || instance.apiKey;
  const frontendApi = call.frontendApi || instance.frontendApi;
  const publishableKey = call.publishableKey || instance.publishableKey;
  if (frontendApi) deprecated('frontendApi', 'Use `publishableKey` instead.');
  if (apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  const isDevelopment = isDevelopmentSecretKey(secretKey);
  const isSatellite = call.isSatellite || instance.isSatellite;
  const headers = request ? readFlowHeaders(request.headers, isDevelopment || !!isSatellite) : undefined;
  const [sessionCookie, clientUatCookie] = parseCookies(headers?.cookie, SESSION_COOKIES);
  return {
    request,
    secretKey,
    apiKey,
    publishableKey,
    frontendApi: frontendApiOf(publishableKey, frontendApi),
    apiUrl: instance.apiUrl || call.apiUrl || DEFAULT_API_URL,
    apiVersion: instance.apiVersion || call.apiVersion || DEFAULT_API_VERSION,
    clerkApiVersion: call.clerkApiVersion || instance.clerkApiVersion,
    jwtKey: call.jwtKey || instance.jwtKey,
    audience: call.audience || instance.audience,
    authorizedParties: call.authorizedParties,
    clockSkewInMs: call.clockSkewInMs,
    clockSkewInSeconds: call.clockSkewInSeconds,
    // Written out rather than spread from `pickJwksOptions`: on Node 20 every property that follows a spread in
    // a literal costs a map transition of its own, microseconds per request. `satisfies` below keeps the list
    // complete. A call value wins unless `undefined`.
    jwksCacheTtlInMs: call.jwksCacheTtlInMs ?? instance.jwksCacheTtlInMs,
    skipJwksCache: call.skipJwksCache ?? instance.skipJwksCache,
    jwksRefetchCooldownInMs: call.jwksRefetchCooldownInMs ?? instance.jwksRefetchCooldownInMs,
    jwksFetchTimeoutInMs: call.jwksFetchTimeoutInMs ?? instance.jwksFetchTimeoutInMs,
    jwksFetchRetries: call.jwksFetchRetries ?? instance.jwksFetchRetries,
    jwksRetryDelayInMs: call.jwksRetryDelayInMs ?? instance.jwksRetryDelayInMs,
    jwksLoadTimeoutInMs: call.jwksLoadTimeoutInMs ?? instance.jwksLoadTimeoutInMs,
    jwksMaxStaleInMs: call.jwksMaxStaleInMs ?? instance.jwksMaxStaleInMs,
    env: call.env ?? instance.env,
    fetch: call.fetch ?? instance.fetch,
    isSatellite,
    domain: call.domain || instance.domain,
    proxyUrl: call.proxyUrl || instance.proxyUrl,
    signInUrl: call.signInUrl,
    signUpUrl: call.signUpUrl,
    afterSignInUrl: call.afterSignInUrl,
    afterSignUpUrl: call.afterSignUpUrl,
    // Only the first literal `Bearer ` goes, case-sensitively, and only when a request was given, as in 0.x.
    headerToken: headers
      ? (call.headerToken || headers.authorization)?.replace('Bearer ', '')
      : call.headerToken,
    cookieToken: call.cookieToken || sessionCookie,
    clientUat: call.clientUat || clientUatCookie,
    origin: requestValue(call.origin, headers, headers?.origin),
    host: requestValue(call.host, headers, headers?.host),
    forwardedHost: requestValue(call.forwardedHost, headers, headers?.forwardedHost),
    forwardedPort: requestValue(call.forwardedPort, headers, headers?.forwardedPort),
    forwardedProto: requestValue(
      call.forwardedProto,
      headers,
      headers?.cloudFrontForwardedProto || headers?.forwardedProto,
    ),
    referrer: requestValue(call.referrer, headers, headers?.referrer),
    userAgent: requestValue(call.userAgent, headers, headers?.userAgent),
    searchParams: call.searchParams,
    loadSession: call.loadSession,
    loadUser: call.loadUser,
    loadOrganization: call.loadOrganization,
    apiClient: call.apiClient ?? instance.apiClient,
    isDevelopment,
    isProduction: isProductionSecretKey(secretKey),
  } satisfies NormalizedOptions & Required<Record<keyof JwksTuningOptions, unknown>>;
}

/** The search params the satellite rules read: the explicit ones, else the request URL's (parsed on demand). */
export function searchParamsOf(options: NormalizedOptions): URLSearchParams | undefined {
  if (options.searchParams || !options.request) return options.searchParams;
  try {
    options.searchParams = new URL(options.request.url).searchParams;
  } catch {
    return undefined;
  }
  return options.searchParams;
}
