import type { HmacBackend } from './signature';
import { decodeSigningSecret } from './signing-secret';

// node:crypto is loaded on the first signature rather than at import: loading it is most of what importing this
// build costs (bench/README.md, Import cost). Every later signature is synchronous again.
let nodeCrypto: typeof import('node:crypto') | undefined;
const hmacOf = (key: Uint8Array, content: string) =>
  (nodeCrypto as typeof import('node:crypto')).createHmac('sha256', key).update(content).digest('base64');

/** HMAC-SHA256 on node:crypto: synchronous, no thread-pool round trip (the `node` export condition only). */
export const nodeHmac: HmacBackend<Uint8Array> = {
  importKey: decodeSigningSecret,
  sign: (key, content) =>
    nodeCrypto
      ? hmacOf(key, content)
      : import('node:crypto').then(loaded => {
          nodeCrypto = loaded;
          return hmacOf(key, content);
        }),
};
