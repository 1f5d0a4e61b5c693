import type { KeyInput } from '@clerk/jwt-core';
import { keySourceError, type VerifyTokenError } from './errors';
import {
  isFresh,
  isOutage,
  isWithinStaleWindow,
  mayRefetchUnknownKid,
  refresh,
  type SourceState,
  sourceId,
  stateOf,
  usableKeys,
} from './jwks/jwks-cache';
import type { JwksRequest } from './jwks/load-jwks';
import type { KeySource } from './key-source';
import type { JwksOptions } from './options';

/** A key for one token, and what a cached verification must still match to be reused. */
export interface ResolvedKey {
  key: KeyInput;
  /** Identifies the key source: the local key material, or the JWKS source id. */
  sourceId: string | KeyInput;
  /** The JWKS state the key came from; `undefined` for a local key, which cannot change. */
  state?: SourceState;
}

export const localKey = (source: Extract<KeySource, { kind: 'local' }>): ResolvedKey => ({
  key: source.key,
  sourceId: source.key,
});

/** A remote key source as the cache addresses it. */
export interface JwksTarget {
  request: JwksRequest;
  id: string;
}

export function jwksTargetOf(source: Exclude<KeySource, { kind: 'local' }>): JwksTarget {
  // Only the Backend API source has a secret key and a `clerkApiVersion`; the others leave them undefined.
  const { jwksUrl, secretKey, clerkApiVersion } = source as Extract<KeySource, { kind: 'backend-api' }>;
  const request: JwksRequest = { url: jwksUrl, secretKey, clerkApiVersion };
  return { request, id: sourceId(request) };
}

/**
 * The key for `kid` when no load is needed (fresh JWKS, or stale keys during an outage; known `kid`; no
 * `skipJwksCache`): no promise.
 */
export function cachedKey(
  target: JwksTarget,
  kid: string | undefined,
  options: JwksOptions,
  now: number,
): ResolvedKey | undefined {
  if (options.skipJwksCache) return undefined;
  const state = stateOf(target.id);
  const key = usableKeys(state, options, now)?.get(String(kid));
  return key ? { key, sourceId: target.id, state } : undefined;
}

/**
 * The key for a token's `kid` from a JWKS source. The source is loaded when its cache is cold, past its TTL or
 * `skipJwksCache` is set; an unknown `kid` loads it again at most once per cooldown. When a load fails because
 * the source is unavailable, keys inside the stale window keep serving (see `jwksMaxStaleInMs`).
 */
export async function keyForKid(
  { request, id }: JwksTarget,
  kid: string | undefined,
  options: JwksOptions,
): Promise<ResolvedKey> {
  const state = stateOf(id);
  const lookup = String(kid);
  const now = Date.now();
  let keys = usableKeys(state, options, now);

  if (options.skipJwksCache || !keys) {
    try {
      keys = await refresh(state, request, options);
    } catch (error) {
      // Unexpired keys serve after any failed forced reload; older ones only through an outage.
      const later = Date.now();
      const usable =
        isFresh(state, options, later) || (isOutage(error) && isWithinStaleWindow(state, options, later));
      if (!usable || !state.keys?.has(lookup)) throw error;
      keys = state.keys;
    }
  } else if (!keys.has(lookup) && mayRefetchUnknownKid(state, options, now)) {
    keys = await refresh(state, request, options);
  }

  const key = keys.get(lookup);
  if (!key) throw missingKid(lookup, [...keys.keys()]);
  return { key, sourceId: id, state };
}

function missingKid(kid: string, available: string[]): VerifyTokenError {
  const listed = available.length > 0 ? ` The following kid are available: ${available.join(', ')}` : '';
  return keySourceError(
    'jwk-remote-missing',
    `Unable to find a signing key in JWKS that matches the kid='${kid}' of the provided session token. Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT.${listed}`,
  );
}
