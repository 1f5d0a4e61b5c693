import type { JwksTuningOptions } from '@clerk/jwks-resolver';
import type { AuthStateApiClient } from '../api-client';
import type { TokenType } from '../machine/index';

/** Path patterns that make a request activate an organization (or the personal account) first. */
export interface OrganizationSyncOptions {
  /**
   * Paths naming an organization by `:id` or `:slug`, e.g. `/orgs/:slug` or `/orgs/:slug/(.*)`. When the
   * active organization of the session differs, the request gets a handshake that activates the named one.
   */
  organizationPatterns?: string[];
  /** Paths of the personal account, e.g. `/me` or `/me/(.*)`: a session with an active organization leaves it. */
  personalAccountPatterns?: string[];
}

/** Which kinds of token a request may authenticate with: one kind, a list, or `any`. */
export type AcceptsToken = TokenType | TokenType[] | 'any';

/** The token types an `acceptsToken` value lets through: `any` is every type, a list is its members. */
export type AcceptedTokenType<A extends AcceptsToken> = A extends 'any'
  ? TokenType
  : A extends readonly (infer T extends TokenType)[]
    ? T
    : Extract<A, TokenType>;

/**
 * Options of the current call form, `authenticateRequest(request, options)` (current-clerk.md 8.1), the JWKS
 * tuning of `@clerk/jwks-resolver` included (`jwksMaxStaleInMs`, `jwksLoadTimeoutInMs`, ...), which applies to
 * session, handshake and machine JWTs alike.
 */
export interface CurrentAuthenticateOptions extends JwksTuningOptions {
  /** Secret key (`sk_test_…`/`sk_live_…`): JWKS, handshake payloads and refresh. Falls back to `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** Machine secret key: verifies M2M tokens, winning over `secretKey` there. */
  machineSecretKey?: string;
  /** Publishable key (`pk_test_…`/`pk_live_…`): the instance type, Frontend API and cookie suffix come from it. */
  publishableKey?: string;
  /** The instance's PEM public key: session and handshake tokens verify without a request. */
  jwtKey?: string;
  /** Backend API base URL. Default `https://api.clerk.com`. */
  apiUrl?: string;
  /** Backend API path version. Default `v1`. */
  apiVersion?: string;
  /**
   * Dated Backend API version (e.g. `2026-05-12`), sent as `Clerk-API-Version` on every Backend API request of
   * the call: the `/v1/jwks` load, the handshake-payload and refresh calls and the machine verify calls.
   * Default: no header.
   */
  clerkApiVersion?: string;
  /** A satellite application's domain (`satellite.dev`). */
  domain?: string;
  /** Whether this application is a satellite of another domain's instance. */
  isSatellite?: boolean;
  /** The Frontend API proxy, absolute or a path (`/__clerk`) on this application's origin. */
  proxyUrl?: string;
  /** The sign-in page; a development satellite sends the browser there to sync. */
  signInUrl?: string;
  /** The sign-up page (echoed in the state). */
  signUpUrl?: string;
  /** Where to go after sign-in (echoed in the state). */
  afterSignInUrl?: string;
  /** Where to go after sign-up (echoed in the state). */
  afterSignUpUrl?: string;
  /** A satellite syncs with its primary even on a first visit without cookies. Only `true` does. Default `false`. */
  satelliteAutoSync?: boolean;
  /** Organization activation by URL path (current-clerk.md 3.7 rule 16). */
  organizationSyncOptions?: OrganizationSyncOptions;
  /**
   * Which tokens authenticate the request (current-clerk.md 5.4). Default `session_token`; machine tokens are
   * only ever read from the `Authorization` header, never from cookies.
   */
  acceptsToken?: AcceptsToken;
  /** Accepted audiences; the token passes when any of its `aud` values is among them. */
  audience?: string | string[];
  /** Accepted `azp` values; a non-empty list makes `azp` mandatory. */
  authorizedParties?: string[];
  /** Allowed clock drift in milliseconds. Default 5000; `0` is honoured. */
  clockSkewInMs?: number;
  /** Environment variables to read defaults from (Workers pass their `env`), instead of `process.env`. */
  env?: Record<string, string | undefined>;
  /** The fetch used for the JWKS and the Backend API calls of the handshake. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** The Backend API client; used by `getToken({ template })` of the auth object. */
  apiClient?: AuthStateApiClient;
}
