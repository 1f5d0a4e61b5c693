// The one place a package may use a Node built-in: chosen only through the `node` export condition.
import { Buffer, isAscii } from 'node:buffer';
import type { JsonWebKeyInput, KeyObject } from 'node:crypto';
import type { Algorithm } from '../algorithms';
import { portableCodec } from '../decode';
import type { ParsedKey } from '../keys';
import type { CryptoBackend, SignatureVerifier } from '../verify';
import { hasPlausibleLength, MIN_RSA_BITS, tooSmallRsaKey } from './signature-shape';

type NodeCrypto = typeof import('node:crypto');

// node:crypto is loaded by the first verification rather than at import: loading it is the largest part of what
// importing this build costs (bench/README.md, Import cost). That first verification settles a turn later; every
// later one is synchronous.
let nodeCrypto: NodeCrypto | undefined;

function keyObjectFor({ createPublicKey }: NodeCrypto, key: ParsedKey): KeyObject {
  let keyObject = key.imported.get('node:crypto') as KeyObject | undefined;
  if (!keyObject) {
    keyObject = key.jwk
      ? createPublicKey({ key: key.jwk, format: 'jwk' } as JsonWebKeyInput)
      : createPublicKey({ key: key.der as Uint8Array as Buffer, format: 'der', type: 'spki' });
    const bits = keyObject.asymmetricKeyDetails?.modulusLength;
    if (key.type === 'RSA' && (bits ?? 0) < MIN_RSA_BITS) throw tooSmallRsaKey(bits ?? 0);
    key.imported.set('node:crypto', keyObject);
  }
  return keyObject;
}

const hashes = { 256: 'sha256', 384: 'sha384', 512: 'sha512' } as const;

// The algorithm read off its name (RS/PS/ES and the digest size), without building a spec per verification.
export const verifyWithNodeCrypto: SignatureVerifier = (alg, key, data, signature) =>
  nodeCrypto
    ? verifyNow(nodeCrypto, alg, key, data, signature)
    : import('node:crypto').then(loaded => {
        nodeCrypto = loaded;
        return verifyNow(loaded, alg, key, data, signature);
      });

function verifyNow(
  crypto: NodeCrypto,
  alg: Algorithm,
  key: ParsedKey,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): boolean {
  const { constants, verify } = crypto;
  const keyObject = keyObjectFor(crypto, key);
  if (!hasPlausibleLength(alg, signature)) return false;
  const bits = Number(alg.slice(2)) as keyof typeof hashes;
  const hash = hashes[bits];
  if (alg[0] === 'E') return verify(hash, data, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature);
  if (alg[0] === 'P') {
    return verify(
      hash,
      data,
      { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bits / 8 },
      signature,
    );
  }
  return verify(hash, data, keyObject, signature);
}

/** The 6-bit value of a base64url character already known to be in the alphabet. */
const sextet = (code: number) =>
  code >= 97 ? code - 71 : code >= 65 ? code - 65 : code >= 48 ? code + 4 : code === 45 ? 62 : 63;

/**
 * `decodeBase64Url` (the same rules: the url alphabet, up to two trailing `=`, no impossible length, zero
 * leftover bits) with Node's native decoder doing the work. That decoder also reads `+` and `/`, which are
 * refused first, and skips any other character outside the alphabet, which shortens its output: a valid input of
 * n characters decodes to exactly floor(6n / 8) bytes, so any other length means a character was skipped.
 */
export function decodeBase64UrlNative(input: string): Uint8Array<ArrayBuffer> | null {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 61 /* = */ && input.length - end < 2) end--;
  const tail = end % 4;
  if (tail === 1 || input.indexOf('+') >= 0 || input.indexOf('/') >= 0) return null;
  const text = end === input.length ? input : input.slice(0, end);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== Math.floor((end * 6) / 8)) return null;
  // Non-zero leftover bits would let two different strings decode to the same bytes (malleable signatures).
  if (tail > 0 && sextet(input.charCodeAt(end - 1)) & (tail === 2 ? 15 : 3)) return null;
  return bytes as Uint8Array<ArrayBuffer>;
}

const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** node:crypto verification and Node's native codec. */
export const nodeBackend: CryptoBackend = {
  verify: verifyWithNodeCrypto,
  decodeBase64Url: decodeBase64UrlNative,
  // ASCII (what session tokens are) is valid UTF-8 whose latin1 reading is the same text; anything else
  // goes through the strict decoder.
  decodeUtf8: bytes =>
    isAscii(bytes) ? asBuffer(bytes).toString('latin1') : portableCodec.decodeUtf8(bytes),
  encodeUtf8: text => Buffer.from(text, 'utf8') as Uint8Array<ArrayBuffer>,
};
