// The committed test-only RSA keys of 3072 and 4096 bits (see keys/README.md): generating them at run time
// takes seconds on a loaded machine.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The bit lengths there is a committed key for. */
export const LARGE_RSA_BITS = [3072, 4096] as const;

export type LargeRsaBits = (typeof LARGE_RSA_BITS)[number];

export const isLargeRsaBits = (bits: number): bits is LargeRsaBits =>
  (LARGE_RSA_BITS as readonly number[]).includes(bits);

/** The committed key pair of `bits` bits (a fresh `KeyObject` pair per call, the same key every time). */
export function largeRsaKeyPair(bits: LargeRsaBits): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey(
    readFileSync(new URL(`./keys/test-only-rsa-${bits}.pem`, import.meta.url)),
  );
  const modulusLength = privateKey.asymmetricKeyDetails?.modulusLength;
  if (modulusLength !== bits) throw new Error(`test-only-rsa-${bits}.pem holds a ${modulusLength}-bit key`);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
