import type { HmacBackend } from './signature';
import { decodeSigningSecret } from './signing-secret';

const encoder = new TextEncoder();
// One endpoint, one secret: the last imported key is kept, so a steady stream of deliveries imports it once.
let lastKey: { secret: string; key: Promise<CryptoKey> } | undefined;

/** HMAC-SHA256 on WebCrypto, for every runtime. */
export const webCryptoHmac: HmacBackend<CryptoKey> = {
  importKey(secret) {
    if (lastKey?.secret === secret) return lastKey.key;
    const key = crypto.subtle.importKey(
      'raw',
      decodeSigningSecret(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    lastKey = { secret, key };
    return key;
  },
  async sign(key, content) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(content)));
    let binary = '';
    for (const byte of mac) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
};
