import { CACHE_TTL_IN_MS, MAX_STALE_IN_MS, REFETCH_COOLDOWN_IN_MS } from '../constants';
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
  /** When the last load failed in a way that lets stale keys serve (an outage); `-Infinity` after a success. */
  outageAt: number;
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
    state = { keys: null, loadedAt: 0, lastAttemptAt: -Infinity, outageAt: -Infinity, inFlight: null };
    sources.set(id, state);
  }
  return state;
}

const ttlOf = (options: JwksOptions) => options.jwksCacheTtlInMs ?? CACHE_TTL_IN_MS;
const cooldownOf = (options: JwksOptions) => options.jwksRefetchCooldownInMs ?? REFETCH_COOLDOWN_IN_MS;

export function isFresh(
  state: SourceState,
  options: JwksOptions,
  now: number,
): state is SourceState & { keys: KeySet } {
  return state.keys !== null && now - state.loadedAt < ttlOf(options);
}

/** Whether the keys, fresh or not, are still inside the stale window (`jwksMaxStaleInMs` past the TTL). */
export function isWithinStaleWindow(
  state: SourceState,
  options: JwksOptions,
  now: number,
): state is SourceState & { keys: KeySet } {
  const maxStale = options.jwksMaxStaleInMs ?? MAX_STALE_IN_MS;
  return state.keys !== null && now - state.loadedAt < ttlOf(options) + Math.max(maxStale, 0);
}

/**
 * The keys a verification may use without loading: fresh ones, or, during an outage, stale ones inside the
 * stale window until the cooldown after the last failed refresh has passed. `null` means: load first.
 */
export function usableKeys(state: SourceState, options: JwksOptions, now: number): KeySet | null {
  if (isFresh(state, options, now)) return state.keys;
  return now - state.outageAt < cooldownOf(options) && isWithinStaleWindow(state, options, now)
    ? state.keys
    : null;
}

/** A failure after which stale keys may serve: the source is unavailable, not rejecting us. */
export const isOutage = (error: unknown): boolean =>
  (error as { reason?: unknown } | null)?.reason === 'jwk-remote-failed-to-load';

/** Loads the JWKS again; callers that arrive while a load is running share it (one request per source). */
export function refresh(state: SourceState, request: JwksRequest, options: JwksOptions): Promise<KeySet> {
  if (state.inFlight) return state.inFlight;
  state.lastAttemptAt = Date.now();
  const pending = loadJwks(request, options).then(
    keys => {
      state.keys = keys;
      state.loadedAt = Date.now();
      state.outageAt = -Infinity;
      state.inFlight = null;
      return keys;
    },
    error => {
      if (isOutage(error)) state.outageAt = Date.now();
      state.inFlight = null;
      throw error;
    },
  );
  state.inFlight = pending;
  return pending;
}

export function mayRefetchUnknownKid(state: SourceState, options: JwksOptions, now: number): boolean {
  return now - state.lastAttemptAt >= cooldownOf(options);
}
