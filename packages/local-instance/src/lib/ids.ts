import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 text; rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

/** An id in Clerk's `<prefix>_<27 characters>` shape, e.g. `user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr`. */
export const newId = (prefix: string): string => `${prefix}_${randomBase62(27)}`;

/** 32 hex characters, the shape of a trace id. */
export const newTraceId = (): string => randomBytes(16).toString('hex');
