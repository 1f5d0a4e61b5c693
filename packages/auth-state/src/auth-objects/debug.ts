import type { AuthObjectDebug } from './types';

const SECRET_KEYS = ['apiKey', 'secretKey', 'jwtKey'] as const;

/**
 * `debug()` of an auth object: a fresh copy of the data with keys cut to their first 7 characters and the
 * injected API client left out. It still holds the raw token and request: never send it to clients.
 */
export function createDebug(data: Record<string, unknown>): AuthObjectDebug {
  return () => {
    const { apiClient: _client, ...copy } = data;
    for (const name of SECRET_KEYS) {
      const value = copy[name];
      copy[name] = typeof value === 'string' ? value.substring(0, 7) : '';
    }
    return copy;
  };
}
