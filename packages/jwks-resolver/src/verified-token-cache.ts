import type { JwtPayload, KeyInput } from '@clerk/jwt-core';
import { type SourceState, usableKeys } from './jwks/jwks-cache';
import type { ResolvedKey } from './key-for-kid';
import { BoundedMap } from './lib/bounded-map';
import { payloadTextOf } from './lib/peek-jwt';
import type { JwksOptions } from './options';

interface VerifiedToken {
  /** The whole token: only this exact string hits. */
  token: string;
  sourceId: string | KeyInput;
  kid: string;
  key: KeyInput;
  state: SourceState | undefined;
  /** `exp` in milliseconds: the entry is never used at or after it. */
  expiresAt: number;
  /** The payload JSON, decoded from the token on the first hit. */
  payloadText?: string;
}

// Keyed by the end of the token (of its signature: 192 bits, distinct for distinct signatures), so that a lookup
// hashes 32 characters rather than the whole token; the entry keeps the token, and only that exact string hits.
// The entry pins the source and the exact key that verified it. No claims object is kept: a hit parses them
// again from the payload text, so every caller gets its own object.
const verified = new BoundedMap<string, VerifiedToken>(1000);
const keyOf = (token: string) => token.slice(-32);

/**
 * The claims of a token that verified earlier with the same source, while its key is still the one that
 * source serves and the token's `exp` has not passed. Claims are not checked here; the caller re-checks them.
 * `decoded` is the token's payload when the caller has decoded it already: it is returned instead of a new parse.
 */
export function recallVerified(
  token: string,
  sourceId: string | KeyInput,
  options: JwksOptions,
  now: number,
  decoded?: JwtPayload,
): JwtPayload | undefined {
  const entry = verified.get(keyOf(token));
  // An entry at or after its `exp` stays until it is dropped, and never hits.
  if (!entry || entry.token !== token || entry.sourceId !== sourceId || now >= entry.expiresAt)
    return undefined;
  const state = entry.state;
  if (state && (options.skipJwksCache || usableKeys(state, options, now)?.get(entry.kid) !== entry.key)) {
    return undefined;
  }
  if (decoded) return decoded;
  entry.payloadText ??= payloadTextOf(token);
  return JSON.parse(entry.payloadText);
}

/** Remembers a token that verified with `resolved`, until its `exp`. */
export function rememberVerified(
  token: string,
  kid: string | undefined,
  resolved: ResolvedKey,
  payload: JwtPayload,
): void {
  const expiresAt = payload.exp * 1000;
  if (!(Date.now() < expiresAt)) return;
  verified.set(keyOf(token), {
    token,
    sourceId: resolved.sourceId,
    kid: String(kid),
    key: resolved.key,
    state: resolved.state,
    expiresAt,
  });
}
