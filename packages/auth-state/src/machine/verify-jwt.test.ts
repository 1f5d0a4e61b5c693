import { signJwt } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignKey, instanceKey, nowSeconds } from '../../test/keys';
import { INSTANCE_SECRET, MACHINE_SECRET, type MachineApi, startMachineApi } from '../../test/machine-api';
import { type MachineAuthOptions, verifyMachineAuthToken } from './index';

let api: MachineApi;
beforeAll(async () => {
  api = await startMachineApi();
});
afterAll(() => api.close());

const MACHINE = 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk';
const USER = 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk';
const local = (): MachineAuthOptions => ({ jwtKey: instanceKey.publicPem, env: {} });

function sign(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { typ: 'JWT' },
  key: { kid: string; privatePem: string } = instanceKey,
): Promise<string> {
  return signJwt(payload, key.privatePem, { algorithm: 'RS256', header: { kid: key.kid, ...header } });
}
const m2mClaims = (extra: Record<string, unknown> = {}) => {
  const now = nowSeconds();
  return { iss: 'https://clerk.example.com', sub: MACHINE, iat: now, nbf: now - 5, exp: now + 600, ...extra };
};
const oauthClaims = (extra: Record<string, unknown> = {}) => {
  const now = nowSeconds();
  return {
    iss: 'https://clerk.example.com',
    sub: USER,
    iat: now,
    exp: now + 600,
    client_id: 'client_abc',
    ...extra,
  };
};

async function failure(token: string, options: MachineAuthOptions) {
  const result = await verifyMachineAuthToken(token, options);
  expect(result.data).toBeUndefined();
  return { error: result.errors![0], tokenType: result.tokenType };
}

