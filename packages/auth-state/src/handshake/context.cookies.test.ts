// The current form reads the cookies it needs by name, in one pass: on hostile `Cookie` headers (duplicates,
// quoting, spacing, percent-encoding, decoys, both cookie sets) its context must equal the one built from the
// whole header parsed into a map (the rule pair by pair, the first name wins), as the form did before.
import fc from 'fast-check';
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
import { Names, readContext } from './context';
import { usesSuffixedCookies } from './cookie-suffix';
import { resolveOptions } from './resolve-options';

/** The whole header as a map, by the rule: split on ";", then at the first "=", trim, unquote, decode once. */
function cookieMap(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {}
    cookies.set(name, value);
  }
  return cookies;
}

const now = nowSeconds();

for (const [label, pk, fapi, suffix] of [
  ['production', PROD_PK, PROD_FAPI, PROD_SUFFIX],
  ['development', DEV_PK, DEV_FAPI, DEV_SUFFIX],
] as const) {
  describe(`the cookies of the current form's context (${label} key)`, () => {
    const options = resolveOptions({}, { secretKey: 'sk_test_cookies', publishableKey: pk });
    const tokens = [
      sessionToken(fapi, { iat: now - 30 }),
      sessionToken(fapi, { iat: now - 300 }),
      sessionToken('clerk.other.example', {}),
      `"${sessionToken(fapi, { iat: now - 5 })}"`,
    ];
    const names = [
      Names.Session,
      `${Names.Session}_${suffix}`,
      Names.ClientUat,
      `${Names.ClientUat}_${suffix}`,
      Names.DevBrowser,
      `${Names.DevBrowser}_${suffix}`,
      `${Names.Refresh}_${suffix}`,
      Names.Handshake,
      Names.HandshakeNonce,
      Names.RedirectCount,
      `${Names.Session}_other`,
      `${Names.Session}x`,
      'x__session',
      '"__session"',
      '_ga',
    ];
    const values = [
      ...tokens,
      '0',
      String(now - 60),
      String(now + 60),
      '',
      ' 2 ',
      '%31',
      '%E0%A4%A',
      'a=b',
      '"q"',
    ];
    const pair = fc
      .tuple(
        fc.constantFrom(...names),
        fc.constantFrom('', ' ', '\t', '\u00a0'),
        fc.constantFrom(...values),
        fc.constantFrom('=', ' = ', '= '),
      )
      .map(([name, space, value, eq]) => `${space}${name}${space}${eq}${value}`);
    const header = fc
      .array(fc.oneof(pair, fc.constantFrom('junk', '', '=x', ' ')), { maxLength: 14 })
      .chain(pairs => fc.constantFrom('; ', ';', ' ;').map(separator => pairs.join(separator)));

    it('equals the context built from the whole header as a map', async () => {
      await fc.assert(
        fc.asyncProperty(header, async cookie => {
          const request = new Request('https://example.com/dashboard', { headers: { cookie } });
          const context = await readContext(request, options);
          const map = cookieMap(cookie);
          const get = (name: string) => map.get(name);
          const suffixed = usesSuffixedCookies({
            session: get(Names.Session),
            suffixedSession: get(`${Names.Session}_${suffix}`),
            clientUat: get(Names.ClientUat),
            suffixedClientUat: get(`${Names.ClientUat}_${suffix}`),
            ownFrontendApi: fapi,
            isProduction: label === 'production',
          });
          const chosen = (name: string) => get(suffixed ? `${name}_${suffix}` : name);
          expect({
            suffixed: context.suffixed,
            session: context.sessionTokenInCookie,
            refresh: context.refreshTokenInCookie,
            clientUat: context.clientUat,
            devBrowser: context.devBrowserToken,
            handshake: context.handshakeToken,
            nonce: context.handshakeNonce,
            redirectCount: context.redirectCount,
          }).toEqual({
            suffixed,
            session: chosen(Names.Session) || undefined,
            refresh: get(`${Names.Refresh}_${suffix}`) || undefined,
            clientUat: Number.parseInt(chosen(Names.ClientUat) || '', 10) || 0,
            devBrowser: chosen(Names.DevBrowser) || undefined,
            handshake: get(Names.Handshake) || undefined,
            nonce: get(Names.HandshakeNonce) || undefined,
            redirectCount: Number(get(Names.RedirectCount)) || 0,
          });
        }),
        { numRuns: 1500 },
      );
    });
  });
}
