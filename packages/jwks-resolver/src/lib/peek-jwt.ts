import { decodeBase64Url, type JwtHeader, type JwtPayload, SUPPORTED_ALGORITHMS } from '@clerk/jwt-core';

const utf8 = new TextDecoder();

/**
 * The payload segment of a token that verified earlier, as text (`undefined` if it is not base64url). Only
 * for tokens already verified: it checks nothing else.
 */
export function peekPayloadText(token: string): string | undefined {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first < 0 || second < 0) return undefined;
  const bytes = decodeBase64Url(token.slice(first + 1, second));
  return bytes ? utf8.decode(bytes) : undefined;
}

/** The claims of a payload text, or `undefined` when it is not a JSON object. */
export function parsePayload(text: string): JwtPayload | undefined {
  try {
    const value = JSON.parse(text);
    return isObject(value) ? (value as JwtPayload) : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the header's `alg` is one `verifyJwt` supports at all (the key may still narrow it). */
export const hasSupportedAlgorithm = (header: JwtHeader): boolean =>
  (SUPPORTED_ALGORITHMS as readonly string[]).includes(header.alg);
