import type { JwtPayload } from '@clerk/jwt-core';
import { type PeekedJwt, peekJwt } from './peek-jwt';

// Keys are configuration: each is hashed once (bounded, in case keys are per tenant).
const suffixes = new Map<string, Promise<string>>();
const knownSuffixes = new Map<string, string>();

async function computeSuffix(publishableKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(publishableKey));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8);
}

/** The cookie suffix of an instance: the first 8 characters of URL-safe base64 of SHA-1(publishable key). */
export function cookieSuffixOf(publishableKey: string): Promise<string> {
  let suffix = suffixes.get(publishableKey);
  if (!suffix) {
    suffix = computeSuffix(publishableKey).then(value => {
      if (knownSuffixes.size >= 1000) knownSuffixes.clear();
      knownSuffixes.set(publishableKey, value);
      return value;
    });
    if (suffixes.size >= 1000) suffixes.clear();
    suffixes.set(publishableKey, suffix);
  }
  return suffix;
}

/** The suffix when it has been computed before, without waiting (the common case after the first request). */
export const knownCookieSuffix = (publishableKey: string): string | undefined =>
  knownSuffixes.get(publishableKey);

/** What the choice between the unsuffixed and the suffixed cookie set looks at. */
export interface CookieChoiceInput {
  /** Unsuffixed `__session`. */
  session: string | undefined;
  /** Suffixed `__session_<suffix>`. */
  suffixedSession: string | undefined;
  /** Unsuffixed `__client_uat`. */
  clientUat: string | undefined;
  /** Suffixed `__client_uat_<suffix>`. */
  suffixedClientUat: string | undefined;
  /** The Frontend API host from the key (no proxy). */
  ownFrontendApi: string;
  isProduction: boolean;
  /** Seconds since the epoch; default: now, read only when a rule needs it. */
  nowSeconds?: number;
  /** Decodes a session token, throwing when it does not decode (a per-request memo, to decode each once). */
  decode?: (token: string) => PeekedJwt;
}

// The issuer without its scheme, for rule 2. The tokens of an instance share their issuer: the last is remembered.
let lastIssuer = '';
let lastIssuerHost = '';
function issuerHost(iss: string): string {
  if (iss !== lastIssuer) {
    lastIssuerHost = iss.replace(/https?:\/\//gi, '');
    lastIssuer = iss;
  }
  return lastIssuerHost;
}

/** Whether the suffixed cookie set wins (current-clerk.md 3.4, the eight choice rules, first match wins). */
export function usesSuffixedCookies(input: CookieChoiceInput): boolean {
  const { session, suffixedSession, clientUat, suffixedClientUat, decode = peekJwt } = input;
  const payloadOf = (token: string | undefined): JwtPayload | null => {
    if (!token) return null;
    try {
      return decode(token).payload;
    } catch {
      return null;
    }
  };
  const unsuffixed = payloadOf(session);
  // 1. An unsuffixed session that does not decode or has no issuer: unsuffixed.
  if (session && !unsuffixed?.iss) return false;
  // 2. An unsuffixed session issued by another instance: suffixed.
  if (
    session &&
    (typeof unsuffixed?.iss !== 'string' || issuerHost(unsuffixed.iss) !== input.ownFrontendApi)
  ) {
    return true;
  }
  // 3. No suffixed cookies at all: unsuffixed.
  if (!suffixedClientUat && !suffixedSession) return false;
  const suffixed = payloadOf(suffixedSession);
  // 4. Both clients signed in and the unsuffixed session is newer: unsuffixed.
  if (suffixedClientUat !== '0' && clientUat !== '0' && (unsuffixed?.iat || 0) > (suffixed?.iat || 0))
    return false;
  // 5. Signed out in the suffixed set only: unsuffixed.
  if (suffixedClientUat === '0' && clientUat !== '0') return false;
  // 6. Outside production, an expired suffixed session while the unsuffixed client is signed out: unsuffixed.
  if (
    !input.isProduction &&
    suffixedClientUat !== '0' &&
    clientUat === '0' &&
    suffixed &&
    suffixed.exp <= (input.nowSeconds ?? Math.floor(Date.now() / 1000))
  ) {
    return false;
  }
  // 7. A suffixed session without its client cookie: unsuffixed.
  if (!suffixedClientUat && suffixedSession) return false;
  // 8. Otherwise suffixed.
  return true;
}
