// Keys and tokens made with node:crypto alone, independent of the code under test.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
// The committed test-only keys of 3072 and 4096 bits, shared with jwt-core's tests (see its test/keys/README.md).
import { isLargeRsaBits, largeRsaKeyPair } from '../../jwt-core/test/large-rsa-keys';

export interface SigningKey {
  alg: string;
  kid: string;
  privateKey: KeyObject;
  publicPem: string;
  publicJwk: JsonWebKey & { kid: string };
}

export function signingKey(kid: string, alg = 'RS256', modulusLength = 2048): SigningKey {
  const pair = alg.startsWith('ES')
    ? generateKeyPairSync('ec', { namedCurve: { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg]! })
    : isLargeRsaBits(modulusLength)
      ? largeRsaKeyPair(modulusLength)
      : generateKeyPairSync('rsa', { modulusLength });
  return {
    alg,
    kid,
    privateKey: pair.privateKey,
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { ...(pair.publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg, use: 'sig' },
  };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const ISSUER = 'https://clerk.inspired.puma-74.lcl.dev';
export const AZP = 'https://accounts.inspired.puma-74.lcl.dev';

export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return {
    sub: 'user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr',
    sid: 'sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9',
    iss: ISSUER,
    azp: AZP,
    iat: now - 10,
    nbf: now - 20,
    exp: now + 60,
    ...extra,
  };
}

/** Signs with node:crypto directly; the header carries the key's `kid` unless overridden. */
export function signToken(
  key: SigningKey,
  payload: Record<string, unknown> = claims(),
  header: Record<string, unknown> = {},
): string {
  const input = `${b64url(JSON.stringify({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header }))}.${b64url(JSON.stringify(payload))}`;
  const hash = `sha${key.alg.slice(2)}`;
  const signature = key.alg.startsWith('ES')
    ? sign(hash, Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
    : sign(hash, Buffer.from(input), key.privateKey);
  return `${input}.${b64url(signature)}`;
}

/** The PEM body alone, as some deployments store `CLERK_JWT_KEY`. */
export const bareBody = (pem: string) =>
  pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
