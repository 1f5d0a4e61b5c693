import type { KeyInput } from '@clerk/jwt-core';
import type { EnvironmentVariables } from './read-environment';

/** The `fetch` to load a JWKS with; always called bound to `globalThis` (Workers need that). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Where a `verifyToken` call takes its key from: the options and the environment. */
export interface KeySourceOptions {
  /** The instance's public key: PEM (with or without armour, or the bare base64 body) or a JWK. */
  jwtKey?: KeyInput;
  /** Secret key; loads the JWKS from the Backend API. Falls back to `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** Backend API URL. Falls back to `CLERK_API_URL`, then `https://api.clerk.dev`. */
  apiUrl?: string;
  /** Backend API version. Falls back to `CLERK_API_VERSION`, then `v1`. */
  apiVersion?: string;
  /**
   * A dated Backend API version (e.g. `2026-05-12`). When set (a non-empty string), the `/v1/jwks` request to
   * the Backend API sends it as the `Clerk-API-Version` header, exactly as given; callers validate it. Proxy
   * and issuer JWKS requests never carry it. Default: no header (0.x).
   */
  clerkApiVersion?: string;
  /** A proxy of the Frontend API: the JWKS is loaded from `{proxyUrl}/.well-known/jwks.json`. */
  proxyUrl?: string;
  /** A string issuer is also a key source: `{issuer}/.well-known/jwks.json`. */
  issuer?: string | ((iss: string) => boolean) | null;
  /** Environment variables to read instead of `process.env` (Cloudflare Workers pass `env` to handlers). */
  env?: EnvironmentVariables;
}

/** How a JWKS is loaded and cached. */
export interface JwksOptions {
  /** Injectable `fetch`. Default: the global one. */
  fetch?: FetchFunction;
  /** How long a loaded JWKS is used before it is loaded again. Default 5 minutes. */
  jwksCacheTtlInMs?: number;
  /** Load the JWKS again even if the cached one is fresh. */
  skipJwksCache?: boolean;
  /** After any load of a source, an unknown `kid` causes no new load for this long. Default 30 s. */
  jwksRefetchCooldownInMs?: number;
  /** Each request (headers and body) must finish within this time. Default 5 s. */
  jwksFetchTimeoutInMs?: number;
  /** Further attempts after a network error, a timeout or a 5xx: default 2, at most 10; never after a 4xx. */
  jwksFetchRetries?: number;
  /** Wait before the first retry; doubled for every further one. Default 200 ms. */
  jwksRetryDelayInMs?: number;
  /**
   * One deadline for a whole load of a JWKS: every attempt and every wait between retries must fit in it
   * (each attempt is also bounded by `jwksFetchTimeoutInMs`). No retry starts that could not finish in time.
   * Default 5 s.
   */
  jwksLoadTimeoutInMs?: number;
  /**
   * Stale-if-error: once `jwksCacheTtlInMs` has passed, keys loaded earlier keep verifying for this much longer
   * while the source fails to load (network error, timeout, 5xx, a body that is not a JWKS; never after the
   * Backend API rejected the secret key). A failed refresh is tried again at most once per
   * `jwksRefetchCooldownInMs`, so an outage adds no request per verification; the first successful refresh
   * replaces the keys (a removed `kid` then stops verifying). Default 1 hour; `0` switches it off.
   */
  jwksMaxStaleInMs?: number;
}

/** Options of `verifyToken`: the 0.x ones plus `env`, `fetch`, the JWKS tuning and the verified-token cache. */
export interface VerifyTokenOptions extends KeySourceOptions, JwksOptions {
  /** Accepted audiences; the token passes when any of its `aud` values is among them. */
  audience?: string | string[];
  /** Accepted `azp` values; an empty list skips the check. */
  authorizedParties?: string[];
  /** Allowed clock drift in milliseconds. Default 5000; `0` is honoured. */
  clockSkewInMs?: number;
  /** @deprecated Use `clockSkewInMs`. */
  clockSkewInSeconds?: number;
  /**
   * Remember tokens that verified, so the same token string again skips the signature check (claims are still
   * checked on every call). Default `true`.
   */
  verifiedTokenCache?: boolean;
}
