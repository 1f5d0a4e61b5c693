// The one place a package may use a Node built-in: chosen only through the `node` export condition.
import { constants, createPublicKey, type JsonWebKeyInput, type KeyObject, verify } from 'node:crypto';
import { algorithmSpec } from '../algorithms';
import type { ParsedKey } from '../keys';
import type { SignatureVerifier } from '../verify';
import { hasPlausibleLength, MIN_RSA_BITS, tooSmallRsaKey } from './signature-shape';

function keyObjectFor(key: ParsedKey): KeyObject {
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

export const verifyWithNodeCrypto: SignatureVerifier = (alg, key, data, signature) => {
  const keyObject = keyObjectFor(key);
  if (!hasPlausibleLength(alg, signature)) return false;
  const { family, bits } = algorithmSpec(alg);
  const hash = `sha${bits}`;
  if (family === 'ECDSA') return verify(hash, data, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature);
  if (family === 'RSA-PSS') {
    return verify(
      hash,
      data,
      { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bits / 8 },
      signature,
    );
  }
  return verify(hash, data, keyObject, signature);
};
