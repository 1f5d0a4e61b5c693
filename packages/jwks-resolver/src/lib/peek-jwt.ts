import { decodeBase64Url } from '@clerk/jwt-core';

const utf8 = new TextDecoder();

/** The payload JSON of a token that verified earlier (so its payload is known to be base64url JSON). */
export function payloadTextOf(token: string): string {
  return utf8.decode(decodeBase64Url(token.split('.')[1]!)!);
}
