// Key pairs and tokens for the tests: made with node:crypto, signed with jwt-core's signJwt.
import { generateKeyPairSync } from 'node:crypto';
import { signJwt } from '@clerk/jwt-core';

export const KID = 'ins_test_auth_state';

function makePair(kid: string) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256', use: 'sig' },
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The instance's key, served by the test JWKS. */
export const instanceKey = makePair(KID);
/** A key nobody serves, used under the instance's kid to forge tokens. */
export const foreignKey = makePair(KID);

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const ISSUER = 'https://clerk.inspired.puma-74.lcl.dev';
export const AZP = 'https://accounts.inspired.puma-74.lcl.dev';
export const USER_ID = 'user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr';
export const SESSION_ID = 'sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9';

export function sessionClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return { sub: USER_ID, sid: SESSION_ID, iss: ISSUER, azp: AZP, nbf: now - 20, exp: now + 600, ...extra };
}

/** A token signed with `key` (the instance's by default); `iat` is set to now by signJwt. */
export function signToken(
  claims: Record<string, unknown> = sessionClaims(),
  key: { kid: string; privatePem: string } = instanceKey,
  header: Record<string, unknown> = {},
): Promise<string> {
  const payload = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  return signJwt(payload, key.privatePem, {
    algorithm: 'RS256',
    header: { typ: 'JWT', kid: key.kid, ...header },
  });
}

/** The token with one claim changed but the original signature kept. */
export function tamperPayload(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}
