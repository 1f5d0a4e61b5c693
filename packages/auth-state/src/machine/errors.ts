/** The `code` values of {@link MachineTokenVerificationError} (current Clerk, 5.6). */
export const MachineTokenVerificationErrorCode = {
  TokenInvalid: 'token-invalid',
  TokenVerificationFailed: 'token-verification-failed',
  InvalidSecretKey: 'secret-key-invalid',
  UnexpectedError: 'unexpected-error',
} as const;

export type MachineTokenVerificationErrorCode =
  (typeof MachineTokenVerificationErrorCode)[keyof typeof MachineTokenVerificationErrorCode];

/** Every failure to verify a machine token: tell failures apart by `code`. */
export class MachineTokenVerificationError extends Error {
  /**
   * Why verification failed: `token-invalid`, `token-verification-failed`, `secret-key-invalid`, `unexpected-error`.
   */
  code: string;
  /** The HTTP status the Backend API answered with, when it answered. */
  status?: number;
  /** What the operator can do about it, when there is something. */
  action?: string;

  constructor({
    message,
    code,
    status,
    action,
  }: {
    /** The error's message. */
    message: string;
    /** Becomes `code`. */
    code: string;
    /** Becomes `status`. */
    status?: number;
    /** Becomes `action`. */
    action?: string;
  }) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'MachineTokenVerificationError';
    this.code = code;
    this.status = status;
    this.action = action;
  }

  /** `<message> (code=<code>, status=<status or n/a>)`, the text a request state carries. */
  getFullMessage(): string {
    return `${this.message} (code=${this.code}, status=${this.status ?? 'n/a'})`;
  }
}

export const machineError = (
  code: MachineTokenVerificationErrorCode,
  message: string,
  extra: { status?: number; action?: string } = {},
): MachineTokenVerificationError => new MachineTokenVerificationError({ code, message, ...extra });

/** Any thrown value as a typed error: ours pass through, anything else is `unexpected-error`. */
export const asMachineError = (error: unknown): MachineTokenVerificationError =>
  error instanceof MachineTokenVerificationError
    ? error
    : machineError(MachineTokenVerificationErrorCode.UnexpectedError, 'Unexpected error');
