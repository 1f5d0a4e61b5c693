// What a verified-token cache hit costs: no signature check at all. jwt-core's signature check is wrapped (and
// still run) so that the calls can be counted.
import * as jwtCore from '@clerk/jwt-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rejection } from '../test/rejection';
import { claims, signingKey, signToken } from '../test/tokens';
import { verifyToken } from './verify-token';

vi.mock('@clerk/jwt-core', async importOriginal => {
  const actual = await importOriginal<typeof import('@clerk/jwt-core')>();
  return { ...actual, jwtSignatureFailure: vi.fn(actual.jwtSignatureFailure) };
});

const key = signingKey('ins_hits');
const other = signingKey('ins_hits');
const local = { jwtKey: key.publicPem, env: {} };
const signatureChecks = () => vi.mocked(jwtCore.jwtSignatureFailure).mock.calls.length;

beforeEach(() => {
  vi.mocked(jwtCore.jwtSignatureFailure).mockClear();
});

describe('verified-token cache hits', () => {
  it('the first verification of a token checks its signature; every later one is a hit without a check', async () => {
    const token = signToken(key, claims({ sid: 'sess_hits' }));
    for (const expected of [1, 1, 1, 1]) {
      await expect(verifyToken(token, local)).resolves.toMatchObject({ sid: 'sess_hits' });
      expect(signatureChecks()).toBe(expected);
    }
  });

  it('a token signed by another key is checked, and rejected, every time', async () => {
    const forged = signToken(other);
    for (const expected of [1, 2, 3]) {
      expect((await rejection(verifyToken(forged, local))).reason).toBe('token-invalid-signature');
      expect(signatureChecks()).toBe(expected);
    }
  });

  it('a cached token checked against another key misses and is checked again', async () => {
    const token = signToken(key);
    await verifyToken(token, local);
    await verifyToken(token, local);
    expect(signatureChecks()).toBe(1);
    expect((await rejection(verifyToken(token, { jwtKey: other.publicPem }))).reason).toBe(
      'token-invalid-signature',
    );
    expect(signatureChecks()).toBe(2);
  });
});
