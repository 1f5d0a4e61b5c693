/** Why a token failed verification. The strings are the 0.x `reason` values and are stable. */
export const TokenVerificationErrorReason = {
  TokenExpired: 'token-expired',
  TokenInvalid: 'token-invalid',
  TokenInvalidAlgorithm: 'token-invalid-algorithm',
  TokenInvalidAuthorizedParties: 'token-invalid-authorized-parties',
  TokenInvalidIssuer: 'token-invalid-issuer',
  TokenInvalidSignature: 'token-invalid-signature',
  TokenNotActiveYet: 'token-not-active-yet',
  TokenVerificationFailed: 'token-verification-failed',
  SecretKeyInvalid: 'secret-key-invalid',
  LocalJWKMissing: 'jwk-local-missing',
  RemoteJWKFailedToLoad: 'jwk-remote-failed-to-load',
  RemoteJWKInvalid: 'jwk-remote-invalid',
  RemoteJWKMissing: 'jwk-remote-missing',
  JWKFailedToResolve: 'jwk-failed-to-resolve',
  RemoteInterstitialFailedToLoad: 'interstitial-remote-failed-to-load',
} as const;

export type TokenVerificationErrorReason =
  (typeof TokenVerificationErrorReason)[keyof typeof TokenVerificationErrorReason];

/** What the operator can do about a failure. The strings are the 0.x texts, byte for byte. */
export const TokenVerificationErrorAction = {
  ContactSupport: 'Contact support@clerk.com',
  EnsureClerkJWT: 'Make sure that this is a valid Clerk generate JWT.',
  SetClerkJWTKey: 'Set the CLERK_JWT_KEY environment variable.',
  SetClerkSecretKeyOrAPIKey: 'Set the CLERK_SECRET_KEY or CLERK_API_KEY environment variable.',
  EnsureClockSync:
    'Make sure your system clock is in sync (e.g. turn off and on automatic time synchronization).',
} as const;

export type TokenVerificationErrorAction =
  (typeof TokenVerificationErrorAction)[keyof typeof TokenVerificationErrorAction];

/** Where the token came from, set by request authentication when it maps an error to a state. */
export type TokenCarrier = 'header' | 'cookie';

/** The one error every token and key failure is reported with; tell failures apart by `reason`. */
export class TokenVerificationError extends Error {
  /** Why verification failed: one of `TokenVerificationErrorReason`. */
  reason: TokenVerificationErrorReason;
  /** What to do about it, when there is advice: one of `TokenVerificationErrorAction`. */
  action?: TokenVerificationErrorAction;
  /** Where the token came from (`header` or `cookie`); set by request authentication. */
  declare tokenCarrier?: TokenCarrier;
  // A message given as a function, until it is first read.
  #lazy?: string | (() => string);

  constructor({
    action,
    message,
    reason,
  }: {
    /** Becomes `action`. */
    action?: TokenVerificationErrorAction;
    /** The text, or a function that builds it when it is first read. */
    message: string | (() => string);
    /** Becomes `reason`. */
    reason: TokenVerificationErrorReason;
  }) {
    // A text is the usual own `message`. A function leaves none, so that `message` (and the first line of `stack`,
    // and `String(error)`) reads the accessors below: a rejected token that nobody logs never formats dates, and
    // the error costs no own accessor (which would give each such error a shape of its own).
    super(typeof message === 'string' ? message : undefined);
    this.#lazy = message;
    this.reason = reason;
    this.action = action;
  }

  /** The text of the error (built on first read when it was given as a function). */
  override get message(): string {
    // Read on the prototype itself (an inspector walking it, say) there is no text: '' as on `Error.prototype`.
    if (!(#lazy in this)) return '';
    if (typeof this.#lazy === 'function') this.#lazy = this.#lazy();
    return this.#lazy as string;
  }

  override set message(text: string) {
    this.#lazy = text;
  }

  /** `message action (reason=…, token-carrier=…)`, the text request states carry. */
  getFullMessage(): string {
    const text = [this.message, this.action].filter(Boolean).join(' ');
    return `${text} (reason=${this.reason}, token-carrier=${this.tokenCarrier})`;
  }
}
