import { TokenVerificationError, TokenVerificationErrorReason } from './errors';
import { decodeBase64Url } from './lib/base64url';
import { deprecated } from './lib/deprecated';
import type { Jwt, JwtHeader, JwtPayload } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function invalid(message: string): TokenVerificationError {
  return new TokenVerificationError({ reason: TokenVerificationErrorReason.TokenInvalid, message });
}

function parseSegment(segment: string, name: 'header' | 'payload'): Record<string, unknown> {
  const bytes = decodeBase64Url(segment);
  if (!bytes) throw invalid(`Invalid JWT ${name} encoding. Expected base64url.`);
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw invalid(`Invalid JWT ${name}. Expected a JSON object.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`Invalid JWT ${name}. Expected a JSON object.`);
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
  let text: string;
  try {
    text = typeof token === 'string' ? token : String(token || '');
  } catch {
    text = '';
  }
  const parts = text.split('.');
  if (parts.length !== 3) {
    throw invalid('Invalid JWT form. A JWT consists of three parts separated by dots.');
  }
  const [rawHeader, rawPayload, rawSignature] = parts as [string, string, string];
  const header = parseSegment(rawHeader, 'header') as JwtHeader;
  const payload = parseSegment(rawPayload, 'payload') as JwtPayload;
  const signature = decodeBase64Url(rawSignature);
  if (!signature) throw invalid('Invalid JWT signature encoding. Expected base64url.');
  if (Object.hasOwn(payload, 'orgs')) deprecateOrgs(payload);
  return {
    header,
    payload,
    signature,
    raw: { header: rawHeader, payload: rawPayload, signature: rawSignature, text },
  };
}
