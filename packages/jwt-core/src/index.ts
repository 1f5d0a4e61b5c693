import { webCryptoBackend } from './backend/webcrypto';
import type { TokenVerificationFailure } from './claims';
import { decodeJwtWith, decodeOrFailure } from './decode';
import type { KeyInput } from './keys';
import type { Jwt, JwtPayload } from './types';
import {
  hasValidSignatureWith,
  signatureFailureWith,
  type VerifyJwtOptions,
  verifyDecodedWith,
  verifyJwtWith,
  verifySignatureWith,
} from './verify';

export * from './public';

/** Decodes, checks the claims in 0.x order, then verifies the signature (WebCrypto). */
export const verifyJwt = (token: string, options: VerifyJwtOptions): Promise<JwtPayload> =>
  verifyJwtWith(webCryptoBackend, token, options);

/**
 * `verifyJwt` for a token already decoded with `decodeJwt` or `decodeJwtForVerification`, so that a layer
 * above that had to decode it first does not decode it twice. Every check of `verifyJwt` runs (WebCrypto).
 */
export const verifyDecodedJwt = (jwt: Jwt, options: VerifyJwtOptions): Promise<JwtPayload> =>
  verifyDecodedWith(webCryptoBackend, jwt, options);

/**
 * `decodeJwt` for verifiers: exactly as strict, with this runtime's fastest codec, and the parsed header cached
 * by its exact segment text (bounded; the tokens of one instance share it) and shared, frozen, between calls.
 */
export const decodeJwtForVerification = (token: string): Jwt => decodeJwtWith(webCryptoBackend, token, true);

/**
 * `decodeJwtForVerification` that returns what is wrong with a malformed token (the `TokenVerificationError`
 * fields, see `isTokenVerificationFailure`) instead of throwing it, so that the caller creates the error itself.
 */
export const decodeJwtForVerificationOrFailure = (token: string): Jwt | TokenVerificationFailure =>
  decodeOrFailure(webCryptoBackend, token, true);

/**
 * The key-dependent half of `verifyDecodedJwt`: the `alg` check against the key (and `algorithms`), then the
 * signature. Only for a layer above that ran `assertHeaderParameters` and `assertClaims` on the token itself,
 * synchronously just before, so that no check is skipped (WebCrypto).
 */
export const verifyJwtSignature = (
  jwt: Jwt,
  options: Pick<VerifyJwtOptions, 'key' | 'algorithms'>,
): Promise<JwtPayload> => verifySignatureWith(webCryptoBackend, jwt, options);

/**
 * `verifyJwtSignature` as data: resolves to `undefined` when the signature verifies, else to the failure (the
 * `TokenVerificationError` fields), so that the caller creates the error itself (WebCrypto).
 */
export const jwtSignatureFailure = (
  jwt: Jwt,
  options: Pick<VerifyJwtOptions, 'key' | 'algorithms'>,
): Promise<TokenVerificationFailure | undefined> => signatureFailureWith(webCryptoBackend, jwt, options);

/** Whether the decoded token's signature verifies with the key (WebCrypto). */
export const hasValidSignature = (jwt: Jwt, key: KeyInput): Promise<boolean> =>
  hasValidSignatureWith(webCryptoBackend, jwt, key);

/** Which signature backend this entry point uses. */
export const signatureBackend = 'webcrypto' as 'webcrypto' | 'node:crypto';
