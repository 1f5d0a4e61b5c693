import { WebhookVerificationError, WebhookVerificationErrorCode } from '../errors';

const PREFIX = 'whsec_';
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;

const invalid = (message: string) =>
  new WebhookVerificationError(WebhookVerificationErrorCode.InvalidSecret, message);

/**
 * The HMAC key of a signing secret: `whsec_` (optional) + standard, padded base64. The messages are those of
 * the Standard Webhooks library Clerk's SDK surfaces unwrapped; unlike that library, unpadded input and
 * a length that is not a multiple of 4 are rejected instead of silently losing their last characters.
 */
export function decodeSigningSecret(secret: string): Uint8Array<ArrayBuffer> {
  const text = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  if (text === '') throw invalid("Secret can't be empty.");
  const padding = text.length - text.replace(/=+$/, '').length;
  // The library's order: its padding rule, then the alphabet; then ours, whole 4-character groups.
  if (text.length < 4 || padding > 2) throw invalid('Base64Coder: incorrect padding');
  if (!BASE64_BODY.test(text.slice(0, text.length - padding)))
    throw invalid('Base64Coder: incorrect characters for decoding');
  if (text.length % 4 !== 0) throw invalid('Base64Coder: incorrect padding');
  const binary = atob(text);
  const key = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) key[i] = binary.charCodeAt(i);
  return key;
}
