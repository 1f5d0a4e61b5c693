const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const lookup = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;

/**
 * Strict base64url decoding: only `A-Z a-z 0-9 - _`, optional trailing `=` padding.
 * Returns `null` for anything else, so callers can report a typed error.
 */
export function decodeBase64Url(input: string): Uint8Array<ArrayBuffer> | null {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 61 /* = */ && input.length - end < 2) end--;
  const tail = end % 4;
  if (tail === 1) return null;
  const whole = end - tail;
  const out = new Uint8Array((whole / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let written = 0;
  for (let i = 0; i < whole; i += 4) {
    const c0 = input.charCodeAt(i);
    const c1 = input.charCodeAt(i + 1);
    const c2 = input.charCodeAt(i + 2);
    const c3 = input.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 127) return null;
    const v0 = lookup[c0] as number;
    const v1 = lookup[c1] as number;
    const v2 = lookup[c2] as number;
    const v3 = lookup[c3] as number;
    if ((v0 | v1 | v2 | v3) < 0) return null;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[written++] = n >> 16;
    out[written++] = (n >> 8) & 0xff;
    out[written++] = n & 0xff;
  }
  if (tail > 0) {
    let n = 0;
    for (let i = whole; i < end; i++) {
      const code = input.charCodeAt(i);
      const value = code < 128 ? (lookup[code] as number) : -1;
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    // Non-zero leftover bits would let two different strings decode to the same bytes (malleable signatures).
    const spare = tail === 2 ? 4 : 2;
    if (n & ((1 << spare) - 1)) return null;
    n >>= spare;
    if (tail === 3) out[written++] = n >> 8;
    out[written++] = n & 0xff;
  }
  return out;
}

/** base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]!;
  }
  return out;
}

/** Standard base64 (PEM bodies): `+` and `/` are mapped onto the url alphabet first. */
export function decodeBase64(input: string): Uint8Array<ArrayBuffer> | null {
  return decodeBase64Url(input.replace(/\+/g, '-').replace(/\//g, '_'));
}

export function encodeBase64(bytes: Uint8Array): string {
  const url = encodeBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}
