/**
 * HMAC-SHA256 for the `v1` scheme, in two builds chosen by the package `exports` conditions: WebCrypto (every
 * runtime) and node:crypto (Node, Deno and Bun, where WebCrypto's asynchronous HMAC costs several times more).
 */
export interface HmacBackend<Key> {
  /** The key of a signing secret; throws the secret-format errors of `decodeSigningSecret`. */
  importKey(secret: string): Key | Promise<Key>;
  /** Standard padded base64 of HMAC-SHA256(key, content). */
  sign(key: Key, content: string): string | Promise<string>;
}

/** Equality whose time depends only on the lengths (the expected length is public: 44 characters). */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Whether any `v1` entry of a signature header (entries separated by single spaces, each `version,value`)
 * equals `expected`. Other versions (`v1a` asymmetric signatures, future ones) are skipped. Every entry is
 * compared, so the time does not say which one matched.
 */
export function headerHasSignature(header: string, expected: string): boolean {
  let matched = false;
  for (const entry of header.split(' ')) {
    const [version, value] = entry.split(',');
    if (version === 'v1' && value !== undefined && constantTimeEqual(value, expected)) matched = true;
  }
  return matched;
}
