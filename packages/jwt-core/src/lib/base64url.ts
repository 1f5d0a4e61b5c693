const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// The 6-bit value of each byte; 255 for a byte outside the alphabet (every byte of a non-ASCII character is one).
const sextets = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) sextets[alphabet.charCodeAt(i)] = i;

// The input is read as bytes: `encodeInto` is native, and indexing bytes is about twice as fast as `charCodeAt`
// (the signature and payload of every token go through here). Inputs longer than the scratch get their own.
const encoder = new TextEncoder();
const scratch = new Uint8Array(2048);

/**
 * Strict base64url decoding: only `A-Z a-z 0-9 - _`, optional trailing `=` padding.
 * Returns `null` for anything else, so callers can report a typed error.
 */
export function decodeBase64Url(input: string): Uint8Array<ArrayBuffer> | null {
  const length = input.length;
  let end = length;
  while (end > 0 && input.charCodeAt(end - 1) === 61 /* = */ && length - end < 2) end--;
  const tail = end % 4;
  if (tail === 1) return null;
  const bytes = length > scratch.length ? new Uint8Array(length) : scratch;
  const { read, written } = encoder.encodeInto(input, bytes);
  // Anything but one byte per character means a character outside ASCII.
  if (read !== length || written !== length) return null;
  const whole = end - tail;
  const out = new Uint8Array((whole / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let at = 0;
  for (let i = 0; i < whole; i += 4) {
    const v0 = sextets[bytes[i]!]!;
    const v1 = sextets[bytes[i + 1]!]!;
    const v2 = sextets[bytes[i + 2]!]!;
    const v3 = sextets[bytes[i + 3]!]!;
    if ((v0 | v1 | v2 | v3) > 63) return null;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[at] = n >> 16;
    out[at + 1] = n >> 8;
    out[at + 2] = n;
    at += 3;
  }
  if (tail > 0) {
    let n = 0;
    for (let i = whole; i < end; i++) {
      const value = sextets[bytes[i]!]!;
      if (value > 63) return null;
      n = (n << 6) | value;
    }
    // Non-zero leftover bits would let two different strings decode to the same bytes (malleable signatures).
    const spare = 8 - 2 * tail;
    if (n & ((1 << spare) - 1)) return null;
    n >>= spare;
    if (tail === 3) out[at++] = n >> 8;
    out[at] = n;
  }
  return out;
}

/** Standard base64 (PEM bodies): `+` and `/` are mapped onto the url alphabet first. */
export function decodeBase64(input: string): Uint8Array<ArrayBuffer> | null {
  return decodeBase64Url(input.replace(/\+/g, '-').replace(/\//g, '_'));
}
