import { CACHE_TTL_IN_MS, REFETCH_COOLDOWN_IN_MS } from '../constants';
import { BoundedMap } from '../lib/bounded-map';
import type { JwksOptions } from '../options';
import { type JwksRequest, type KeySet, loadJwks } from './load-jwks';

/** The cached JWKS of one key source. */
export interface SourceState {
  keys: KeySet | null;
  /** When `keys` were loaded. */
  loadedAt: number;
  /** When the last load started, successful or not: the unknown-`kid` cooldown counts from here. */
  lastAttemptAt: number;
  inFlight: Promise<KeySet> | null;
}

// One entry per key source (Backend API URL + secret key, proxy URL, issuer URL): tenants never share keys.
const sources = new BoundedMap<string, SourceState>(256);

/** The id a source is cached under. The secret key is part of it: two instances never share a JWKS. */
export const sourceId = (request: JwksRequest): string =>
  request.secretKey ? `${request.url}\n${request.secretKey}` : request.url;

export function stateOf(id: string): SourceState {
  let state = sources.get(id);
  if (!state) {
    state = { keys: null, loadedAt: 0, lastAttemptAt: -Infinity, inFlight: null };
    sources.set(id, state);
  }
  return state;
}

export function isFresh(
  state: SourceState,
  options: JwksOptions,
  now: number,
): state is SourceState & { keys: KeySet } {
  return state.keys !== null && now - state.loadedAt < (options.jwksCacheTtlInMs ?? CACHE_TTL_IN_MS);
}

/** Loads the JWKS again; callers that arrive while a load is running share it (one request per source). */
export function refresh(state: SourceState, request: JwksRequest, options: JwksOptions): Promise<KeySet> {
  if (state.inFlight) return state.inFlight;
  state.lastAttemptAt = Date.now();
  const pending = loadJwks(request, options).then(
    keys => {
      state.keys = keys;
      state.loadedAt = Date.now();
      state.inFlight = null;
      return keys;
    },
    error => {
      state.inFlight = null;
      throw error;
    },
  );
  state.inFlight = pending;
  return pending;
}

export function mayRefetchUnknownKid(state: SourceState, options: JwksOptions, now: number): boolean {
  return now - state.lastAttemptAt >= (options.jwksRefetchCooldownInMs ?? REFETCH_COOLDOWN_IN_MS);
}
