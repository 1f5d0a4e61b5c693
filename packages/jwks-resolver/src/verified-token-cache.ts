import type { JwtPayload, KeyInput } from '@clerk/jwt-core';
import { isFresh, type SourceState } from './jwks/jwks-cache';
import type { ResolvedKey } from './key-for-kid';
import { BoundedMap } from './lib/bounded-map';
import type { JwksOptions } from './options';

interface VerifiedToken {
  sourceId: string | KeyInput;
  kid: string;
  key: KeyInput;
  state: SourceState | undefined;
  /** `exp` in milliseconds: the entry is never used at or after it. */
  expiresAt: number;
  /** Never handed out: each hit gets a copy, so callers mutating results cannot change later ones. */
  payload: JwtPayload;
}

// Keyed by the token string; the entry also pins the source and the exact key that verified it.
const verified = new BoundedMap<string, VerifiedToken>(1000);

/**
 * The payload of a token that verified earlier with the same source, while its key is still the one that
 * source serves and the token's `exp` has not passed. Claims are not checked here; the caller re-checks them.
 */
export function recallVerified(
  token: string,
  sourceId: string | KeyInput,
  options: JwksOptions,
  now: number,
): JwtPayload | undefined {
  const entry = verified.get(token);
  if (!entry || entry.sourceId !== sourceId) return undefined;
  if (now >= entry.expiresAt) {
    verified.delete(token);
    return undefined;
  }
  const state = entry.state;
  if (
    state &&
    (options.skipJwksCache || !isFresh(state, options, now) || state.keys.get(entry.kid) !== entry.key)
  ) {
    return undefined;
  }
  return copyJson(entry.payload) as JwtPayload;
}

export function rememberVerified(
  token: string,
  kid: string | undefined,
  resolved: ResolvedKey,
  payload: JwtPayload,
) {
  const expiresAt = payload.exp * 1000;
  if (!(Date.now() < expiresAt)) return;
  verified.set(token, {
    sourceId: resolved.sourceId,
    kid: String(kid),
    key: resolved.key,
    state: resolved.state,
    expiresAt,
    payload,
  });
}

function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copy = copyJson((value as Record<string, unknown>)[key]);
    // Assigning `__proto__` would set the prototype; JSON.parse made it an own property, and so do we.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}
