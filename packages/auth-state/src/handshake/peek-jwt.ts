// The header and payload of a token without decoding its signature: what the rules before verification read
// (the choice of cookie set, rules 11-13). Decoding the whole token costs several times more, and the
// verifier decodes it again anyway.
import { decodeJwt, type JwtHeader, type JwtPayload } from '@clerk/jwt-core';

/** A token's header and payload. */
export interface PeekedJwt {
  header: JwtHeader;
  payload: JwtPayload;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\x00-\x7f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function segmentObject(segment: string): Record<string, unknown> | null {
  if (!SEGMENT.test(segment)) return null;
  const standard =
    segment.includes('-') || segment.includes('_') ? segment.replace(/-/g, '+').replace(/_/g, '/') : segment;
  const binary = atob(standard);
  const text = NON_ASCII.test(binary)
    ? utf8.decode(Uint8Array.from(binary, char => char.charCodeAt(0)))
    : binary;
  const value = JSON.parse(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

// An instance's tokens share a handful of headers: each distinct header segment is decoded once (bounded).
const headers = new Map<string, Record<string, unknown> | null>();

function headerObject(segment: string): Record<string, unknown> | null {
  let header = headers.get(segment);
  if (header === undefined) {
    header = segmentObject(segment);
    if (headers.size >= 64) headers.clear();
    headers.set(segment, header);
  }
  return header;
}

/**
 * The header and payload; for anything that is not three base64url segments with JSON-object header and
 * payload, it throws what `decodeJwt` throws (a `TokenVerificationError`, `token-invalid`).
 */
export function peekJwt(token: string): PeekedJwt {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  // Three segments, a non-empty signature (its bytes are the verifier's business).
  if (first > 0 && second > first + 1 && second < token.length - 1 && token.indexOf('.', second + 1) < 0) {
    try {
      const header = headerObject(token.slice(0, first));
      const payload = segmentObject(token.slice(first + 1, second));
      // The cached header is shared between calls; callers only read it.
      if (header && payload) return { header: header as JwtHeader, payload: payload as JwtPayload };
    } catch {
      // Reported by decodeJwt below, with its exact error.
    }
  }
  return decodeJwt(token);
}
