import type { AuthStateApiClient } from '../api-client';

/** Options `authenticateRequest` shares with `verifyToken`. */
export interface VerificationOptions {
  /** Backend secret key (`sk_test_…`/`sk_live_…`); also decides dev, prod or neither. */
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** Backend API base URL. Default `https://api.clerk.dev`. */
  apiUrl?: string;
  /** Backend API version. Default `v1`. */
  apiVersion?: string;
  /** The instance's PEM public key: verifies networklessly. */
  jwtKey?: string;
  audience?: string | string[];
  authorizedParties?: string[];
  clockSkewInMs?: number;
  /** @deprecated Use `clockSkewInMs`. */
  clockSkewInSeconds?: number;
  skipJwksCache?: boolean;
  jwksCacheTtlInMs?: number;
  /** Environment variables to read defaults from (Workers pass their `env`). */
  env?: Record<string, string | undefined>;
  /** The fetch used for JWKS requests. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** The request values the rules read; each overrides what would be read from `request`. */
export interface RequestValues {
  cookieToken?: string;
  clientUat?: string;
  headerToken?: string;
  origin?: string;
  host?: string;
  forwardedHost?: string;
  /** Collected for compatibility; never used. */
  forwardedPort?: string;
  forwardedProto?: string;
  referrer?: string;
  userAgent?: string;
}

export interface AuthenticateRequestOptions extends VerificationOptions, RequestValues {
  /** A Fetch-API request: cookies, headers and search params are read from it. */
  request?: Request;
  publishableKey?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
  isSatellite?: boolean;
  domain?: string;
  proxyUrl?: string;
  signInUrl?: string;
  signUpUrl?: string;
  afterSignInUrl?: string;
  afterSignUpUrl?: string;
  /** Overrides the request URL's search params. */
  searchParams?: URLSearchParams;
  loadSession?: boolean;
  loadUser?: boolean;
  loadOrganization?: boolean;
  /** The Backend API, needed for the load flags and for `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
}

/** The options once the request has been read and the defaults applied. */
export interface NormalizedOptions extends AuthenticateRequestOptions {
  secretKey: string;
  frontendApi: string;
  apiUrl: string;
  apiVersion: string;
  /** From the secret-key prefix; a key that is neither skips every dev-only and prod-only rule. */
  isDevelopment: boolean;
  isProduction: boolean;
}
