import { createHmac } from 'node:crypto';
import type { HmacBackend } from './signature';
import { decodeSigningSecret } from './signing-secret';

/** HMAC-SHA256 on node:crypto: synchronous, no thread-pool round trip (the `node` export condition only). */
export const nodeHmac: HmacBackend<Uint8Array> = {
  importKey: decodeSigningSecret,
  sign: (key, content) => createHmac('sha256', key).update(content).digest('base64'),
};
