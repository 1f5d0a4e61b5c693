// verifyDecodedToken: the same verification as verifyToken for a token the caller decoded already.
import { decodeJwtForVerification, TokenVerificationError } from '@clerk/jwt-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JwksServer, startJwksServer } from '../test/jwks-server';
import { rejection } from '../test/rejection';
import { claims, ISSUER, nowSeconds, signingKey, signToken } from '../test/tokens';
import { verifyDecodedToken, verifyToken } from './verify-token';

const key = signingKey('ins_decoded');
const otherKey = signingKey('ins_decoded_other');
const SECRET = 'sk_test_decoded';
let server: JwksServer;

beforeAll(async () => {
  server = await startJwksServer();
  server.setKeys([key.publicJwk], SECRET);
});
afterAll(() => server.close());

const local = { jwtKey: key.publicPem, issuer: ISSUER, env: {} };
const decoded = (token: string) => verifyDecodedToken(token, decodeJwtForVerification(token), local);

describe('verifyDecodedToken', () => {
  it('resolves to the claims of a token signed by the key, as verifyToken does', async () => {
    const token = signToken(key);
    const payload = await decoded(token);
    expect(payload.sub).toBe('user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr');
    expect(payload).toEqual(await verifyToken(token, { ...local, verifiedTokenCache: false }));
  });

  it('verifies against a JWKS from the Backend API', async () => {
    const token = signToken(key, claims({ sid: 'sess_decoded_jwks' }));
    const payload = await verifyDecodedToken(token, decodeJwtForVerification(token), {
      secretKey: SECRET,
      apiUrl: server.url,
      issuer: ISSUER,
      env: {},
    });
    expect(payload.sid).toBe('sess_decoded_jwks');
  });

  it('rejects what verifyToken rejects, with the same reason and message', async () => {
    const now = nowSeconds();
    const cases = {
      'signed by another key': signToken(otherKey, claims(), { kid: key.kid }),
      expired: signToken(key, claims({ exp: now - 600, iat: now - 700, nbf: now - 700 })),
      'foreign issuer': signToken(key, claims({ iss: 'https://clerk.other.example' })),
      'machine category': signToken(key, claims({ sub: 'mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk' }), {
        cat: 'cl_B7d4PD333AAA',
      }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const ours = await rejection(decoded(token));
      const reference = await rejection(verifyToken(token, { ...local, verifiedTokenCache: false }));
      expect(ours, name).toBeInstanceOf(TokenVerificationError);
      expect({ reason: ours.reason, message: ours.message }, name).toEqual({
        reason: reference.reason,
        message: reference.message,
      });
    }
  });

  it('a verified token enters the verified-token cache that verifyToken reads; a hit returns the decoded payload', async () => {
    const token = signToken(key, claims({ sid: 'sess_decoded_cache' }));
    await decoded(token);
    // The hit is verifyToken's too (no second verification needed for the same token string).
    expect((await verifyToken(token, local)).sid).toBe('sess_decoded_cache');
    // With the token decoded already, a hit hands back that payload rather than parsing the token again.
    const jwt = decodeJwtForVerification(token);
    expect(await verifyDecodedToken(token, jwt, local)).toBe(jwt.payload);
  });
});
