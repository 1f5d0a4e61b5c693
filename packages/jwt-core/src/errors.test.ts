import { describe, expect, it } from 'vitest';
import { TokenVerificationError, TokenVerificationErrorAction, TokenVerificationErrorReason } from './errors';

describe('TokenVerificationError', () => {
  it('has reason and action as its only own enumerable keys until a carrier is set', () => {
    const error = new TokenVerificationError({ reason: 'token-invalid', message: 'm' });
    expect(Object.keys(error)).toEqual(['reason', 'action']);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect(error.name).toBe('Error');
  });

  it('prints the full message with action, reason and carrier', () => {
    const error = new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenInvalidSignature,
      message: 'JWT signature is invalid.',
    });
    expect(error.getFullMessage()).toBe(
      'JWT signature is invalid. (reason=token-invalid-signature, token-carrier=undefined)',
    );
    error.tokenCarrier = 'header';
    expect(error.getFullMessage()).toBe(
      'JWT signature is invalid. (reason=token-invalid-signature, token-carrier=header)',
    );
    const withAction = new TokenVerificationError({
      reason: 'jwk-remote-failed-to-load',
      action: TokenVerificationErrorAction.ContactSupport,
      message: 'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com.',
    });
    withAction.tokenCarrier = 'cookie';
    expect(withAction.getFullMessage()).toBe(
      'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com. Contact support@clerk.com (reason=jwk-remote-failed-to-load, token-carrier=cookie)',
    );
  });

  it('carries the 0.x reason and action strings', () => {
    expect(Object.values(TokenVerificationErrorReason)).toEqual([
      'token-expired',
      'token-invalid',
      'token-invalid-algorithm',
      'token-invalid-authorized-parties',
      'token-invalid-issuer',
      'token-invalid-signature',
      'token-not-active-yet',
      'token-verification-failed',
      'secret-key-invalid',
      'jwk-local-missing',
      'jwk-remote-failed-to-load',
      'jwk-remote-invalid',
      'jwk-remote-missing',
      'jwk-failed-to-resolve',
      'interstitial-remote-failed-to-load',
    ]);
    expect(TokenVerificationErrorAction).toEqual({
      ContactSupport: 'Contact support@clerk.com',
      EnsureClerkJWT: 'Make sure that this is a valid Clerk generate JWT.',
      SetClerkJWTKey: 'Set the CLERK_JWT_KEY environment variable.',
      SetClerkSecretKeyOrAPIKey: 'Set the CLERK_SECRET_KEY or CLERK_API_KEY environment variable.',
      EnsureClockSync:
        'Make sure your system clock is in sync (e.g. turn off and on automatic time synchronization).',
    });
  });
});

describe('a message given as a function', () => {
  it('is built on first read, by message, stack or String(), and reads the same every time', () => {
    let builds = 0;
    const error = new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenExpired,
      message: () => `built ${++builds}`,
    });
    expect(builds).toBe(0);
    expect(Object.keys(error)).toEqual(['reason', 'action']);
    expect(error.stack?.split('\n')[0]).toBe('Error: built 1');
    expect(error.message).toBe('built 1');
    expect(String(error)).toBe('Error: built 1');
    expect(error.getFullMessage()).toBe('built 1 (reason=token-expired, token-carrier=undefined)');
    expect(builds).toBe(1);
    expect(Object.keys(error)).toEqual(['reason', 'action']);
  });

  it('can be assigned, like any error message', () => {
    const error = new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenExpired,
      message: () => 'x',
    });
    error.message = 'replaced';
    expect(error.message).toBe('replaced');
    const plain = new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenInvalid,
      message: 'plain',
    });
    plain.message = 'again';
    expect(plain.message).toBe('again');
  });

  it('reads as empty on the prototype itself, as on Error.prototype, instead of throwing', () => {
    expect(TokenVerificationError.prototype.message).toBe('');
    expect(() => String(TokenVerificationError.prototype)).not.toThrow();
  });
});
