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

// Admission on second sight: the first verification of a token only leaves a mark in `seen` (five characters near
// the end of its signature, which also pick the slot); the token enters the cache when it verifies again while its
// mark is still there (a slot is taken over by another token after about 1000 distinct tokens, on average). A stream of distinct tokens then creates no entries,
// each of which would live through a thousand calls and be collected from the old generation. A collision only
// admits a token early: the entry still holds the whole token, and only that exact string hits.
const seen = new Int32Array(1024);

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

/** Remembers a token that verified with `resolved` (from its second verification on), until its `exp`. */
export function rememberVerified(
  token: string,
  kid: string | undefined,
  resolved: ResolvedKey,
  payload: JwtPayload,
): void {
  const expiresAt = payload.exp * 1000;
  let mark = 0;
  for (let i = token.length - 6; i < token.length - 1; i++) mark = (mark << 6) ^ token.charCodeAt(i);
  const slot = mark & 1023;
  const again = seen[slot] === mark;
  seen[slot] = mark;
  if (again && Date.now() < expiresAt) {
    verified.set(keyOf(token), {
      token,
      sourceId: resolved.sourceId,
      kid: String(kid),
      key: resolved.key,
      state: resolved.state,
      expiresAt,
    });
  }
}
