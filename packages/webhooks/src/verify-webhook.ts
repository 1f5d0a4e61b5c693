import type { EnvironmentVariables } from '@clerk/jwks-resolver';
import { verificationFailed, WebhookVerificationError, WebhookVerificationErrorCode } from './errors';
import type { WebhookEvent } from './events';
import { type HmacBackend, headerHasSignature } from './lib/signature';

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /**
   * The endpoint's signing secret from the Clerk Dashboard (`whsec_...`). When `undefined` or `null`,
   * `CLERK_WEBHOOK_SIGNING_SECRET` is read (from `env`, else `process.env`); an explicit `''` is an error.
   */
  signingSecret?: string | null;
  /** Environment variables to read `CLERK_WEBHOOK_SIGNING_SECRET` from instead of `process.env` (a Worker's `env`). */
  env?: EnvironmentVariables;
  /**
   * The clock, in epoch milliseconds (default `Date.now`). The timestamp header must lie within 300 s of it
   * either way; tests pass a frozen clock to verify recorded deliveries.
   */
  now?: () => number;
}

const SECRET_VARIABLE = 'CLERK_WEBHOOK_SIGNING_SECRET';
const TOLERANCE_SECONDS = 300;
const SVIX_HEADERS = ['svix-id', 'svix-timestamp', 'svix-signature'] as const;
const STANDARD_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

const MISSING_SECRET =
  '@clerk/backend: Missing webhook signing secret. Set the CLERK_WEBHOOK_SIGNING_SECRET environment variable with the webhook secret from the Clerk Dashboard.';

function secretFrom(options: VerifyWebhookOptions): string {
  let secret = options.signingSecret;
  if (secret === undefined || secret === null) {
    const env = options.env ?? (globalThis as { process?: { env?: EnvironmentVariables } }).process?.env;
    const fromEnv = env?.[SECRET_VARIABLE];
    secret = typeof fromEnv === 'string' ? fromEnv : undefined;
  }
  if (!secret) throw new WebhookVerificationError(WebhookVerificationErrorCode.MissingSecret, MISSING_SECRET);
  if (typeof secret !== 'string')
    throw new WebhookVerificationError(
      WebhookVerificationErrorCode.InvalidSecret,
      '@clerk/backend: The webhook signing secret must be a string.',
    );
  return secret;
}

/** `[id, timestamp, signature]`: the `svix-*` headers, or the Standard Webhooks names when no `svix-*` is set. */
function signatureHeaders(headers: Headers): [string, string, string] {
  const read = (names: readonly string[]) => names.map(name => headers.get(name)?.trim() ?? '');
  let names: readonly string[] = SVIX_HEADERS;
  let values = read(SVIX_HEADERS);
  if (values.every(value => !value)) {
    const standard = read(STANDARD_HEADERS);
    if (standard.some(value => value)) [names, values] = [STANDARD_HEADERS, standard];
  }
  const missing = names.filter((_, index) => !values[index]);
  if (missing.length > 0)
    throw new WebhookVerificationError(
      WebhookVerificationErrorCode.MissingHeaders,
      `@clerk/backend: Missing required webhook headers: ${missing.join(', ')}`,
    );
  return values as [string, string, string];
}

async function readBody(request: Request): Promise<string> {
  try {
    return await request.text();
  } catch (error) {
    throw verificationFailed(
      WebhookVerificationErrorCode.InvalidBody,
      `The request body could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Seconds since the epoch as the header says them (`parseInt`, as the scheme's reference library reads them). */
function checkTimestamp(header: string, nowMs: number): number {
  const timestamp = Number.parseInt(header, 10);
  if (Number.isNaN(timestamp))
    throw verificationFailed(WebhookVerificationErrorCode.InvalidTimestamp, 'Invalid Signature Headers');
  const now = Math.floor(nowMs / 1000);
  if (now - timestamp > TOLERANCE_SECONDS)
    throw verificationFailed(WebhookVerificationErrorCode.TimestampTooOld, 'Message timestamp too old');
  if (timestamp > now + TOLERANCE_SECONDS)
    throw verificationFailed(WebhookVerificationErrorCode.TimestampTooNew, 'Message timestamp too new');
  return timestamp;
}

function parseEvent(body: string): Record<string, unknown> {
  const notAnEvent = (why: string) => verificationFailed(WebhookVerificationErrorCode.InvalidBody, why);
  if (body === '') throw notAnEvent('The signed body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw notAnEvent('The signed body is not valid JSON');
  }
  const event = parsed as Record<string, unknown> | null;
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw notAnEvent('The signed body is not a JSON object');
  if (typeof event.type !== 'string' || typeof event.data !== 'object' || event.data === null)
    throw notAnEvent('The signed body is not a webhook event (a string `type` and an object `data`)');
  return event;
}

/** `verifyWebhook` with the HMAC implementation of one build (see `HmacBackend`). */
export async function verifyWebhookWith<Key>(
  hmac: HmacBackend<Key>,
  request: Request,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  if (typeof request?.headers?.get !== 'function' || typeof request.text !== 'function')
    throw new TypeError(
      '@clerk/backend: verifyWebhook expects a Fetch API Request; convert a Node request with toWebRequest from @clerk/backend/node.',
    );
  const secret = secretFrom(options);
  const [id, timestampHeader, signature] = signatureHeaders(request.headers);
  const body = await readBody(request);
  const key = await hmac.importKey(secret);
  const nowMs = (options.now ?? Date.now)();
  // A clock that is not a number would make every timestamp look fresh: fail closed.
  if (!Number.isFinite(nowMs))
    throw new TypeError('@clerk/backend: verifyWebhook: `now` must return epoch milliseconds.');
  const timestamp = checkTimestamp(timestampHeader, nowMs);
  const expected = await hmac.sign(key, `${id}.${timestamp}.${body}`);
  if (!headerHasSignature(signature, expected))
    throw verificationFailed(WebhookVerificationErrorCode.NoMatchingSignature, 'No matching signature found');
  const event = parseEvent(body);
  return {
    type: event.type,
    object: 'event',
    data: event.data,
    event_attributes: event.event_attributes,
    ...('instance_id' in event ? { instance_id: event.instance_id } : {}),
    ...('timestamp' in event ? { timestamp: event.timestamp } : {}),
  } as WebhookEvent;
}
