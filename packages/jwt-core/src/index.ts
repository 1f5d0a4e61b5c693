import { verifyWithWebCrypto } from './backend/webcrypto';
import type { KeyInput } from './keys';
import type { Jwt, JwtPayload } from './types';
import { hasValidSignatureWith, type VerifyJwtOptions, verifyJwtWith } from './verify';

export * from './public';

/** Decodes, checks the claims in 0.x order, then verifies the signature (WebCrypto). */
export const verifyJwt = (token: string, options: VerifyJwtOptions): Promise<JwtPayload> =>
  verifyJwtWith(verifyWithWebCrypto, token, options);

/** Whether the decoded token's signature verifies with the key (WebCrypto). */
export const hasValidSignature = (jwt: Jwt, key: KeyInput): Promise<boolean> =>
  hasValidSignatureWith(verifyWithWebCrypto, jwt, key);

/** Which signature backend this entry point uses. */
export const signatureBackend = 'webcrypto' as 'webcrypto' | 'node:crypto';
