import { verifyWithNodeCrypto } from './backend/node';
import type { KeyInput } from './keys';
import type { Jwt, JwtPayload } from './types';
import { hasValidSignatureWith, type VerifyJwtOptions, verifyJwtWith } from './verify';

export * from './public';

/** Decodes, checks the claims in 0.x order, then verifies the signature (node:crypto, the fast path). */
export const verifyJwt = (token: string, options: VerifyJwtOptions): Promise<JwtPayload> =>
  verifyJwtWith(verifyWithNodeCrypto, token, options);

/** Whether the decoded token's signature verifies with the key (node:crypto). */
export const hasValidSignature = (jwt: Jwt, key: KeyInput): Promise<boolean> =>
  hasValidSignatureWith(verifyWithNodeCrypto, jwt, key);

/** Which signature backend this entry point uses. */
export const signatureBackend = 'node:crypto' as 'webcrypto' | 'node:crypto';
