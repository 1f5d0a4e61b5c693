// The cookie suffix and the eight choice rules of current-clerk.md 3.4.
import { describe, expect, it } from 'vitest';
import {
  DEV_FAPI,
  DEV_PK,
  DEV_SUFFIX,
  PROD_FAPI,
  PROD_PK,
  PROD_SUFFIX,
  sessionToken,
} from '../../test/current-fixtures';
import { nowSeconds } from '../../test/keys';
import { type CookieChoiceInput, cookieSuffixOf, usesSuffixedCookies } from './cookie-suffix';

describe('cookieSuffixOf', () => {
  it('is the first 8 characters of URL-safe base64 of SHA-1 of the key (the reference values)', async () => {
    expect(await cookieSuffixOf(DEV_PK)).toBe(DEV_SUFFIX);
    expect(await cookieSuffixOf(PROD_PK)).toBe(PROD_SUFFIX);
    expect(DEV_SUFFIX).toBe('MWTw9P_R');
    expect(PROD_SUFFIX).toBe('naoXFJnI');
  });
});

const now = nowSeconds();
const own = (claims: Record<string, unknown> = {}) => sessionToken(PROD_FAPI, claims);
const base = (input: Partial<CookieChoiceInput>): CookieChoiceInput => ({
  session: undefined,
  suffixedSession: undefined,
  clientUat: undefined,
  suffixedClientUat: undefined,
  ownFrontendApi: PROD_FAPI,
  isProduction: true,
  nowSeconds: now,
  ...input,
});

describe('usesSuffixedCookies: the choice rules, first match wins', () => {
  it('1. an unsuffixed session that does not decode, or has no iss: unsuffixed (even with a suffixed set)', () => {
    const suffixed = { suffixedSession: own(), suffixedClientUat: String(now) };
    expect(usesSuffixedCookies(base({ session: 'garbage', ...suffixed }))).toBe(false);
    expect(usesSuffixedCookies(base({ session: own({ iss: undefined }), ...suffixed }))).toBe(false);
  });

  it('2. an unsuffixed session of another instance: suffixed (http and https prefixes are ignored)', () => {
    expect(usesSuffixedCookies(base({ session: sessionToken(DEV_FAPI) }))).toBe(true);
    expect(usesSuffixedCookies(base({ session: own({ iss: `http://${PROD_FAPI}` }) }))).toBe(false);
  });

  it('3. no suffixed cookie at all: unsuffixed', () => {
    expect(usesSuffixedCookies(base({ session: own(), clientUat: String(now) }))).toBe(false);
  });

  it('4. both signed in and the unsuffixed session is newer: unsuffixed; older: suffixed', () => {
    const newer = {
      session: own({ iat: now }),
      suffixedSession: own({ iat: now - 100 }),
      suffixedClientUat: String(now - 100),
    };
    expect(usesSuffixedCookies(base(newer))).toBe(false);
    expect(usesSuffixedCookies(base({ ...newer, session: own({ iat: now - 200 }) }))).toBe(true);
  });

  it('5. the suffixed client is signed out and the unsuffixed one is not: unsuffixed', () => {
    expect(usesSuffixedCookies(base({ suffixedClientUat: '0', clientUat: String(now) }))).toBe(false);
    expect(usesSuffixedCookies(base({ suffixedClientUat: '0' }))).toBe(false);
  });

  it('6. outside production, an expired suffixed session while the unsuffixed client is signed out: unsuffixed', () => {
    const expired = {
      suffixedSession: own({ iat: now - 1000 }),
      suffixedClientUat: String(now - 1000),
      clientUat: '0',
    };
    expect(usesSuffixedCookies(base({ ...expired, isProduction: false }))).toBe(false);
    // The same cookies in production: rule 8.
    expect(usesSuffixedCookies(base(expired))).toBe(true);
    // A valid suffixed session in development: rule 8.
    expect(usesSuffixedCookies(base({ ...expired, suffixedSession: own(), isProduction: false }))).toBe(true);
  });

  it('7. a suffixed session without its client cookie: unsuffixed', () => {
    expect(usesSuffixedCookies(base({ suffixedSession: own() }))).toBe(false);
  });

  it('8. otherwise suffixed', () => {
    expect(usesSuffixedCookies(base({ suffixedSession: own(), suffixedClientUat: String(now) }))).toBe(true);
    expect(usesSuffixedCookies(base({ suffixedClientUat: String(now) }))).toBe(true);
  });
});
