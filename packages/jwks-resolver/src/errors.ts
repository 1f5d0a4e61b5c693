import {
  TokenVerificationError,
  type TokenVerificationErrorAction,
  type TokenVerificationErrorReason,
} from '@clerk/jwt-core';

/** Whose fault a failure is: the caller's token (answer 401) or the key source (answer 5xx, alert someone). */
export type FaultSource = 'token' | 'key-source';

// jwt-core reports a key it cannot import with this prefix; the token is not what is wrong then.
const UNUSABLE_KEY_PREFIX = 'Error verifying JWT signature.';

/** Whose fault a `TokenVerificationError` from any layer is, from its reason (and message). */
export function faultOf({ reason, message }: TokenVerificationError): FaultSource {
  // Every `jwk-*` reason but a `kid` the JWKS lacks is about the key source, and so is an invalid secret key.
  const keyReason =
    (reason.startsWith('jwk-') && reason !== 'jwk-remote-missing') || reason === 'secret-key-invalid';
  const unusableKey = reason === 'token-verification-failed' && message.startsWith(UNUSABLE_KEY_PREFIX);
  return keyReason || unusableKey ? 'key-source' : 'token';
}

/**
 * What `verifyToken` rejects with: a `TokenVerificationError` (same `reason`, `action`, message and
 * `getFullMessage()`) that also says, in `source`, whether the token or the key source is at fault.
 */
export class VerifyTokenError extends TokenVerificationError {
  /** On the prototype, so the own enumerable keys stay exactly `reason` and `action`, as in 0.x. */
  get source(): FaultSource {
    return faultOf(this);
  }
}

/**
 * The same error, upgraded in place to a `VerifyTokenError` (no second error object: the stack stays and a
 * rejection stays cheap); anything else passes through.
 */
export function withFault(error: unknown): unknown {
  if (error instanceof TokenVerificationError && !(error instanceof VerifyTokenError)) {
    Object.setPrototypeOf(error, VerifyTokenError.prototype);
  }
  return error;
}

export function keySourceError(
  reason: TokenVerificationErrorReason,
  message: string,
  action: TokenVerificationErrorAction | undefined = 'Contact support@clerk.com',
): VerifyTokenError {
  return new VerifyTokenError({ reason, message, action });
}
