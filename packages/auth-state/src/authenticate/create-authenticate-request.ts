import { type JwksTuningOptions, withEnvironmentDefaults } from '@clerk/jwks-resolver';
import type { AuthStateApiClient } from '../api-client';
import { DEFAULT_API_URL, DEFAULT_API_VERSION } from '../constants';
import { authenticateCurrentRequest } from '../handshake/authenticate';
import type { CurrentAuthenticateOptions } from '../handshake/options';
import { currentApiUrl, NO_CALL_OPTIONS } from '../handshake/resolve-options';
import { type LoadInterstitialOptions, loadInterstitialFromLocal } from '../interstitial/local-interstitial';
import {
  type RemotePublicInterstitialOptions,
  remotePublicInterstitial,
  remotePublicInterstitialUrl,
} from '../interstitial/remote-interstitial';
import { remotePrivateInterstitial } from '../interstitial/remote-private-interstitial';
import type { CurrentRequestState } from '../states/current-states';
import { debugRequestState, type RequestState } from '../states/request-state';
import { type authenticateRequest, authenticateWithInstance, isRequestLike } from './authenticate-request';
import type { AuthenticateRequestOptions } from './options';

type InterstitialInstanceSettings = Pick<
  LoadInterstitialOptions,
  'frontendApi' | 'publishableKey' | 'proxyUrl' | 'isSatellite' | 'domain'
>;

/**
 * Options fixed when the instance is created; per-call options fill in or override them. The JWKS tuning of
 * `@clerk/jwks-resolver` (`jwksMaxStaleInMs`, `jwksLoadTimeoutInMs`, ...) applies to both call forms and to
 * machine JWTs; a call value wins unless `undefined`.
 */
export interface BuildTimeOptions extends JwksTuningOptions {
  /** Backend secret key of the instance. Else `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** The instance's PEM public key: verifies networklessly. Else `CLERK_JWT_KEY`. */
  jwtKey?: string;
  /** Backend API base URL, for every call (a per-call value is ignored). Default `https://api.clerk.dev`. */
  apiUrl?: string;
  /** Backend API version, for every call. Default `v1`. */
  apiVersion?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
  /** The Frontend API proxy URL, when one is used. Else `CLERK_PROXY_URL`. */
  proxyUrl?: string;
  /** The instance's publishable key. Else `CLERK_PUBLISHABLE_KEY`. */
  publishableKey?: string;
  /** A satellite application (multi-domain). Else `CLERK_IS_SATELLITE`. */
  isSatellite?: boolean;
  /** The satellite's domain. Else `CLERK_DOMAIN`. */
  domain?: string;
  /** The audience every verified token must carry. */
  audience?: string | string[];
  /** Machine secret key: verifies M2M tokens in the current call form, winning over `secretKey` there. */
  machineSecretKey?: string;
  /**
   * Dated Backend API version (e.g. `2026-05-12`), sent as `Clerk-API-Version` on the `/v1/jwks` load of both
   * call forms and on the current form's handshake, refresh and machine verify calls. Default: no header.
   */
  clerkApiVersion?: string;
  /** Sent by the remote interstitial as `Clerk-Backend-SDK`. */
  userAgent?: string;
  /** Environment variables to read the `CLERK_*` defaults from (Workers pass their `env`). Else `process.env`. */
  env?: Record<string, string | undefined>;
  /** The fetch used for JWKS and interstitial requests. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** What `createAuthenticateRequest` takes. */
export interface CreateAuthenticateRequestOptions {
  /** The instance's options, the defaults of every call. */
  options: BuildTimeOptions;
  /** The Backend API (a `@clerk/bapi-client` instance), used for the load flags, templates and the private interstitial. */
  apiClient?: AuthStateApiClient;
}

/** `authenticateRequest`, the interstitial helpers and `debugRequestState`, bound to build-time options. */
export function createAuthenticateRequest({ options, apiClient }: CreateAuthenticateRequestOptions) {
  const buildTime = { ...options, ...withEnvironmentDefaults(options) };
  // withEnvironmentDefaults gives the other 0.x defaults ('' and false), so no field is left undefined.
  const base = {
    jwtKey: '',
    audience: '' as string | string[],
    ...buildTime,
    apiUrl: buildTime.apiUrl || DEFAULT_API_URL,
    apiVersion: buildTime.apiVersion || DEFAULT_API_VERSION,
  };

  // Per-call values win only when truthy, as in 0.x; the API location is always the build-time one.
  const instance = { ...base, apiClient };
  // The current form has its own defaults (`https://api.clerk.com`), so it starts from the options as given.
  const currentInstance = { ...buildTime, apiUrl: currentApiUrl(options), apiClient };

  // The overloads of the standalone `authenticateRequest`: the current form's state typed for the call's
  // `acceptsToken`, and the 0.x form.
  const authenticate = ((
    first: Request | AuthenticateRequestOptions,
    second?: CurrentAuthenticateOptions,
  ): Promise<CurrentRequestState | RequestState> =>
    isRequestLike(first)
      ? authenticateCurrentRequest(first, second ?? NO_CALL_OPTIONS, currentInstance)
      : authenticateWithInstance(first, instance)) as typeof authenticateRequest;

  // The interstitial's instance settings: the call's when truthy, else the build-time ones.
  const instanceSettings = (runtime: InterstitialInstanceSettings) => ({
    frontendApi: runtime.frontendApi || base.frontendApi,
    publishableKey: runtime.publishableKey || base.publishableKey,
    proxyUrl: runtime.proxyUrl || base.proxyUrl,
    isSatellite: runtime.isSatellite || base.isSatellite,
    domain: runtime.domain || base.domain,
  });

  const localInterstitial = (runtime: LoadInterstitialOptions) =>
    loadInterstitialFromLocal({ ...runtime, ...instanceSettings(runtime) });

  const remoteInterstitial = (runtime: RemotePublicInterstitialOptions) =>
    remotePublicInterstitial({
      fetch: base.fetch,
      ...runtime,
      ...instanceSettings(runtime),
      userAgent: runtime.userAgent || base.userAgent,
      apiUrl: base.apiUrl,
    });

  return {
    authenticateRequest: authenticate,
    localInterstitial,
    remotePublicInterstitial: remoteInterstitial,
    remotePrivateInterstitial: () => remotePrivateInterstitial(apiClient),
    remotePublicInterstitialUrl,
    debugRequestState,
  };
}
