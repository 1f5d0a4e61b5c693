// Token categories (reference current-clerk.md 1.6), `crit` (RFC 7515 4.1.11) and verifyInstanceJwt, the
// primitive machine authentication verifies M2M and OAuth JWTs with.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { claims, nowSeconds, signingKey, signToken } from '../test/tokens';
import { resolveKey } from './resolve-key';
import { type InstanceJwtOptions, verifyInstanceJwt, verifyToken } from './verify-token';

const key = signingKey('ins_categories');
const SECRET = 'sk_test_categories';
const MACHINE = 'cl_B7d4PD333AAA';
let server: JwksServer;

beforeAll(async () => {
  server = await startJwksServer();
  server.setKeys([key.publicJwk], SECRET);
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const bapi = (extra: InstanceJwtOptions = {}): InstanceJwtOptions => ({
  secretKey: SECRET,
  apiUrl: server.url,
  env: {},
  ...extra,
});
const local = (extra: InstanceJwtOptions = {}): InstanceJwtOptions => ({
  jwtKey: key.publicPem,
  env: {},
  ...extra,
});
const machineClaims = () =>
  claims({ sub: 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk', sid: undefined, azp: undefined });

describe('verifyToken: a machine JWT is never a session token', () => {
  it('cat cl_B7d4PD333AAA is token-invalid "Invalid session token category." with a local key and a JWKS', async () => {
    const token = signToken(key, machineClaims(), { cat: MACHINE });
    for (const options of [local(), bapi()]) {
      const error = await rejection(verifyToken(token, options));
      expect(error).toMatchObject({ reason: 'token-invalid', message: 'Invalid session token category.' });
      expect(error.source).toBe('token');
    }
    // Rejected before the key: no JWKS request for it.
    expect(server.requests).toHaveLength(0);
  });

  it('even when the token is expired, and even after verifyInstanceJwt verified it', async () => {
    const expired = signToken(key, claims({ exp: nowSeconds() - 3600 }), { cat: MACHINE });
    expect((await rejection(verifyToken(expired, local()))).message).toBe('Invalid session token category.');
    const token = signToken(key, machineClaims(), { cat: MACHINE });
    await expect(verifyInstanceJwt(token, local())).resolves.toMatchObject({
      sub: expect.stringMatching(/^mch_/),
    });
    await expect(verifyInstanceJwt(token, bapi())).resolves.toBeTruthy();
    for (const options of [local(), bapi()]) {
      expect((await rejection(verifyToken(token, options))).message).toBe('Invalid session token category.');
    }
  });

  it('session, template and ignore categories, and no cat, verify as before', async () => {
    for (const cat of ['cl_B7d4PD111AAA', 'cl_B7d4PD222AAA', 'cl_I7d4PD111III', undefined]) {
      await expect(verifyToken(signToken(key, claims(), { cat }), local())).resolves.toBeTruthy();
    }
  });

  it('resolveKey still resolves the key of a machine JWT (from the same JWKS cache)', async () => {
    const token = signToken(key, machineClaims(), { cat: MACHINE });
    await expect(resolveKey(token, bapi())).resolves.toEqual(key.publicJwk);
    await expect(resolveKey(token, local())).resolves.toBe(key.publicPem);
  });
});

describe('crit: no JWS extension is implemented', () => {
  it('a correctly signed token with crit is token-invalid through verifyToken, before claims and keys', async () => {
    const fresh = signToken(key, claims(), { crit: ['b64'], b64: true });
    const expired = signToken(key, claims({ exp: nowSeconds() - 3600 }), {
      crit: ['exp'],
      kid: 'ins_unknown',
    });
    for (const token of [fresh, expired]) {
      for (const options of [local(), bapi()]) {
        const error = await rejection(verifyToken(token, options));
        expect(error.reason).toBe('token-invalid');
        expect(error.message).toMatch(/^Unsupported JWT critical header parameters \(crit\)/);
      }
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('verifyInstanceJwt', () => {
  it('verifies an M2M JWT with the key resolution and claim checks of verifyToken', async () => {
    const token = signToken(key, machineClaims(), { cat: MACHINE });
    const payload = await verifyInstanceJwt(token, bapi({ issuer: iss => iss.startsWith('https://') }));
    expect(payload.sub).toBe('mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk');
    const expired = signToken(key, { ...machineClaims(), exp: nowSeconds() - 3600 }, { cat: MACHINE });
    expect((await rejection(verifyInstanceJwt(expired, bapi()))).reason).toBe('token-expired');
    const forged = signToken(signingKey('ins_categories'), machineClaims(), { cat: MACHINE });
    expect((await rejection(verifyInstanceJwt(forged, bapi()))).reason).toBe('token-invalid-signature');
  });

  it('headerTypes admits OAuth access-token JWTs (typ at+jwt) and then requires them', async () => {
    const headerTypes = ['at+jwt', 'application/at+jwt'];
    const oauth = signToken(key, claims({ sub: 'user_1', client_id: 'client_1' }), { typ: 'at+jwt' });
    await expect(verifyInstanceJwt(oauth, bapi({ headerTypes }))).resolves.toMatchObject({
      client_id: 'client_1',
    });
    expect((await rejection(verifyInstanceJwt(oauth, bapi()))).reason).toBe('token-invalid');
    expect((await rejection(verifyToken(oauth, bapi()))).reason).toBe('token-invalid');
    const session = signToken(key);
    await verifyToken(session, bapi());
    // The verified-token cache never answers a call with headerTypes: the session token's typ fails it.
    expect((await rejection(verifyInstanceJwt(session, bapi({ headerTypes })))).message).toBe(
      'Invalid JWT type "JWT". Expected "at+jwt" or "application/at+jwt".',
    );
  });

  it('rejects crit too', async () => {
    const token = signToken(key, machineClaims(), { cat: MACHINE, crit: ['b64'] });
    expect((await rejection(verifyInstanceJwt(token, local()))).reason).toBe('token-invalid');
  });
});
