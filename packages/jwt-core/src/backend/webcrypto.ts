import { importJWK, importPKCS8, importSPKI } from 'jose';
import { type Algorithm, algorithmSpec } from '../algorithms';
import type { ParsedKey } from '../keys';
import { encodeBase64 } from '../lib/base64url';
import type { SignatureVerifier } from '../verify';
import { hasPlausibleLength, MIN_RSA_BITS, tooSmallRsaKey } from './signature-shape';

function pem(der: Uint8Array, label: string): string {
  return `-----BEGIN ${label}-----\n${encodeBase64(der)}\n-----END ${label}-----`;
}

async function importKey(key: ParsedKey, alg: Algorithm): Promise<CryptoKey> {
  const imported = key.jwk
    ? await importJWK(key.jwk as Parameters<typeof importJWK>[0], alg)
    : key.usage === 'sign'
      ? await importPKCS8(pem(key.der!, 'PRIVATE KEY'), alg)
      : await importSPKI(pem(key.der!, 'PUBLIC KEY'), alg);
  const cryptoKey = imported as CryptoKey;
  const bits = (cryptoKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (key.type === 'RSA' && bits < MIN_RSA_BITS) throw tooSmallRsaKey(bits);
  return cryptoKey;
}

/** The WebCrypto key for this algorithm, imported once per key material (through jose). */
export function cryptoKeyFor(key: ParsedKey, alg: Algorithm): Promise<CryptoKey> {
  let pending = key.imported.get(alg) as Promise<CryptoKey> | undefined;
  if (!pending) {
    pending = importKey(key, alg);
    key.imported.set(alg, pending);
  }
  return pending;
}

/** WebCrypto parameters of `subtle.sign`/`subtle.verify` for a JWS algorithm. */
export function webCryptoParams(alg: Algorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  const { family, bits } = algorithmSpec(alg);
  if (family === 'RSA-PSS') return { name: family, saltLength: bits / 8 };
  if (family === 'ECDSA') return { name: family, hash: `SHA-${bits}` };
  return { name: family };
}

export const verifyWithWebCrypto: SignatureVerifier = async (alg, key, data, signature) => {
  const cryptoKey = await cryptoKeyFor(key, alg);
  if (!hasPlausibleLength(alg, signature)) return false;
  return crypto.subtle.verify(webCryptoParams(alg), cryptoKey, signature, data);
};
