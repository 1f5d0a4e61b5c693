/** The Backend API the JWKS is loaded from when no `apiUrl` is given (0.x value, note `.dev`). */
export const API_URL = 'https://api.clerk.dev';

/** The Backend API version when no `apiVersion` is given. */
export const API_VERSION = 'v1';

/** Defaults of the JWKS options, in milliseconds or counts. */
export const JWKS_DEFAULTS = {
  cacheTtlInMs: 5 * 60 * 1000,
  refetchCooldownInMs: 30 * 1000,
  fetchTimeoutInMs: 5 * 1000,
  fetchRetries: 2,
  retryDelayInMs: 200,
} as const;
