import type { AuthObjectDebug } from './types';

const SECRET_KEYS = ['apiKey', 'secretKey', 'jwtKey'] as const;

/**
 * `debug()` of an auth object: a fresh copy of the data with keys cut to their first 7 characters and the
 * injected API client left out. It still holds the raw token and request: never send it to clients.
 */
export function createDebug(...sources: Array<object | (() => object) | undefined>): AuthObjectDebug {
  return createRedactedDebug(SECRET_KEYS, ...sources);
}

/**
 * `createDebug` with another list of values to cut to 7 characters (`''` when missing); a source may be a
 * function, called only when `debug()` is.
 */
export function createRedactedDebug(
  redacted: readonly string[],
  ...sources: Array<object | (() => object) | undefined>
): AuthObjectDebug {
  // Merged only when asked for: building it on every request would cost more than the rest of the state.
  return () => {
    const parts = sources.map(source => (typeof source === 'function' ? source() : source));
    const { apiClient: _client, ...copy } = Object.assign({}, ...parts) as Record<string, unknown>;
    for (const name of redacted) {
      const value = copy[name];
      copy[name] = typeof value === 'string' ? value.substring(0, 7) : '';
    }
    return copy;
  };
}
