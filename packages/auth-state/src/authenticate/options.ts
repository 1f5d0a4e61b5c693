import type { JwksTuningOptions } from '@clerk/jwks-resolver';
import type { AuthStateApiClient } from '../api-client';

/**
 * Options `authenticateRequest` shares with `verifyToken`, the JWKS tuning of `@clerk/jwks-resolver` included
 * (`jwksMaxStaleInMs`, `jwksLoadTimeoutInMs`, ...); a call value of those wins over the instance's unless
 * `undefined`.
 */
export interface VerificationOptions extends JwksTuningOptions {
  /** Backend secret key (`sk_test_…`/`sk_live_…`); also decides dev, prod or neither. Else `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** Backend API base URL. Default `https://api.clerk.dev`. */
  apiUrl?: string;
  /** Backend API version. Default `v1`. */
  apiVersion?: string;
  /**
   * A dated Backend API version (e.g. `2026-05-12`), sent as `Clerk-API-Version` on the `/v1/jwks` request.
   * A call value wins when set. Default: no header (0.x).
   */
  clerkApiVersion?: string;
  /** The instance's PEM public key: verifies networklessly. */
  jwtKey?: string;
  /** When set, the token's `aud` must be (or contain) this value, or one of these values. */
  audience?: string | string[];
  /** When non-empty, the token's `azp` (if present) must be one of these origins. */
  authorizedParties?: string[];
  /** Tolerance for `exp`, `nbf` and `iat`, in milliseconds. Default 5000. */
  clockSkewInMs?: number;
  /** @deprecated Use `clockSkewInMs`. */
  clockSkewInSeconds?: number;
  /** Environment variables to read defaults from (Workers pass their `env`). */
  env?: Record<string, string | undefined>;
  /** The fetch used for JWKS requests. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * The request values the rules read. With a `request`, each overrides what would be read from it when truthy;
 * without one, each is used exactly as given (`''` included).
 */
export interface RequestValues {
  /** The session token; overrides the `__session` cookie. */
  cookieToken?: string;
  /** The `__client_uat` value (unix seconds as a string, `'0'` = signed out); overrides that cookie. */
  clientUat?: string;
  /** The Bearer token; overrides the `Authorization` header (its first `Bearer ` is stripped with a request). */
  headerToken?: string;
  /** Overrides the `Origin` header. */
  origin?: string;
  /** Overrides the `Host` header. */
  host?: string;
  /** Overrides the `X-Forwarded-Host` header (its first comma-separated item counts). */
  forwardedHost?: string;
  /** Collected for compatibility; never used. */
  forwardedPort?: string;
  /** Overrides the `CloudFront-Forwarded-Proto` and `X-Forwarded-Proto` headers. */
  forwardedProto?: string;
  /** Overrides the `Referer` header. */
  referrer?: string;
  /** Overrides the `User-Agent` header (a dev instance treats a non-browser cookie request as signed out). */
  userAgent?: string;
}

/** What `authenticateRequest` takes: the verification options, the request (or its values) and the instance. */
export interface AuthenticateRequestOptions extends VerificationOptions, RequestValues {
  /**
   * A Fetch API request: cookies, headers and search params are read from it. A Node `IncomingMessage` is
   * rejected; convert it with `toWebRequest(req)` from `@clerk/backend/node`.
   */
  request?: Request;
  /** The instance's publishable key: gives `frontendApi` and is echoed in the state. Else `CLERK_PUBLISHABLE_KEY`. */
  publishableKey?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
  /** This app is a satellite of a primary domain (multi-domain); needs `domain` or `proxyUrl`. */
  isSatellite?: boolean;
  /** The satellite's domain, e.g. `satellite.example.com`; echoed in the state. */
  domain?: string;
  /** The URL of the Frontend API proxy, when one is used; decides the token issuer and is echoed. */
  proxyUrl?: string;
  /** The sign-in page; a satellite on a dev instance must set it (absolute, on another origin). Echoed. */
  signInUrl?: string;
  /** The sign-up page; echoed in the state. */
  signUpUrl?: string;
  /** Where to go after sign-in; echoed in the state. */
  afterSignInUrl?: string;
  /** Where to go after sign-up; echoed in the state. */
  afterSignUpUrl?: string;
  /** Overrides the request URL's search params. */
  searchParams?: URLSearchParams;
  /** Fetches the `Session` of a signed-in request into `toAuth().session` (needs `apiClient`). */
  loadSession?: boolean;
  /** Fetches the `User` of a signed-in request into `toAuth().user` (needs `apiClient`). */
  loadUser?: boolean;
  /** Fetches the active `Organization`, when the token names one, into `toAuth().organization`. */
  loadOrganization?: boolean;
  /** The Backend API, needed for the load flags and for `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
}

/** The options once the request has been read and the defaults applied. */
export interface NormalizedOptions extends AuthenticateRequestOptions {
  /** The secret key in use (`secretKey`, else `apiKey`), `''` when none. */
  secretKey: string;
  /** From the publishable key, else the given `frontendApi`, else `''`. */
  frontendApi: string;
  /** The Backend API base URL in use. */
  apiUrl: string;
  /** The Backend API version in use. */
  apiVersion: string;
  /** From the secret-key prefix; a key that is neither skips every dev-only and prod-only rule. */
  isDevelopment: boolean;
  /** From the secret-key prefix (`sk_live_`). */
  isProduction: boolean;
}
