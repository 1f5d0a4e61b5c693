// Keys and tokens made with node:crypto alone, independent of the code under test.
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import * as webEntry from '../src/index';
import * as nodeEntry from '../src/index.node';
import { isLargeRsaBits, largeRsaKeyPair } from './large-rsa-keys';

export const entries = [
  ['webcrypto', webEntry],
  ['node:crypto', nodeEntry],
] as const;

export type Entry = typeof webEntry;

export interface KeyPair {
  alg: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  privatePem: string;
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
}

const cache = new Map<string, KeyPair>();

export function keyPair(alg: string, modulusLength = 2048): KeyPair {
  const id = `${alg}/${modulusLength}`;
  const known = cache.get(id);
  if (known) return known;
  const family = alg.slice(0, 2);
  const pair =
    family === 'ES'
      ? generateKeyPairSync('ec', { namedCurve: { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg]! })
      : isLargeRsaBits(modulusLength)
        ? largeRsaKeyPair(modulusLength)
        : generateKeyPairSync('rsa', { modulusLength });
  const made: KeyPair = {
    alg,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: pair.publicKey.export({ format: 'jwk' }) as JsonWebKey,
    privateJwk: pair.privateKey.export({ format: 'jwk' }) as JsonWebKey,
  };
  cache.set(id, made);
  return made;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs with node:crypto directly, without the package. */
export function signIndependently(
  payload: Record<string, unknown>,
  pair: Pick<KeyPair, 'alg' | 'privateKey'>,
  header: Record<string, unknown> = {},
): string {
  const { alg } = pair;
  const input = `${b64url(JSON.stringify({ alg, typ: 'JWT', ...header }))}.${b64url(JSON.stringify(payload))}`;
  const hash = `sha${alg.slice(2)}`;
  const key = createPrivateKey(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const signature = alg.startsWith('ES')
    ? sign(hash, Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : alg.startsWith('PS')
      ? sign(hash, Buffer.from(input), { key, padding: 6, saltLength: Number(alg.slice(2)) / 8 })
      : sign(hash, Buffer.from(input), key);
  return `${input}.${b64url(signature)}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return {
    sub: 'user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr',
    sid: 'sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9',
    iss: 'https://clerk.inspired.puma-74.lcl.dev',
    azp: 'https://accounts.inspired.puma-74.lcl.dev',
    iat: now - 10,
    nbf: now - 20,
    exp: now + 60,
    ...extra,
  };
}

/** A token with an arbitrary header and payload and a junk signature, for checks that run before crypto. */
export function unsignedToken(header: unknown, payload: unknown, signature = 'c2ln'): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
}
