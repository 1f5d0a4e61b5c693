/** The Backend API the JWKS is loaded from when no `apiUrl` is given (0.x value, note `.dev`). */
export const API_URL = 'https://api.clerk.dev';

/** The Backend API version when no `apiVersion` is given. */
export const API_VERSION = 'v1';

// One constant each, so that bundles of `verifyToken` carry only short minified names.
export const CACHE_TTL_IN_MS = 5 * 60 * 1000;
export const REFETCH_COOLDOWN_IN_MS = 30 * 1000;
export const FETCH_TIMEOUT_IN_MS = 5 * 1000;
export const FETCH_RETRIES = 2;
export const RETRY_DELAY_IN_MS = 200;
export const LOAD_TIMEOUT_IN_MS = 5 * 1000;
export const MAX_STALE_IN_MS = 60 * 60 * 1000;

/** Defaults of the JWKS options, in milliseconds or counts. */
export const JWKS_DEFAULTS = {
  cacheTtlInMs: CACHE_TTL_IN_MS,
  refetchCooldownInMs: REFETCH_COOLDOWN_IN_MS,
  fetchTimeoutInMs: FETCH_TIMEOUT_IN_MS,
  fetchRetries: FETCH_RETRIES,
  retryDelayInMs: RETRY_DELAY_IN_MS,
  loadTimeoutInMs: LOAD_TIMEOUT_IN_MS,
  maxStaleInMs: MAX_STALE_IN_MS,
} as const;

// The token categories, the JWT header's `cat` (current-clerk.md 1.6): one constant each, as above.
/** `cat` of session tokens (and handshake tokens). */
export const SESSION_TOKEN_CATEGORY = 'cl_B7d4PD111AAA';
/** `cat` of M2M JWTs: never a session token. */
export const M2M_TOKEN_CATEGORY = 'cl_B7d4PD333AAA';
/** `cat` that opted-out instances stamp on every class: carries no class. */
export const NO_TOKEN_CATEGORY = 'cl_I7d4PD111III';
