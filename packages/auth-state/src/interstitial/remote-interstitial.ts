import {
  deprecated,
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '@clerk/jwt-core';
import { DEFAULT_API_URL, SDK_USER_AGENT } from '../constants';
import { joinPaths } from '../lib/join-paths';
import { frontendApiOf, isDevOrStagingFrontendApi } from '../lib/publishable-key';
import { clerkJsVersionTag } from './script-url';

export interface RemotePublicInterstitialOptions {
  /** The Backend API's URL. Default `https://api.clerk.dev`. */
  apiUrl?: string;
  /** Sent as `publishable_key`; it also gives the frontend API. */
  publishableKey?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
  /** The clerk-js tag or version to load, sent as `clerk_js_version`. */
  clerkJSVersion?: string;
  /** @deprecated Use `clerkJSVersion`. */
  pkgVersion?: string;
  /** Sent as `proxy_url`. */
  proxyUrl?: string;
  /** Sent as `is_satellite=true` when true. */
  isSatellite?: boolean;
  /** Sent as `sign_in_url` (empty when unset). */
  signInUrl?: string;
  /** Sent as `domain`. */
  domain?: string;
  /** Sent as `Clerk-Backend-SDK`. Default `@clerk/backend@0.38.15`. */
  userAgent?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** The Backend API's public interstitial page URL; it always uses `/v1/`, whatever the API version. */
export function remotePublicInterstitialUrl(options: RemotePublicInterstitialOptions): string {
  if (options.frontendApi) deprecated('frontendApi', 'Use `publishableKey` instead.');
  const frontendApi = frontendApiOf(options.publishableKey, options.frontendApi);
  const url = new URL(options.apiUrl || DEFAULT_API_URL);
  url.pathname = joinPaths(url.pathname, 'v1', '/public/interstitial');
  const query = url.searchParams;
  query.append('clerk_js_version', clerkJsVersionTag(frontendApi, options));
  if (options.publishableKey) query.append('publishable_key', options.publishableKey);
  else query.append('frontend_api', frontendApi);
  if (options.proxyUrl) query.append('proxy_url', options.proxyUrl);
  if (options.isSatellite) query.append('is_satellite', 'true');
  query.append('sign_in_url', options.signInUrl || '');
  if (!isDevOrStagingFrontendApi(frontendApi)) query.append('use_domain_for_script', 'true');
  if (options.domain) query.append('domain', options.domain);
  return url.href;
}

const RETRY_DELAYS_MS = [200, 400, 800, 1600];
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Fetches, retrying only network failures (at most 5 attempts); HTTP error statuses are answers. */
async function fetchWithNetworkRetries(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await doFetch(url, init);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

/** Loads the interstitial page rendered by the Backend API. */
export async function remotePublicInterstitial(options: RemotePublicInterstitialOptions): Promise<string> {
  const url = remotePublicInterstitialUrl(options);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await fetchWithNetworkRetries(doFetch, url, {
    method: 'GET',
    headers: { 'Clerk-Backend-SDK': options.userAgent || SDK_USER_AGENT },
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.RemoteInterstitialFailedToLoad,
      action: TokenVerificationErrorAction.ContactSupport,
      message: `Error loading Clerk Interstitial from ${url} with code=${response.status}`,
    });
  }
  return response.text();
}
