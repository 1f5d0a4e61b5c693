import { type KeyInput, TokenVerificationErrorAction, TokenVerificationErrorReason } from '@clerk/jwt-core';
import { VerifyTokenError } from './errors';
import {
  isFresh,
  mayRefetchUnknownKid,
  refresh,
  type SourceState,
  sourceId,
  stateOf,
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
  const request =
    source.kind === 'backend-api'
      ? { url: source.jwksUrl, secretKey: source.secretKey }
      : { url: source.jwksUrl };
  return { request, id: sourceId(request) };
}

/** The key for `kid` when no load is needed (fresh JWKS, known `kid`, no `skipJwksCache`): no promise. */
export function cachedKey(
  target: JwksTarget,
  kid: string | undefined,
  options: JwksOptions,
  now: number,
): ResolvedKey | undefined {
  if (options.skipJwksCache) return undefined;
  const state = stateOf(target.id);
  const key = isFresh(state, options, now) ? state.keys.get(String(kid)) : undefined;
  return key ? { key, sourceId: target.id, state } : undefined;
}

/**
 * The key for a token's `kid` from a JWKS source. The source is loaded when its cache is cold, stale or
 * `skipJwksCache` is set; an unknown `kid` loads it again at most once per cooldown. When a forced reload
 * fails, a fresh cached key is used.
 */
export async function keyForKid(
  { request, id }: JwksTarget,
  kid: string | undefined,
  options: JwksOptions,
): Promise<ResolvedKey> {
  const state = stateOf(id);
  const lookup = String(kid);
  const now = Date.now();
  let keys = isFresh(state, options, now) ? state.keys : null;

  if (options.skipJwksCache || !keys) {
    try {
      keys = await refresh(state, request, options);
    } catch (error) {
      if (!keys?.has(lookup)) throw error;
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
  return new VerifyTokenError({
    reason: TokenVerificationErrorReason.RemoteJWKMissing,
    action: TokenVerificationErrorAction.ContactSupport,
    message: `Unable to find a signing key in JWKS that matches the kid='${kid}' of the provided session token. Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT.${listed}`,
  });
}
