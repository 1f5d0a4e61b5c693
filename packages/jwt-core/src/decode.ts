import type { TokenVerificationFailure } from './claims';
import { TokenVerificationError } from './errors';
import { decodeBase64Url } from './lib/base64url';
import { deprecated } from './lib/deprecated';
import type { Jwt, JwtHeader, JwtPayload } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How a runtime turns segments into bytes and bytes into text; every implementation is equally strict. */
export interface Codec {
  /** Strict base64url decoding with the rules of `decodeBase64Url`; `null` when malformed. */
  decodeBase64Url: (input: string) => Uint8Array<ArrayBuffer> | null;
  /** UTF-8 decoding that throws on invalid input. */
  decodeUtf8: (bytes: Uint8Array<ArrayBuffer>) => string;
}

/** The portable codec: works on every runtime. */
export const portableCodec: Codec = { decodeBase64Url, decodeUtf8: bytes => utf8.decode(bytes) };

const invalid = (message: string): TokenVerificationFailure => ({ reason: 'token-invalid', message });

/** The parsed segment, or the message of why it is malformed. */
function parseSegment(
  segment: string,
  name: 'header' | 'payload',
  codec: Codec,
): Record<string, unknown> | string {
  const bytes = codec.decodeBase64Url(segment);
  if (!bytes) return `Invalid JWT ${name} encoding. Expected base64url.`;
  let value: unknown;
  try {
    value = JSON.parse(codec.decodeUtf8(bytes));
  } catch {
    // Left undefined: reported below, as any value that is not an object.
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `Invalid JWT ${name}. Expected a JSON object.`;
  }
  return value as Record<string, unknown>;
}

// 0.x turned an `orgs` claim into a deprecated accessor; kept so that reading it still warns.
function deprecateOrgs(payload: Record<string, unknown>): void {
  const value = payload.orgs;
  Object.defineProperty(payload, 'orgs', {
    configurable: true,
    enumerable: true,
    get() {
      deprecated(
        'orgs',
        'Add organizations to your session token with a JWT template and the `user.organizations` shortcode.',
      );
      return value;
    },
  });
}

/**
 * Splits and parses a token without checking anything about it. Every malformed input gives a
 * `TokenVerificationError` with reason `token-invalid`.
 */
export function decodeJwt(token: string): Jwt {
  return decodeJwtWith(portableCodec, token, false);
}

// The tokens of one instance share a handful of header segments; each is parsed once. At most 64 are kept.
const headers = new Map<string, JwtHeader>();

function sharedHeader(segment: string): JwtHeader | string {
  let header = headers.get(segment);
  if (!header) {
    const parsed = parseSegment(segment, 'header', portableCodec);
    if (typeof parsed === 'string') return parsed;
    header = Object.freeze(parsed) as JwtHeader;
    if (headers.size >= 64) headers.delete(headers.keys().next().value as string);
    headers.set(segment, header);
  }
  return header;
}

/**
 * `decodeJwt` with a given (equally strict) codec. With `shareHeader`, the parsed header is cached
 * by its exact segment text (bounded) and shared, frozen, between the calls that carry it.
 */
export function decodeJwtWith(codec: Codec, token: string, shareHeader: boolean): Jwt {
  const jwt = decodeOrFailure(codec, token, shareHeader);
  if (isFailure(jwt)) throw new TokenVerificationError(jwt);
  return jwt;
}

/** Whether a decode result is a failure (a `Jwt` never has a `reason`). */
export const isFailure = (result: Jwt | TokenVerificationFailure): result is TokenVerificationFailure =>
  'reason' in result;

/** `decodeJwtWith` that returns what is wrong with a malformed token instead of throwing it. */
export function decodeOrFailure(
  codec: Codec,
  token: string,
  shareHeader: boolean,
): Jwt | TokenVerificationFailure {
  let text: string;
  try {
    text = typeof token === 'string' ? token : String(token || '');
  } catch {
    text = '';
  }
  const first = text.indexOf('.');
  const second = first < 0 ? -1 : text.indexOf('.', first + 1);
  if (second < 0 || text.indexOf('.', second + 1) >= 0) {
    return invalid('Invalid JWT form. A JWT consists of three parts separated by dots.');
  }
  const rawHeader = text.slice(0, first);
  const rawPayload = text.slice(first + 1, second);
  const rawSignature = text.slice(second + 1);
  const header = shareHeader ? sharedHeader(rawHeader) : parseSegment(rawHeader, 'header', codec);
  if (typeof header === 'string') return invalid(header);
  const payload = parseSegment(rawPayload, 'payload', codec);
  if (typeof payload === 'string') return invalid(payload);
  const signature = codec.decodeBase64Url(rawSignature);
  if (!signature) return invalid('Invalid JWT signature encoding. Expected base64url.');
  if (Object.hasOwn(payload, 'orgs')) deprecateOrgs(payload);
  return {
    header: header as JwtHeader,
    payload: payload as JwtPayload,
    signature,
    raw: { header: rawHeader, payload: rawPayload, signature: rawSignature, text },
  };
}
