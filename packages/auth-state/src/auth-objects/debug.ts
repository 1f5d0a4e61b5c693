import type { AuthObjectDebug } from './types';

const SECRET_KEYS = ['apiKey', 'secretKey', 'jwtKey'] as const;

/**
 * `debug()` of an auth object: a fresh copy of the data with keys cut to their first 7 characters and the
 * injected API client left out. It still holds the raw token and request: never send it to clients.
 */
export function createDebug(...sources: Array<object | undefined>): AuthObjectDebug {
  // Merged only when asked for: building it on every request would cost more than the rest of the state.
  return () => {
    const { apiClient: _client, ...copy } = Object.assign({}, ...sources) as Record<string, unknown>;
    for (const name of SECRET_KEYS) {
      const value = copy[name];
      copy[name] = typeof value === 'string' ? value.substring(0, 7) : '';
    }
    return copy;
  };
}
