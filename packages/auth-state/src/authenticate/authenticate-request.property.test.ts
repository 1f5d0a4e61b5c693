// Garbage in cookies and headers never makes authenticateRequest reject, and never signs a request in
// without a token signed by the instance's key.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  foreignKey,
  instanceKey,
  nowSeconds,
  sessionClaims,
  signToken,
  tamperPayload,
} from '../../test/keys';
import { type AuthenticateRequestOptions, authenticateRequest } from '../index';

let invalidTokens: string[] = [];
let validToken = '';

beforeAll(async () => {
  validToken = await signToken();
  invalidTokens = [
    await signToken(sessionClaims(), foreignKey),
    tamperPayload(validToken, { sub: 'user_attacker' }),
    await signToken(sessionClaims({ exp: nowSeconds() - 60 })),
    await signToken(sessionClaims({ sub: undefined })),
    `${validToken.split('.').slice(0, 2).join('.')}.`,
    validToken.split('.').reverse().join('.'),
  ];
});

const headerChars = fc.constantFrom(
  ...'abcXYZ019 =;,"%/:._-+$<>\'\\?#&@!'.split(''),
  '%E0%A4%A',
  '%25C3',
  '%2530',
  '%',
  '__session=',
  '__client_uat=',
  'Bearer ',
  '\t',
);
/** Values a client can put into an HTTP header (visible ASCII, tab, space), including hostile encodings. */
const headerValue = fc.oneof(
  fc.string({ unit: headerChars, maxLength: 60 }),
  fc.constantFrom(
    'null',
    'not a url',
    'https://',
    'http://[::1',
    'javascript:alert(1)',
    'https://a.com, https://b.com',
  ),
  fc.integer({ min: 1, max: 20_000 }).map(size => 'a'.repeat(size)),
);

const invalidToken = fc.oneof(
  fc.nat({ max: 5 }).map(index => invalidTokens[index]!),
  headerValue,
);

/** A cookie header with duplicated, malformed, huge and quoted session and uat cookies. */
const cookieHeader = fc
  .array(
    fc.oneof(
      invalidToken.map(token => `__session=${token}`),
      headerValue.map(value => `__client_uat=${value}`),
      fc.constantFrom('__client_uat=0', '__client_uat=1', '__client_uat=99999999999', '__client_uat="5"'),
      headerValue,
    ),
    { maxLength: 6 },
  )
  .map(parts => parts.join('; '));

const secretKey = fc.constantFrom('sk_test_prop', 'sk_live_prop', 'deadbeef', 'test_x', 'live_x');

const requestHeaders = fc.record(
  {
    cookie: cookieHeader,
    authorization: fc.oneof(
      invalidToken,
      invalidToken.map(token => `Bearer ${token}`),
    ),
    origin: headerValue,
    referer: headerValue,
    host: headerValue,
    'x-forwarded-host': headerValue,
    'x-forwarded-proto': headerValue,
    'cloudfront-forwarded-proto': headerValue,
    'user-agent': fc.oneof(headerValue, fc.constant('Mozilla/5.0')),
  },
  { requiredKeys: [] },
);

const path = fc.oneof(
  fc.constant('/'),
  fc.constantFrom('/?__clerk_synced=true', '/?__clerk_satellite_url=x', '/?%E0%A4%A=%', '/?__clerk_synced=%'),
);

function base(key: string, satellite: boolean): AuthenticateRequestOptions {
  return {
    secretKey: key,
    jwtKey: instanceKey.publicPem,
    env: {},
    isSatellite: satellite,
    domain: satellite ? 'satellite.example' : undefined,
    signInUrl: satellite ? 'https://primary.example/sign-in' : undefined,
  };
}

describe('authenticateRequest with hostile requests (property)', () => {
  it('never rejects and never signs in without a valid token (Request input)', async () => {
    await fc.assert(
      fc.asyncProperty(secretKey, fc.boolean(), requestHeaders, path, async (key, satellite, headers, at) => {
        const request = new Request(`https://example.com${at}`, { headers });
        const state = await authenticateRequest({ ...base(key, satellite), request });
        expect(state.status).not.toBe('signed-in');
        expect(['signed-out', 'interstitial', 'unknown']).toContain(state.status);
      }),
      { numRuns: 300 },
    );
  });

  it('never rejects and never signs in without a valid token (explicit values, any string)', async () => {
    const anyString = fc.option(fc.oneof(fc.string({ maxLength: 40 }), headerValue), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        secretKey,
        fc.boolean(),
        fc.record({
          cookieToken: fc.option(invalidToken, { nil: undefined }),
          headerToken: fc.option(invalidToken, { nil: undefined }),
          clientUat: anyString,
          origin: anyString,
          referrer: anyString,
          host: anyString,
          forwardedHost: anyString,
          forwardedProto: anyString,
          userAgent: anyString,
        }),
        async (key, satellite, values) => {
          const state = await authenticateRequest({ ...base(key, satellite), ...values });
          expect(state.status).not.toBe('signed-in');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never rejects when a valid session cookie comes with hostile headers', async () => {
    await fc.assert(
      fc.asyncProperty(secretKey, requestHeaders, async (key, headers) => {
        const cookie = `__session=${validToken}; ${headers.cookie ?? ''}`;
        const request = new Request('https://example.com/', { headers: { ...headers, cookie } });
        const state = await authenticateRequest({ ...base(key, false), request });
        expect(['signed-in', 'signed-out', 'interstitial', 'unknown']).toContain(state.status);
        if (state.status === 'signed-in') expect(state.token).toBe(validToken);
      }),
      { numRuns: 200 },
    );
  });
});
