import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordingHeaders } from '../../test/recorded-headers';
import { buildRequestUrl, createIsomorphicRequest } from '../index';
import { parseCookies } from './cookies';
import { readFlowHeaders, readHeaders, withRequestHeaders } from './headers';
import { buildOrigin, isBrowserUserAgent, isCrossOrigin } from './origin';

describe('buildOrigin', () => {
  it.each([
    [{}, ''],
    [{ protocol: 'http' }, ''],
    [{ host: 'localhost:3000' }, ''],
    [{ protocol: 'http', host: 'localhost:3000' }, 'http://localhost:3000'],
    [{ protocol: 'https:', host: 'localhost:3000' }, 'https://localhost:3000'],
    [{ protocol: 'http', host: 'localhost:3000', forwardedProto: 'https,http' }, 'https://localhost:3000'],
    [{ protocol: 'http', host: 'localhost:3000', forwardedHost: 'example.com,proxy' }, 'http://example.com'],
    [{ forwardedProto: 'https', forwardedHost: 'example.com' }, 'https://example.com'],
    [{ protocol: 'http', forwardedProto: 'https', forwardedHost: 'example.com' }, 'https://example.com'],
    [{ host: 'localhost', forwardedProto: 'https', forwardedHost: 'example.com' }, 'https://example.com'],
    [
      { protocol: 'http', host: 'h', forwardedProto: 'https,http', forwardedHost: 'example.com,proxy' },
      'https://example.com',
    ],
    [{ protocol: 'http', host: 'localhost:3000', forwardedHost: '' }, ''],
  ])('%o gives %s', (parts, expected) => {
    expect(buildOrigin(parts)).toBe(expected);
  });
});

describe('buildRequestUrl', () => {
  it('is unchanged without forwarding headers', () => {
    expect(buildRequestUrl(new Request('http://localhost:3000/path')).href).toBe(
      'http://localhost:3000/path',
    );
  });

  it('applies the forwarded host and proto, which beat the host header', () => {
    const request = new Request('http://localhost:3000/path', {
      headers: { 'x-forwarded-host': 'example.com', 'x-forwarded-proto': 'https,http', host: 'h.com' },
    });
    expect(buildRequestUrl(request).href).toBe('https://example.com/path');
  });

  it('uses the host header and keeps the query string (compatibility row 9)', () => {
    const request = new Request('http://localhost:3000/path?q=1&__clerk_synced=true', {
      headers: { host: 'h.com:81' },
    });
    expect(buildRequestUrl(request).href).toBe('http://h.com:81/path?q=1&__clerk_synced=true');
  });

  it('an explicit path replaces the path and query', () => {
    expect(buildRequestUrl(new Request('http://localhost:3000/path?q=1'), '/other-path').href).toBe(
      'http://localhost:3000/other-path',
    );
  });
});

describe('createIsomorphicRequest', () => {
  it('rewrites the URL from forwarded headers and keeps method, headers, body and query', async () => {
    const request = createIsomorphicRequest(
      (RequestClass, HeadersClass) =>
        new RequestClass('http://internal:8080/p/a?x=1&__clerk_synced=true', {
          method: 'POST',
          body: 'payload',
          headers: new HeadersClass({
            'x-forwarded-host': 'example.com,proxy',
            'x-forwarded-proto': 'https',
            'x-a': '1',
          }),
        }),
    );
    expect(request.url).toBe('https://example.com/p/a?x=1&__clerk_synced=true');
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-a')).toBe('1');
    await expect(request.text()).resolves.toBe('payload');
  });
});

describe('isCrossOrigin (the util/request catalogue)', () => {
  const notCross: Array<
    [string, string, { host?: string; forwardedHost?: string; forwardedProto?: string }]
  > = [
    ['IPv6', 'http://[::1]', { host: '[::1]' }],
    ['default https port', 'https://localhost:443', { host: 'localhost', forwardedProto: 'https' }],
    [
      'forwarded host wins over host',
      'http://localhost:3000',
      { host: '127.0.0.1:3000', forwardedHost: 'localhost:3000' },
    ],
    ['http localhost', 'http://localhost', { host: 'localhost' }],
    ['https localhost', 'https://localhost', { host: 'localhost' }],
    [
      'referrer on the forwarded host, empty host',
      'https://example.com/path',
      { host: '', forwardedHost: 'example.com', forwardedProto: 'https' },
    ],
    [
      'AWS Amplify',
      'https://main.d2.amplifyapp.com',
      {
        host: 'main.d2.amplifyapp.com',
        forwardedHost: 'main.d2.amplifyapp.com',
        forwardedProto: 'https,http',
      },
    ],
    [
      'Railway',
      'https://app.up.railway.app',
      { host: 'app.up.railway.app', forwardedHost: 'app.up.railway.app', forwardedProto: 'https' },
    ],
    ['forwarded port ignored', 'http://localhost:4011', { host: 'localhost:4011' }],
    ['no host known', 'https://anything.com', {}],
  ];
  it.each(notCross)('not cross-origin: %s', (_, origin, input) => {
    expect(isCrossOrigin(new URL(origin), input)).toBe(false);
  });

  const cross: Array<[string, string, { host?: string; forwardedHost?: string; forwardedProto?: string }]> = [
    ['port 80 against 443', 'https://localhost:80', { host: 'localhost:443' }],
    ['https against forwarded http', 'https://localhost', { host: 'localhost', forwardedProto: 'http' }],
    [
      'https against forwarded http with forwarded host',
      'https://localhost',
      { forwardedHost: 'localhost', forwardedProto: 'http' },
    ],
    ['another host', 'https://accounts.clerk.com', { host: 'localhost' }],
    ['other port', 'https://localhost:443', { host: 'localhost:3001' }],
    [
      'forwarded host on another port',
      'http://localhost:3000',
      { host: 'localhost:3000', forwardedHost: 'localhost:4000' },
    ],
    ['opaque origin', 'foo://localhost', { host: 'localhost' }],
    ['host that is no URL', 'https://example.com', { host: 'exa mple.com' }],
  ];
  it.each(cross)('cross-origin: %s', (_, origin, input) => {
    expect(isCrossOrigin(new URL(origin), input)).toBe(true);
  });
});

