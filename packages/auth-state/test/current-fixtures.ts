// Fixtures of the current form: the reference's walkthrough keys (current-clerk.md 3.4, 3.12), tokens signed
// with node:crypto (any header and claims, `iat` included), and browser-like requests.
import { createSign } from 'node:crypto';
import { instanceKey, nowSeconds } from './keys';

/** Production: Frontend API `clerk.example.com`, cookie suffix `naoXFJnI`. */
export const PROD_PK = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
export const PROD_SUFFIX = 'naoXFJnI';
export const PROD_FAPI = 'clerk.example.com';
/** Development: Frontend API `happy-hippo-1.clerk.accounts.dev`, cookie suffix `MWTw9P_R`. */
export const DEV_PK = 'pk_test_aGFwcHktaGlwcG8tMS5jbGVyay5hY2NvdW50cy5kZXYk';
export const DEV_SUFFIX = 'MWTw9P_R';
export const DEV_FAPI = 'happy-hippo-1.clerk.accounts.dev';
export const PROD_SK = 'sk_live_handshake';
export const DEV_SK = 'sk_test_handshake';
export const SID = 'sess_handshake_1';
export const SUB = 'user_handshake_1';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with `privatePem` (the instance's by default), with exactly the header and payload given. */
export function signRaw(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
  key: { kid: string; privatePem: string } = instanceKey,
): string {
  const fullHeader = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...header };
  const input = `${b64url(fullHeader)}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privatePem).toString('base64url');
  return `${input}.${signature}`;
}

/** A session token of the instance: issued by `fapi`, valid for ten minutes from `iat` (default now). */
export function sessionToken(
  fapi: string,
  claims: Record<string, unknown> = {},
  header?: Record<string, unknown>,
) {
  const iat = typeof claims.iat === 'number' ? claims.iat : nowSeconds();
  return signRaw(
    {
      sub: SUB,
      sid: SID,
      iss: `https://${fapi}`,
      azp: 'https://app.example.com',
      iat,
      nbf: iat - 5,
      exp: iat + 600,
      ...claims,
    },
    header,
  );
}

export interface RequestInitOptions {
  method?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  /** `document` (default), `empty`, or `null` for no `sec-fetch-dest`. */
  dest?: string | null;
}

/** A request as a browser sends it for a page navigation (by default). */
export function browserRequest(
  url: string,
  { method = 'GET', cookies = {}, headers = {}, dest = 'document' }: RequestInitOptions = {},
) {
  const all: Record<string, string> = { ...headers };
  if (dest) all['sec-fetch-dest'] = dest;
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  if (cookie) all.cookie = cookie;
  return new Request(url, { method, headers: all });
}

/** The query of a `location` as a set of name/value pairs, and its base, for order-insensitive comparison. */
export function locationParts(location: string | null) {
  if (!location) return null;
  const url = new URL(location);
  return {
    base: `${url.origin}${url.pathname}`,
    params: [...url.searchParams.entries()].map(([name, value]) => `${name}=${value}`).sort(),
  };
}
