// Everything both entry points share; they differ only in the signature verifier they wire in.
export { type Algorithm, isSupportedAlgorithm, SUPPORTED_ALGORITHMS } from './algorithms';
export {
  assertClaims,
  assertHeaderParameters,
  type ClaimOptions,
  claimsFailure,
  headerFailure,
  type IssuerCheck,
  type TokenVerificationFailure,
} from './claims';
export { decodeJwt, isFailure as isTokenVerificationFailure } from './decode';
export {
  type TokenCarrier,
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from './errors';
export type { KeyInput } from './keys';
export { decodeBase64Url } from './lib/base64url';
export { deprecated } from './lib/deprecated';
export { type SignJwtOptions, signJwt } from './sign';
export type { Jwt, JwtHeader, JwtPayload } from './types';
export { clockSkewOf, type VerifyJwtOptions } from './verify';
