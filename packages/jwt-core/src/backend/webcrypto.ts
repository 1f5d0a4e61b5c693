import type { Algorithm } from '../algorithms';
import { portableCodec } from '../decode';
import type { ParsedKey } from '../keys';
import type { CryptoBackend, SignatureVerifier } from '../verify';
import { hasPlausibleLength, MIN_RSA_BITS, tooSmallRsaKey } from './signature-shape';

// Read off the name: the family from its first letter, the digest size from its digits (ES512 uses P-521).
const familyOf = (alg: Algorithm) =>
  alg[0] === 'R' ? 'RSASSA-PKCS1-v1_5' : alg[0] === 'P' ? 'RSA-PSS' : 'ECDSA';
const hashOf = (alg: Algorithm) => `SHA-${alg.slice(2)}`;

function importParams(alg: Algorithm): RsaHashedImportParams | EcKeyImportParams {
  const name = familyOf(alg);
  return name === 'ECDSA'
    ? { name, namedCurve: alg === 'ES512' ? 'P-521' : `P-${alg.slice(2)}` }
    : { name, hash: hashOf(alg) };
}

async function importKey(key: ParsedKey, alg: Algorithm): Promise<CryptoKey> {
  const params = importParams(alg);
  // `alg`, `use`, `key_ops` and `ext` were already checked by parseKey and are left out, so that WebCrypto's own
  // stricter-or-different rules on them cannot disagree with node:crypto's (members WebCrypto does not know, such as
  // `kid`, are ignored by it).
  const { alg: _alg, use: _use, key_ops: _keyOps, ext: _ext, ...material } = key.jwk ?? {};
  const cryptoKey = key.jwk
    ? await crypto.subtle.importKey('jwk', material, params, false, [key.usage])
    : await crypto.subtle.importKey(key.usage === 'sign' ? 'pkcs8' : 'spki', key.der!, params, false, [
        key.usage,
      ]);
  const bits = (cryptoKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (key.type === 'RSA' && bits < MIN_RSA_BITS) throw tooSmallRsaKey(bits);
  return cryptoKey;
}

/**
 * The WebCrypto key for this algorithm, imported once per key material: the pending import, then (once it has
 * succeeded) the key itself, so that later verifications need not wait for a settled promise.
 */
export function cryptoKeyFor(key: ParsedKey, alg: Algorithm): CryptoKey | Promise<CryptoKey> {
  let known = key.imported.get(alg) as CryptoKey | Promise<CryptoKey> | undefined;
  if (!known) {
    known = importKey(key, alg).then(cryptoKey => {
      key.imported.set(alg, cryptoKey);
      return cryptoKey;
    });
    key.imported.set(alg, known);
  }
  return known;
}

/** WebCrypto parameters of `subtle.verify` for a JWS algorithm. */
function verifyParams(alg: Algorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  const name = familyOf(alg);
  if (name === 'RSA-PSS') return { name, saltLength: Number(alg.slice(2)) / 8 };
  return name === 'ECDSA' ? { name, hash: hashOf(alg) } : name;
}

// Not `async`: once the key is imported, the verification starts in the caller's turn. A failed import rejects
// every time (a key problem). `Promise.resolve` makes the outcome a promise of this realm: in the Edge Runtime
// `crypto.subtle` belongs to the host, and its promises fail `instanceof Promise` here (it returns them as they are
// where they already are one).
export const verifyWithWebCrypto: SignatureVerifier = (alg, key, data, signature) => {
  const verifyWith = (cryptoKey: CryptoKey) =>
    hasPlausibleLength(alg, signature) &&
    Promise.resolve(crypto.subtle.verify(verifyParams(alg), cryptoKey, signature, data));
  const known = cryptoKeyFor(key, alg);
  return known instanceof Promise ? known.then(verifyWith) : verifyWith(known);
};

const encoder = new TextEncoder();

/** WebCrypto verification and the portable codec. */
export const webCryptoBackend: CryptoBackend = {
  ...portableCodec,
  verify: verifyWithWebCrypto,
  encodeUtf8: text => encoder.encode(text),
};
