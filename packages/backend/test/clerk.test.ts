// Clerk() against a real Backend API server on 127.0.0.1 that serves a JWKS and users per secret key.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { type ApiResult, AuthStatus, Clerk, type RequestState, signJwt, type User } from '../src/index';

interface Tenant {
  secretKey: string;
  privatePem: string;
  jwk: JsonWebKey & { kid: string };
}

function tenant(secretKey: string): Tenant {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    secretKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    // Both tenants publish the same kid: keys must never be shared across secret keys because of it.
    jwk: { ...publicKey.export({ format: 'jwk' }), kid: 'ins_same', alg: 'RS256', use: 'sig' },
  };
}

const alpha = tenant('sk_test_alpha');
const beta = tenant('sk_test_beta');
const tenants = [alpha, beta];
const seen: IncomingHttpHeaders[] = [];
let server: Server;
let apiUrl: string;

function userJson(id: string, owner: string) {
  return {
    object: 'user',
    id,
    first_name: owner,
    last_name: null,
    username: null,
    image_url: 'https://img.example.com/u.png',
    has_image: false,
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    created_at: 1,
    updated_at: 2,
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const owner = tenants.find(t => req.headers.authorization === `Bearer ${t.secretKey}`);
    res.setHeader('content-type', 'application/json');
    if (!owner) {
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          errors: [
            { code: 'authentication_invalid', message: 'Unauthorized', long_message: 'Bad key', meta: {} },
          ],
          clerk_trace_id: 'trace_401',
        }),
      );
      return;
    }
    if (req.url === '/v1/jwks') return res.end(JSON.stringify({ keys: [owner.jwk] }));
    const user = req.url?.match(/^\/v1\/users\/([^/?]+)$/);
    if (user) return res.end(JSON.stringify(userJson(decodeURIComponent(user[1]!), owner.secretKey)));
    res.statusCode = 404;
    res.end(
      JSON.stringify({ errors: [{ code: 'resource_not_found', message: 'not found' }], clerk_trace_id: 't' }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

async function sessionToken(owner: Tenant, claims: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      sub: 'user_1',
      sid: 'sess_1',
      iss: 'https://clerk.example.com',
      exp: now + 60,
      nbf: now - 5,
      ...claims,
    },
    owner.privatePem,
    { algorithm: 'RS256', header: { typ: 'JWT', kid: 'ins_same' } },
  );
}

const bearer = (token: string) =>
  new Request('https://app.example.com/dashboard', { headers: { authorization: `Bearer ${token}` } });

describe('Clerk(options)', () => {
  it('returns the 14 Backend API groups of 0.x and the six auth functions', () => {
    const clerk = Clerk({ secretKey: 'sk_test_x' });
    for (const group of [
      'allowlistIdentifiers',
      'clients',
      'domains',
      'emailAddresses',
      'emails',
      'interstitial',
      'invitations',
      'organizations',
      'phoneNumbers',
      'redirectUrls',
      'sessions',
      'signInTokens',
      'smsMessages',
      'users',
    ]) {
      expect(typeof (clerk as unknown as Record<string, unknown>)[group], group).toBe('object');
    }
    for (const fn of [
      'authenticateRequest',
      'debugRequestState',
      'localInterstitial',
      'remotePrivateInterstitial',
      'remotePublicInterstitial',
      'remotePublicInterstitialUrl',
    ]) {
      expect(typeof (clerk as unknown as Record<string, unknown>)[fn], fn).toBe('function');
    }
  });

  it('does not validate the secret key at construction; the first call fails with a clear error', async () => {
    const clerk = Clerk({ env: {} });
    await expect(clerk.users.getUser('user_1')).rejects.toThrow(/Missing Clerk Secret Key/);
  });

  it('warns once when the deprecated __unstable_options is read, and returns a copy of the options', () => {
    vi.stubEnv('NODE_ENV', 'development'); // deprecation warnings are silent under NODE_ENV=test
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const options = { secretKey: 'sk_test_x', apiUrl };
    const clerk = Clerk(options);
    expect(clerk.__unstable_options).toMatchObject(options);
    expect(clerk.__unstable_options).not.toBe(options);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    vi.unstubAllEnvs();
  });

  it('authenticates a request with the instance key fetched from its own JWKS', async () => {
    const clerk = Clerk({ secretKey: alpha.secretKey, apiUrl });
    const state = await clerk.authenticateRequest({ request: bearer(await sessionToken(alpha)) });
    expect(state.status).toBe(AuthStatus.SignedIn);
    expect(state.toAuth()).toMatchObject({ userId: 'user_1', sessionId: 'sess_1' });
  });

  it('lets per-call options override factory options', async () => {
    const clerk = Clerk({ secretKey: 'sk_test_unknown', apiUrl });
    const token = await sessionToken(alpha);
    const withFactoryKey = await clerk.authenticateRequest({ request: bearer(token) });
    expect(withFactoryKey.status).toBe(AuthStatus.SignedOut);
    const withCallKey = await clerk.authenticateRequest({
      request: bearer(token),
      secretKey: alpha.secretKey,
    });
    expect(withCallKey.status).toBe(AuthStatus.SignedIn);
  });
});

