const encoder = new TextEncoder();

/** Standard padded base64 of HMAC-SHA256(key, `<id>.<timestamp>.<body>`), the value of a `v1` signature. */
export async function signContent(key: Uint8Array<ArrayBuffer>, content: string): Promise<string> {
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(content)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
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