describe('isBrowserUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11)', true],
    ['Something Amazon CloudFront', true],
    ['mozilla/5.0', false],
    ['curl/8', false],
    [undefined, false],
  ])('%s -> %s', (agent, expected) => {
    expect(isBrowserUserAgent(agent)).toBe(expected);
  });
});

describe('parseCookies', () => {
  const ALL = ['a', 'b', 'c', 'd', 'e', 'f', 'junk', ''];

  it('takes the first duplicate, unquotes, decodes once, keeps malformed values raw', () => {
    const values = parseCookies(
      'a=1; a=2; b="q v"; c=%2530; d=%E0%A4%A; e=%C3%A9; junk; =x; f= spaced ',
      ALL,
    );
    expect(values).toEqual(['1', 'q v', '%30', '%E0%A4%A', 'é', 'spaced', undefined, undefined]);
  });

  it('is empty for a missing header', () => {
    expect(parseCookies(null, ALL)).toEqual(ALL.map(() => undefined));
    expect(parseCookies('', ALL)).toEqual(ALL.map(() => undefined));
  });

  it('skips pairs without "=", even when a later pair has one, and keeps "=" inside values', () => {
    expect(parseCookies(';;; junk; a=1;; b; =; c = x=y ; ; d', ALL)).toEqual([
      '1',
      undefined,
      'x=y',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseCookies('a=1;b=;c', ['a', 'b', 'c'])).toEqual(['1', '', undefined]);
    expect(parseCookies(';'.repeat(20_000), ALL)).toEqual(ALL.map(() => undefined));
  });

  it('with several names, matches whole trimmed names only (no prefix, no suffix), each at its index', () => {
    const names = ['__session', '__session_MWTw9P_R', '__client_uat', '__client_uat_MWTw9P_R'];
    expect(parseCookies('__session_MWTw9P_R=b; __sessionx=x; x__session=y; __session=a', names)).toEqual([
      'a',
      'b',
      undefined,
      undefined,
    ]);
    expect(parseCookies('\u00a0__client_uat\t=1;\ufeff__client_uat_MWTw9P_R\u2028= 2 ', names)).toEqual([
      undefined,
      undefined,
      '1',
      '2',
    ]);
    // U+0085 is not whitespace to `trim`, so that pair's name is not `__session`.
    expect(parseCookies('\u0085__session=x; __session=y', names)[0]).toBe('y');
  });

  it('with one name, reads one cookie: the first occurrence, unquoted and decoded, or undefined', () => {
    const readOne = (header: string | null, name: string) => parseCookies(header, [name])[0];
    const header = 'a=1; __session=s%41; x=2; __client_uat=5; __session=later; __client_uat=6';
    expect(readOne(header, '__session')).toBe('sA');
    expect(readOne(header, '__client_uat')).toBe('5');
    expect(readOne(header, 'x')).toBe('2');
    expect(readOne(header, 'missing')).toBeUndefined();
    expect(readOne(' __session = "q v" ;__session=b', '__session')).toBe('q v');
    expect(readOne('__session; __session=b', '__session')).toBe('b');
    expect(readOne('x=__session=a; __session=b', '__session')).toBe('b');
    expect(readOne('__sessionx=a; __session=', '__session')).toBe('');
    expect(readOne(null, '__session')).toBeUndefined();
    expect(readOne('', '__session')).toBeUndefined();
  });

  it('matches the rule pair by pair on arbitrary headers', () => {
    // The rule as written: split on ";", split each pair at its first "=", trim, first name wins.
    const byRule = (header: string) => {
      const cookies = new Map<string, string>();
      for (const pair of header.split(';')) {
        const eq = pair.indexOf('=');
        const name = eq < 0 ? '' : pair.slice(0, eq).trim();
        if (!name || cookies.has(name)) continue;
        let value = pair.slice(eq + 1).trim();
        if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
        let decoded = value;
        try {
          decoded = decodeURIComponent(value);
        } catch {}
        cookies.set(name, decoded);
      }
      return [...cookies];
    };
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'b',
            '=',
            ';',
            ' ',
            '"',
            '%',
            '4',
            '1',
            'é',
            '\t',
            '\u00a0',
            '\u0085',
            '\ufeff',
          ),
        }),
        header => {
          const cookies = new Map(byRule(header));
          const names = ['a', 'b', 'ab', 'a b', 'é'];
          for (const name of names) expect(parseCookies(header, [name])).toEqual([cookies.get(name)]);
          expect(parseCookies(header, names)).toEqual(names.map(name => cookies.get(name)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('readHeaders', () => {
  const headers = () =>
    new Headers({
      Cookie: '__session=t',
      'X-Forwarded-Host': 'a.example.com, b.example.com',
      'User-Agent': 'Mozilla/5.0',
      Origin: '',
      'Sec-Fetch-Dest': 'document',
    });
  const expected = {
    authorization: undefined,
    cookie: '__session=t',
    origin: undefined,
    host: undefined,
    forwardedHost: 'a.example.com, b.example.com',
    forwardedPort: undefined,
    cloudFrontForwardedProto: undefined,
    forwardedProto: undefined,
    referrer: undefined,
    userAgent: 'Mozilla/5.0',
    secFetchDest: 'document',
    accept: undefined,
  };

  it('gives what get() gives for each header of a native Headers, an empty value as undefined', () => {
    expect(readHeaders(new Request('https://example.com/', { headers: headers() }).headers)).toEqual(
      expected,
    );
  });

  it('gives the same for any other object with get() (a polyfill, a subclass)', () => {
    const native = headers();
    expect(readHeaders({ get: (name: string) => native.get(name) })).toEqual(expected);
    class Subclass extends Headers {}
    expect(readHeaders(new Subclass(native))).toEqual(expected);
  });
});

describe('readFlowHeaders and withRequestHeaders (the 0.x form reads what its rules need)', () => {
  const all = {
    authorization: 'Bearer t',
    cookie: '__session=t',
    host: 'example.com',
    'x-forwarded-host': 'fwd.example.com',
    'x-forwarded-port': '8443',
    'cloudfront-forwarded-proto': 'https',
    'x-forwarded-proto': 'http',
    referer: 'https://example.com/from',
    'user-agent': 'Mozilla/5.0',
    'sec-fetch-dest': 'document',
    accept: 'text/html',
  };
  const recording = (values: Record<string, string>) => recordingHeaders(new Headers(values));

  it('without Origin, outside development and satellites: Origin, Authorization and Cookie only', () => {
    const headers = recording(all);
    expect(readFlowHeaders(headers, false)).toEqual({
      ...readHeaders(new Headers()),
      authorization: 'Bearer t',
      cookie: '__session=t',
    });
    expect(headers.names).toEqual(['origin', 'authorization', 'cookie']);
  });

  it('with an Origin, in development or for a satellite: every header, as readHeaders reads them', () => {
    for (const [values, devOrSatellite] of [
      [{ ...all, origin: 'https://example.com' }, false],
      [all, true],
    ] as const) {
      const expected = readHeaders(new Headers(values));
      expect(readFlowHeaders(new Headers(values), devOrSatellite)).toEqual(expected);
      const headers = recording(values);
      expect(readFlowHeaders(headers, devOrSatellite)).toEqual(expected);
      expect(new Set(headers.names)).toEqual(
        new Set([...(devOrSatellite ? [] : ['origin']), ...Object.keys(expected).map(headerName)]),
      );
    }
  });

  it('withRequestHeaders fills only what has no value, from the request, as readRequest gives it', () => {
    const request = new Request('https://example.com/', { headers: all });
    const options = {
      request,
      host: 'explicit.example.com',
      forwardedHost: undefined as string | undefined,
      forwardedPort: undefined as string | undefined,
      forwardedProto: undefined as string | undefined,
      referrer: undefined as string | undefined,
      userAgent: undefined as string | undefined,
      other: 'kept',
    };
    expect(withRequestHeaders(options)).toBe(options);
    expect(options).toEqual({
      request,
      host: 'explicit.example.com',
      forwardedHost: 'fwd.example.com',
      forwardedPort: '8443',
      // CloudFront's header wins over X-Forwarded-Proto, as readRequest picks them.
      forwardedProto: 'https',
      referrer: 'https://example.com/from',
      userAgent: 'Mozilla/5.0',
      other: 'kept',
    });
    const withoutRequest = { host: undefined, userAgent: 'given' };
    expect(withRequestHeaders(withoutRequest)).toEqual({ host: undefined, userAgent: 'given' });
  });
});

// The header a field of RequestHeaders comes from.
function headerName(field: string): string {
  const names: Record<string, string> = {
    forwardedHost: 'x-forwarded-host',
    forwardedPort: 'x-forwarded-port',
    cloudFrontForwardedProto: 'cloudfront-forwarded-proto',
    forwardedProto: 'x-forwarded-proto',
    referrer: 'referer',
    userAgent: 'user-agent',
    secFetchDest: 'sec-fetch-dest',
  };
  return names[field] ?? field;
}