describe('networkless machine JWTs (5.2)', () => {
  it('maps an M2M JWT: jti, scopes from `scopes`, claims without the registered ones, times in ms; no request', async () => {
    const claims = m2mClaims({ jti: 'mt_0123', scopes: 'mch_a mch_b', aud: ['ignored'], region: 'eu' });
    const token = await sign(claims);
    const mark = api.requests.length;
    const result = await verifyMachineAuthToken(token, {
      ...local(),
      apiUrl: api.url,
      secretKey: INSTANCE_SECRET,
    });
    expect(api.requests.length).toBe(mark);
    expect(result.tokenType).toBe('m2m_token');
    expect(result.data).toEqual({
      id: 'mt_0123',
      subject: MACHINE,
      scopes: ['mch_a', 'mch_b'],
      claims: { scopes: 'mch_a mch_b', aud: ['ignored'], region: 'eu' },
      revoked: false,
      revocationReason: null,
      expired: false,
      expiration: claims.exp * 1000,
      createdAt: claims.iat * 1000,
      updatedAt: claims.iat * 1000,
    });
  });

  it('M2M scopes fall back to `aud`, then []; no custom claims gives claims null and no jti gives id ""', async () => {
    const withAud = await verifyMachineAuthToken(await sign(m2mClaims({ aud: ['mch_x', 'mch_y'] })), local());
    expect(withAud.data).toMatchObject({
      id: '',
      scopes: ['mch_x', 'mch_y'],
      claims: { aud: ['mch_x', 'mch_y'] },
    });
    const bare = await verifyMachineAuthToken(await sign(m2mClaims(), {}), local());
    expect(bare.data).toMatchObject({ id: '', scopes: [], claims: null });
  });

  it.each(['at+jwt', 'application/at+jwt'])('maps an OAuth JWT with typ %s: scp, else scope', async typ => {
    const claims = oauthClaims({ jti: 'oat_1', scp: ['read', 'write'], scope: 'ignored' });
    const result = await verifyMachineAuthToken(await sign(claims, { typ }), local());
    expect(result.tokenType).toBe('oauth_token');
    expect(result.data).toEqual({
      id: 'oat_1',
      clientId: 'client_abc',
      type: 'oauth_token',
      subject: USER,
      scopes: ['read', 'write'],
      revoked: false,
      revocationReason: null,
      expired: false,
      expiration: claims.exp * 1000,
      createdAt: claims.iat * 1000,
      updatedAt: claims.iat * 1000,
    });
    const spaced = await verifyMachineAuthToken(await sign(oauthClaims({ scope: 'a b' }), { typ }), local());
    expect(spaced.data).toMatchObject({ id: '', scopes: ['a', 'b'] });
    const none = await verifyMachineAuthToken(
      await sign(oauthClaims({ client_id: undefined }), { typ }),
      local(),
    );
    expect(none.data).toMatchObject({ clientId: '', scopes: [] });
  });

  it('reads CLERK_JWT_KEY from the env option', async () => {
    const result = await verifyMachineAuthToken(await sign(m2mClaims()), {
      env: { CLERK_JWT_KEY: instanceKey.publicPem },
    });
    expect(result.errors).toBeUndefined();
  });

  it('loads the JWKS once with the secret key (never the machine key) and then verifies from the cache', async () => {
    const options = {
      secretKey: INSTANCE_SECRET,
      machineSecretKey: MACHINE_SECRET,
      apiUrl: api.url,
      env: {},
    };
    const mark = api.requests.length;
    for (const token of [
      await sign(m2mClaims()),
      await sign(oauthClaims(), { typ: 'at+jwt' }),
      await sign(m2mClaims()),
    ]) {
      expect((await verifyMachineAuthToken(token, options)).errors).toBeUndefined();
    }
    const requests = api.requests.slice(mark);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/jwks' });
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${INSTANCE_SECRET}`);
  });

  it('sends clerkApiVersion as Clerk-API-Version on the JWKS load of a machine JWT, and no header without it', async () => {
    const token = await sign(m2mClaims());
    const options = { secretKey: INSTANCE_SECRET, apiUrl: api.url, env: {}, skipJwksCache: true };
    const mark = api.requests.length;
    expect(
      (await verifyMachineAuthToken(token, { ...options, clerkApiVersion: '2026-05-12' })).errors,
    ).toBeUndefined();
    expect((await verifyMachineAuthToken(token, options)).errors).toBeUndefined();
    const requests = api.requests.slice(mark);
    expect(requests.map(request => [request.path, request.headers['clerk-api-version']])).toEqual([
      ['/v1/jwks', '2026-05-12'],
      ['/v1/jwks', undefined],
    ]);
  });

  it('fails token-verification-failed `Failed to resolve JWK during verification.` without a key source', async () => {
    const { error } = await failure(await sign(m2mClaims()), { machineSecretKey: MACHINE_SECRET, env: {} });
    expect(error!.getFullMessage()).toBe(
      'Failed to resolve JWK during verification. (code=token-verification-failed, status=n/a)',
    );
  });

  it('reports a JWKS answered with 401 as token-verification-failed', async () => {
    const { error } = await failure(await sign(m2mClaims()), {
      secretKey: 'sk_test_wrong_jwks',
      apiUrl: api.url,
      env: {},
    });
    expect(error!.code).toBe('token-verification-failed');
  });

  it('never authenticates a token signed by another key (same kid)', async () => {
    const forged = await sign(m2mClaims(), { typ: 'JWT' }, foreignKey);
    const { error } = await failure(forged, local());
    expect(error!.getFullMessage()).toBe(
      'JWT signature is invalid. (code=token-verification-failed, status=n/a)',
    );
    const oauth = await sign(oauthClaims(), { typ: 'at+jwt' }, foreignKey);
    expect((await failure(oauth, local())).error!.code).toBe('token-verification-failed');
  });

  it('rejects alg none and HS256 even with the right payload', async () => {
    const [header, payload] = (await sign(m2mClaims())).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.${header}`;
    expect((await failure(none, local())).error!.code).toBe('token-verification-failed');
  });

  it('checks exp, nbf and aud with the skew, as token-verification-failed with the underlying message', async () => {
    const now = nowSeconds();
    const expired = await failure(await sign(m2mClaims({ exp: now - 30, iat: now - 90 })), local());
    expect(expired.error!.code).toBe('token-verification-failed');
    expect(expired.error!.message).toMatch(/^JWT is expired\. Expiry date: /);
    const withinSkew = await verifyMachineAuthToken(await sign(m2mClaims({ exp: now - 2 })), local());
    expect(withinSkew.errors).toBeUndefined();
    const noSkew = await failure(await sign(m2mClaims({ exp: now - 2 })), { ...local(), clockSkewInMs: 0 });
    expect(noSkew.error!.message).toMatch(/^JWT is expired/);
    const early = await failure(await sign(m2mClaims({ nbf: now + 60 })), local());
    expect(early.error!.message).toMatch(/^JWT cannot be used prior to not before date claim/);
    const audience = await failure(await sign(m2mClaims({ aud: 'svc-a' })), {
      ...local(),
      audience: 'svc-b',
    });
    expect(audience.error!.message).toBe(
      'Invalid JWT audience claim (aud) "svc-a". Is not included in "["svc-b"]".',
    );
    const azp = await failure(await sign(oauthClaims({ azp: 'https://evil.example' }), { typ: 'at+jwt' }), {
      ...local(),
      authorizedParties: ['https://app.example'],
    });
    expect(azp.error!.code).toBe('token-verification-failed');
  });

  it('M2M: typ must be absent or JWT, cat absent or cl_B7d4PD333AAA', async () => {
    const typed = await failure(await sign(m2mClaims(), { typ: 'at+jwt' }), local());
    expect(typed.tokenType).toBe('m2m_token');
    expect(typed.error!.getFullMessage()).toBe(
      'Invalid JWT type "at+jwt". Expected "JWT". (code=token-verification-failed, status=n/a)',
    );
    const category = await failure(await sign(m2mClaims(), { typ: 'JWT', cat: 'cl_session' }), local());
    expect(category.error!.getFullMessage()).toBe(
      'Invalid M2M JWT category. (code=token-invalid, status=n/a)',
    );
    const right = await verifyMachineAuthToken(
      await sign(m2mClaims(), { typ: 'JWT', cat: 'cl_B7d4PD333AAA' }),
      local(),
    );
    expect(right.errors).toBeUndefined();
  });

  it('a JWT that is neither kind fails with the message of 5.2, reported as an OAuth token', async () => {
    const session = await failure(await sign({ ...oauthClaims(), sub: USER }, {}), local());
    expect(session.tokenType).toBe('oauth_token');
    expect(session.error!.getFullMessage()).toBe(
      "Invalid JWT type: missing. Expected one of: at+jwt, application/at+jwt for OAuth, or sub starting with 'mch_' for M2M (code=token-verification-failed, status=n/a)",
    );
    const typed = await failure(await sign(oauthClaims(), { typ: 'JWT' }), local());
    expect(typed.error!.message).toMatch(/^Invalid JWT type: JWT\. Expected one of/);
  });

  it('a malformed token fails token-invalid with the decoder message, with no request', async () => {
    const mark = api.requests.length;
    for (const token of ['', 'a.b', 'not-a-token', 'eyJ.eyJ.sig', '....']) {
      const { error } = await failure(token, { secretKey: INSTANCE_SECRET, apiUrl: api.url, env: {} });
      expect(error!.code).toBe('token-invalid');
      expect(error!.message).toMatch(/^Invalid JWT/);
    }
    expect(api.requests.length).toBe(mark);
    const nonString = await failure(42 as unknown as string, local());
    expect(nonString.error!.code).toBe('token-invalid');
  });
});
