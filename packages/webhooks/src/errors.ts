/** Why `verifyWebhook` rejected a delivery: stable strings to branch on (the messages are for people). */
export const WebhookVerificationErrorCode = {
  /** No `signingSecret` option and no `CLERK_WEBHOOK_SIGNING_SECRET` (a configuration error: answer 500). */
  MissingSecret: 'missing-secret',
  /** The signing secret is not `whsec_` + standard padded base64, or decodes to no bytes (configuration). */
  InvalidSecret: 'invalid-secret',
  /** One of the id, timestamp and signature headers is missing or empty. */
  MissingHeaders: 'missing-headers',
  /** The timestamp header is not a number. */
  InvalidTimestamp: 'invalid-timestamp',
  /** The timestamp is more than 300 s in the past (a replay or a very late retry). */
  TimestampTooOld: 'timestamp-too-old',
  /** The timestamp is more than 300 s in the future. */
  TimestampTooNew: 'timestamp-too-new',
  /** No `v1` signature in the header matches: wrong secret, or the id, timestamp or body were changed. */
  NoMatchingSignature: 'no-matching-signature',
  /** The body could not be read, or it is signed but not a JSON event object (`type` string, `data` object). */
  InvalidBody: 'invalid-body',
} as const;

export type WebhookVerificationErrorCode =
  (typeof WebhookVerificationErrorCode)[keyof typeof WebhookVerificationErrorCode];

/** What `verifyWebhook` throws for every rejected delivery and every configuration problem. */
export class WebhookVerificationError extends Error {
  /** Why it failed; see `WebhookVerificationErrorCode`. */
  readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}

const VERIFY_PREFIX = '@clerk/backend: Unable to verify incoming webhook: ';

/** A failure of the verification step proper, with the message prefix Clerk's SDK gives those. */
export const verificationFailed = (code: WebhookVerificationErrorCode, reason: string) =>
  new WebhookVerificationError(code, VERIFY_PREFIX + reason);
