// A token as the rules read it before verification (the choice of cookie set, rules 11-13), then handed to
// `verifyDecodedToken` so that it is decoded once per request. jwt-core's decoder for verifiers does it: exactly
// as strict as `decodeJwt` (a `TokenVerificationError`, `token-invalid`, for anything malformed), with the
// runtime's fastest codec and each distinct header segment parsed once (bounded, shared and frozen: callers only
// read it).
import { decodeJwtForVerification, type Jwt } from '@clerk/jwt-core';

/** A decoded token: what `verifyDecodedToken` of @clerk/jwks-resolver takes, so that it is decoded only once. */
export type PeekedJwt = Jwt;

/** The header and payload of `token`; throws what `decodeJwt` throws for a malformed one. */
export const peekJwt: (token: string) => PeekedJwt = decodeJwtForVerification;
