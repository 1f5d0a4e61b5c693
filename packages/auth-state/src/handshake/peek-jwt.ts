// The header and payload of a token that the rules read before verification (the choice of cookie set, rules
// 11-13). jwt-core's decoder for verifiers does it: exactly as strict as `decodeJwt` (a `TokenVerificationError`,
// `token-invalid`, for anything malformed), with the runtime's fastest codec and each distinct header segment
// parsed once (bounded, shared and frozen: callers only read it).
import { decodeJwtForVerification, type Jwt } from '@clerk/jwt-core';

/** A token's header and payload. */
export type PeekedJwt = Pick<Jwt, 'header' | 'payload'>;

/** The header and payload of `token`; throws what `decodeJwt` throws for a malformed one. */
export const peekJwt: (token: string) => PeekedJwt = decodeJwtForVerification;
