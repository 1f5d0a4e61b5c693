import type { MachineTokenData } from './types';

interface Entry {
  data: MachineTokenData;
  /** Epoch ms after which the entry is never used: the TTL or the token's own expiration, whichever is first. */
  usableUntil: number;
}

const MAX_ENTRIES = 1000;

// Keyed by the verify URL, the Authorization value and the token: two instances or two secret keys never
// share an entry, and a machine key only sees what it verified itself.
const verified = new Map<string, Entry>();

export const opaqueCacheKey = (url: string, authorization: string, token: string): string =>
  `${url}\n${authorization}\n${token}`;

/** The data of an opaque token that verified within the TTL, else `undefined`. */
export function recallOpaque(key: string, now: number): MachineTokenData | undefined {
  const entry = verified.get(key);
  if (!entry) return undefined;
  if (now < entry.usableUntil) return entry.data;
  verified.delete(key);
  return undefined;
}

/** Remembers a successful verification for `ttlInMs` (never past the token's expiration). */
export function rememberOpaque(key: string, data: MachineTokenData, ttlInMs: number, now: number): void {
  if (ttlInMs <= 0) return;
  const usableUntil = Math.min(now + ttlInMs, data.expiration ?? Number.POSITIVE_INFINITY);
  if (!(now < usableUntil)) return;
  if (verified.size >= MAX_ENTRIES && !verified.has(key)) {
    // Drop the oldest eighth at once, so a full cache does not pay one eviction per insert.
    let drop = Math.ceil(MAX_ENTRIES / 8);
    for (const oldest of verified.keys()) {
      verified.delete(oldest);
      if (--drop === 0) break;
    }
  }
  verified.set(key, { data, usableUntil });
}