describe('Clerk(options) and the environment', () => {
  it('reads CLERK_SECRET_KEY and CLERK_API_URL from the env option for Backend API calls and authentication', async () => {
    const clerk = Clerk({ env: { CLERK_SECRET_KEY: alpha.secretKey, CLERK_API_URL: apiUrl } });
    seen.length = 0;
    const { data } = await clerk.users.getUser('user_env');
    expect(data?.firstName).toBe(alpha.secretKey);
    expect(seen[0]?.authorization).toBe(`Bearer ${alpha.secretKey}`);
    const state = await clerk.authenticateRequest({ request: bearer(await sessionToken(alpha)) });
    expect(state.status).toBe('signed-in');
  });

  it('an option beats the environment', async () => {
    const clerk = Clerk({ secretKey: beta.secretKey, apiUrl, env: { CLERK_SECRET_KEY: alpha.secretKey } });
    const { data } = await clerk.users.getUser('user_env');
    expect(data?.firstName).toBe(beta.secretKey);
    expect((await clerk.authenticateRequest({ request: bearer(await sessionToken(beta)) })).status).toBe(
      'signed-in',
    );
    expect((await clerk.authenticateRequest({ request: bearer(await sessionToken(alpha)) })).status).toBe(
      'signed-out',
    );
  });
});

describe('several instances in one process', () => {
  it('never verify each other’s tokens, even with equal kids', async () => {
    const a = Clerk({ secretKey: alpha.secretKey, apiUrl });
    const b = Clerk({ secretKey: beta.secretKey, apiUrl });
    const tokenA = await sessionToken(alpha);
    const tokenB = await sessionToken(beta);
    // Warm both caches first, so a shared cache would be caught serving the other tenant's key.
    expect((await a.authenticateRequest({ request: bearer(tokenA) })).status).toBe('signed-in');
    expect((await b.authenticateRequest({ request: bearer(tokenB) })).status).toBe('signed-in');
    const crossed = await b.authenticateRequest({ request: bearer(tokenA) });
    expect(crossed.status).toBe('signed-out');
    expect(crossed.reason).toBe('token-invalid-signature');
    expect((await a.authenticateRequest({ request: bearer(tokenB) })).status).toBe('signed-out');
  });

  it('send each its own secret key to the Backend API and get { data, errors }', async () => {
    const a = Clerk({ secretKey: alpha.secretKey, apiUrl });
    const b = Clerk({ secretKey: beta.secretKey, apiUrl });
    seen.length = 0;
    const [fromA, fromB] = await Promise.all([a.users.getUser('user_a'), b.users.getUser('user_b')]);
    expect(fromA.errors).toBeNull();
    expect(fromA.data?.firstName).toBe(alpha.secretKey);
    expect(fromB.data?.firstName).toBe(beta.secretKey);
    expect(seen.map(h => h.authorization).sort()).toEqual([
      `Bearer ${alpha.secretKey}`,
      `Bearer ${beta.secretKey}`,
    ]);
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(seen.map(h => h['user-agent'])).toEqual([
      `@clerk/backend@${version}`,
      `@clerk/backend@${version}`,
    ]);
  });

  it('report a server error as errors, not a rejection', async () => {
    const wrong = Clerk({ secretKey: 'sk_test_wrong', apiUrl });
    const result = await wrong.users.getUser('user_1');
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ code: 'authentication_invalid', longMessage: 'Bad key' });
    expect(result).toMatchObject({ status: 401, clerkTraceId: 'trace_401' });
  });
});

describe('types', () => {
  it('narrow a Backend API result on errors, and type the request state', async () => {
    const clerk = Clerk({ secretKey: alpha.secretKey, apiUrl });
    const result = await clerk.users.getUser('user_a');
    expectTypeOf(result).toEqualTypeOf<ApiResult<User>>();
    if (result.errors) {
      expectTypeOf(result.data).toBeNull();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<User>();
    }
    // The 0.x overload (an options object) is the last one, which is what ReturnType reads.
    expectTypeOf<Awaited<ReturnType<typeof clerk.authenticateRequest>>>().toEqualTypeOf<RequestState>();
    expectTypeOf(Clerk).parameter(0).toMatchTypeOf<{ secretKey?: string } | undefined>();
  });
});
