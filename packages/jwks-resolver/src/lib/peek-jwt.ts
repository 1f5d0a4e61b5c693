import { decodeBase64Url, type JwtHeader, type JwtPayload, SUPPORTED_ALGORITHMS } from '@clerk/jwt-core';
import { BoundedMap } from './bounded-map';

const utf8 = new TextDecoder();

/** JSON.parse of the base64url text between `from` and `to`; throws if it is malformed. */
function decodeSegment(token: string, from: number, to: number): unknown {
  const bytes = decodeBase64Url(token.slice(from, to));
  if (!bytes) throw new SyntaxError('not base64url');
  return JSON.parse(utf8.decode(bytes));
}

function peekSegment(token: string, index: 0 | 1): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) return undefined;
  try {
    const value = index === 0 ? decodeSegment(token, 0, first) : decodeSegment(token, first + 1, second);
    return isObject(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lenient, cheap look at a token's claims, or `undefined` when the token is not plainly well-formed. Never
 * authoritative: `verifyJwt` decodes strictly and checks everything again.
 */
export const peekPayload = (token: string) => peekSegment(token, 1) as JwtPayload | undefined;

// The tokens of one instance share a handful of headers; remembering them keeps decoding off the hot path.
const headers = new BoundedMap<string, JwtHeader | undefined>(64);

/** The same for the header; the object may be shared between calls and must not be modified. */
export function peekHeader(token: string): JwtHeader | undefined {
  const end = typeof token === 'string' ? token.indexOf('.') : -1;
  const segment = end < 0 ? '' : token.slice(0, end);
  let header = headers.get(segment);
  if (header === undefined && !headers.has(segment)) {
    header = peekSegment(token, 0) as JwtHeader | undefined;
    headers.set(segment, header);
  }
  return header;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the header's `alg` is one `verifyJwt` supports at all (the key may still narrow it). */
export const hasSupportedAlgorithm = (header: JwtHeader): boolean =>
  (SUPPORTED_ALGORITHMS as readonly string[]).includes(header.alg);
