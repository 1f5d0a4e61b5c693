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
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < end; i++) {
    const code = input.charCodeAt(i);
    const value = code < 128 ? (lookup[code] as number) : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  // Non-zero leftover bits would let two different strings decode to the same bytes (malleable signatures).
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
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
