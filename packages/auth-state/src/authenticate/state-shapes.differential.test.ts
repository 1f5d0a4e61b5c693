// The whole shape of every 0.x request state, side by side with @clerk/backend 0.38.15 (`clerk-backend-038`) on
// the same requests: own keys in order, each one's descriptor (enumerable, writable, configurable), each value
// (functions as their type), and the auth object `toAuth()` gives (its keys and non-function values, the same
// object on every call of a signed-in state). Through the standalone call, the factory and a factory call that
// overrides echoed options, so that a change in how states are built cannot drift from 0.x unnoticed.
import { Clerk } from 'clerk-backend-038';
import { beforeAll, describe, expect, it } from 'vitest';
import { instanceKey, nowSeconds, sessionClaims, signToken } from '../../test/keys';
import { type AuthenticateRequestOptions, authenticateRequest, createAuthenticateRequest } from '../index';

const SECRET = 'sk_live_state_shapes';
const BROWSER = 'Mozilla/5.0 (state shapes)';
const tokens = { valid: '', expired: '' };
let iat = 0;

beforeAll(async () => {
  iat = nowSeconds();
  tokens.valid = await signToken();
  tokens.expired = await signToken(sessionClaims({ exp: iat - 3600, nbf: iat - 7200 }));
});

// Every header the 0.x form reads, none of which changes a production outcome without `Origin`: the debug data
// shows each value.
const cookieRequest = (cookie: string, extra: Record<string, string> = {}) =>
  new Request('https://example.com/dashboard', {
    headers: {
      host: 'example.com',
      'user-agent': BROWSER,
      accept: 'text/html',
      referer: 'https://elsewhere.example.org/page',
      'x-forwarded-host': 'example.com, proxy.internal',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      cookie,
      ...extra,
    },
  });

// One request per 0.x outcome of the cookie and header flows.
const requests = {
  'signed in (cookie)': () =>
    cookieRequest(`_ga=1; __client_uat=${iat - 60}; __session=${tokens.valid}; x=y`),
  'signed in (header)': () =>
    new Request('https://example.com/api', { headers: { authorization: `Bearer ${tokens.valid}` } }),
  'signed out (client uat 0)': () => cookieRequest(`__client_uat=0; __session=${tokens.valid}`),
  'signed out (no cookies)': () => cookieRequest('theme=dark'),
  'interstitial (cookie outdated)': () =>
    cookieRequest(`__client_uat=${iat + 60}; __session=${tokens.valid}`),
  'interstitial (cookie expired)': () =>
    cookieRequest(`__client_uat=${iat - 60}; __session=${tokens.expired}`),
  'unknown (header expired)': () =>
    new Request('https://example.com/api', { headers: { authorization: `Bearer ${tokens.expired}` } }),
};

// Echoed options set explicitly (every echoed field a value), beside none at all.
const ECHOED = {
  signInUrl: 'https://accounts.example.com/sign-in',
  signUpUrl: 'https://accounts.example.com/sign-up',
  afterSignInUrl: '/after-in',
  afterSignUpUrl: '/after-up',
  domain: 'example.com',
};

const REQUEST_VALUES = [
  'headerToken',
  'cookieToken',
  'clientUat',
  'origin',
  'host',
  'forwardedHost',
  'forwardedPort',
  'forwardedProto',
  'referrer',
  'userAgent',
];

type Described = [string, unknown, boolean | undefined, boolean | undefined, boolean | undefined];
// A message's "Current date" is the clock when each library checked the token, a second apart when a run crosses
// a second between the two calls: that one value is masked, the rest of the text is compared.
const clockMasked = (value: unknown) =>
  typeof value === 'string' ? value.replace(/Current date: [^.;]+?GMT/, 'Current date: (now)') : value;
const describeOwn = (value: object): Described[] =>
  Object.entries(Object.getOwnPropertyDescriptors(value)).map(([key, d]) => [
    key,
    typeof d.value === 'function' ? 'function' : clockMasked(d.value),
    d.enumerable,
    d.writable,
    d.configurable,
  ]);

interface AnyState {
  status: string;
  toAuth: () => Record<string, unknown> | null;
}

async function bothStates(
  request: Request,
  form: 'standalone' | 'factory',
  extra: Partial<AuthenticateRequestOptions>,
): Promise<[AnyState, AnyState]> {
  const legacy = (await Clerk({ secretKey: SECRET, jwtKey: instanceKey.publicPem }).authenticateRequest({
    request,
    ...extra,
  })) as unknown as AnyState;
  const options = { secretKey: SECRET, jwtKey: instanceKey.publicPem, env: {} };
  const ours = (form === 'standalone'
    ? await authenticateRequest({ request: request.clone(), ...options, ...extra })
    : await createAuthenticateRequest({ options }).authenticateRequest({
        request: request.clone(),
        ...extra,
      })) as unknown as AnyState;
  return [legacy, ours];
}

describe.each([
  ['standalone', {}],
  ['factory', {}],
  ['standalone', ECHOED],
  ['factory', ECHOED],
] as const)('%s call, echoed options %o: the state is 0.38.15s', (form, extra) => {
  it.each(Object.keys(requests) as Array<keyof typeof requests>)('%s', async name => {
    const [legacy, ours] = await bothStates(requests[name](), form, extra);
    expect(ours.status).toBe(name.split(' (')[0]!.replace(' ', '-'));
    expect(describeOwn(ours)).toEqual(describeOwn(legacy));

    const [legacyAuth, auth] = [legacy.toAuth(), ours.toAuth()];
    if (legacyAuth === null) {
      expect(auth).toBeNull();
      return;
    }
    expect(auth).not.toBeNull();
    const values = (object: Record<string, unknown>) =>
      Object.entries(object).map(([key, value]) => [key, typeof value === 'function' ? 'function' : value]);
    expect(values(auth!)).toEqual(values(legacyAuth));
    // The request values of the debug data (the flow itself may read only three headers: readFlowHeaders).
    const requestValues = (object: Record<string, unknown>) => {
      const data = (object.debug as () => Record<string, unknown>)();
      return REQUEST_VALUES.map(key => [key, data[key]]);
    };
    expect(requestValues(auth!)).toEqual(requestValues(legacyAuth));
    // Signed in: the same auth object on every call; signed out: a new one each time (both as in 0.x).
    expect(ours.toAuth() === auth).toBe(legacy.toAuth() === legacyAuth);
    if (ours.status === 'signed-in')
      expect(await (auth!.getToken as () => Promise<unknown>)()).toBe(tokens.valid);
  });
});
