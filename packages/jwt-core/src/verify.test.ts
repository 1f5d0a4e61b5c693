import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claims, entries, keyPair, nowSeconds, signIndependently, unsignedToken } from '../test/fixtures';
import { SUPPORTED_ALGORITHMS } from './algorithms';
import { TokenVerificationError } from './errors';

const ensure = 'Make sure that this is a valid Clerk generate JWT.';

async function rejection(promise: Promise<unknown>): Promise<TokenVerificationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenVerificationError);
  return error as TokenVerificationError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each(entries)('verifyJwt through the %s entry', (backend, jwt) => {
  it('reports the backend it was built with', () => {
    expect(jwt.signatureBackend).toBe(backend);
  });

  describe('every algorithm, both ways against node:crypto', () => {
    it.each(SUPPORTED_ALGORITHMS)(
      '%s: a token signed by node:crypto verifies with PEM and JWK keys',
      async alg => {
        const pair = keyPair(alg);
        const payload = claims();
        const token = signIndependently(payload, pair);
        await expect(jwt.verifyJwt(token, { key: pair.publicPem })).resolves.toMatchObject(payload);
        await expect(jwt.verifyJwt(token, { key: pair.publicJwk })).resolves.toMatchObject(payload);
        await expect(jwt.hasValidSignature(jwt.decodeJwt(token), pair.publicJwk)).resolves.toBe(true);
      },
    );

    it.each(SUPPORTED_ALGORITHMS)('%s: a token signed here verifies with node:crypto directly', async alg => {
      const pair = keyPair(alg);
      for (const key of [pair.privatePem, pair.privateJwk]) {
        const token = await jwt.signJwt({ sub: 'user_1' }, key, { algorithm: alg });
        const [h, p, s] = token.split('.') as [string, string, string];
        const hash = `sha${alg.slice(2)}`;
        const publicKey = createPublicKey(pair.publicPem);
        const options = alg.startsWith('ES')
          ? { key: publicKey, dsaEncoding: 'ieee-p1363' as const }
          : alg.startsWith('PS')
            ? { key: publicKey, padding: 6, saltLength: Number(alg.slice(2)) / 8 }
            : publicKey;
        expect(nodeVerify(hash, Buffer.from(`${h}.${p}`), options, Buffer.from(s, 'base64url'))).toBe(true);
        expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'JWT', alg });
      }
    });

    it.each([3072, 4096])('accepts RSA keys of %i bits', async bits => {
      const pair = keyPair('RS256', bits);
      const token = signIndependently(claims(), pair);
      await expect(jwt.verifyJwt(token, { key: pair.publicPem })).resolves.toBeTruthy();
    });

    it('rejects RSA keys under 2048 bits as a key problem', async () => {
      const pair = keyPair('RS256', 1024);
      const token = signIndependently(claims(), pair);
      const error = await rejection(jwt.verifyJwt(token, { key: pair.publicJwk }));
      expect(error.reason).toBe('token-verification-failed');
      expect(error.message).toContain('at least 2048 bits');
      const pemError = await rejection(jwt.verifyJwt(token, { key: pair.publicPem }));
      expect(pemError.reason).toBe('token-verification-failed');
    });

    it('accepts the bare base64 body of a PEM key', async () => {
      const pair = keyPair('RS256');
      const body = pair.publicPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
      await expect(jwt.verifyJwt(signIndependently(claims(), pair), { key: body })).resolves.toBeTruthy();
    });
  });

  describe('signatures', () => {
    it('rejects a token signed by another key with token-invalid-signature', async () => {
      const token = signIndependently(claims(), keyPair('RS256'));
      const other = keyPair('RS256', 3072);
      const error = await rejection(jwt.verifyJwt(token, { key: other.publicPem }));
      expect(error.reason).toBe('token-invalid-signature');
      expect(error.message).toBe('JWT signature is invalid.');
      expect(error.action).toBeUndefined();
      await expect(jwt.hasValidSignature(jwt.decodeJwt(token), other.publicJwk)).resolves.toBe(false);
    });

    it('never accepts a token with any single byte changed', async () => {
      for (const alg of ['RS256', 'PS256', 'ES256'] as const) {
        const pair = keyPair(alg);
        const token = signIndependently(claims({ exp: nowSeconds() + 3600 }), pair);
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: token.length - 1 }),
            fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.+/'),
            async (index, replacement) => {
              fc.pre(token[index] !== replacement);
              const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
              const outcome = await jwt.verifyJwt(tampered, { key: pair.publicJwk }).then(
                () => 'accepted',
                (e: unknown) => (e instanceof TokenVerificationError ? 'rejected' : `threw ${String(e)}`),
              );
              expect(outcome).toBe('rejected');
            },
          ),
          { numRuns: 300 },
        );
      }
    });

    it('reports an unusable key as token-verification-failed with the error text', async () => {
      const token = signIndependently(claims(), keyPair('RS256'));
      for (const key of ['not a key', {} as JsonWebKey, keyPair('RS256').privatePem]) {
        const error = await rejection(jwt.verifyJwt(token, { key }));
        expect(error.reason).toBe('token-verification-failed');
        expect(error.action).toBe(ensure);
        expect(error.message).toMatch(/^Error verifying JWT signature\. TypeError: /);
      }
    });
  });

  describe('crit (RFC 7515 4.1.11): no JWS extension is implemented', () => {
    it('a token signed by the right key whose header has crit is token-invalid, whatever it names', async () => {
      const pair = keyPair('RS256');
      const cases: unknown[] = [['b64'], ['exp'], [], 'b64', null];
      for (const crit of cases) {
        const token = signIndependently(claims(), pair, { crit, b64: false, exp: 1 });
        expect(jwt.decodeJwt(token).header.crit).toEqual(crit);
        const error = await rejection(jwt.verifyJwt(token, { key: pair.publicPem }));
        expect(error).toMatchObject({ reason: 'token-invalid', action: ensure });
        expect(error.message).toBe(
          `Unsupported JWT critical header parameters (crit) ${JSON.stringify(crit)}. No JWS extension is supported.`,
        );
      }
      // The same claims and key without crit verify, so the rejection is the header's alone.
      await expect(
        jwt.verifyJwt(signIndependently(claims(), pair), { key: pair.publicPem }),
      ).resolves.toBeTruthy();
    });

    it('crit is reported before the alg and the claims', async () => {
      const pair = keyPair('RS256');
      const expired = claims({ exp: nowSeconds() - 3600 });
      const token = unsignedToken({ alg: 'none', typ: 'JWT', crit: ['b64'] }, expired);
      const error = await rejection(jwt.verifyJwt(token, { key: pair.publicPem }));
      expect(error.reason).toBe('token-invalid');
      expect(error.message).toContain('(crit)');
    });
  });

  describe('algorithm confusion is refused before any crypto', () => {
    const pair = keyPair('RS256');
    const ec = keyPair('ES256');

    it.each([
      ['none', { alg: 'none' }],
      ['HS256 against an RSA public key', { alg: 'HS256' }],
      ['a missing alg', {}],
      ['an unknown alg', { alg: 'RS1' }],
    ])('%s', async (_name, header) => {
      const token = unsignedToken({ typ: 'JWT', ...header }, claims(), '');
      const error = await rejection(jwt.verifyJwt(token, { key: pair.publicPem }));
      expect(error.reason).toBe('token-invalid-algorithm');
      expect(error.action).toBe(ensure);
      expect(error.message).toBe(
        `Invalid JWT algorithm ${JSON.stringify((header as { alg?: string }).alg)}. Supported: RS256,RS384,RS512,PS256,PS384,PS512.`,
      );
    });

    it('an RS token against an EC key', async () => {
      const token = signIndependently(claims(), pair);
      const error = await rejection(jwt.verifyJwt(token, { key: ec.publicJwk }));
      expect(error.reason).toBe('token-invalid-algorithm');
      expect(error.message).toBe('Invalid JWT algorithm "RS256". Supported: ES256.');
    });

    it('an ES384 token against a P-256 key', async () => {
      const token = signIndependently(claims(), keyPair('ES384'));
      const error = await rejection(jwt.verifyJwt(token, { key: ec.publicPem }));
      expect(error.reason).toBe('token-invalid-algorithm');
    });

    it('an alg outside the algorithms option', async () => {
      const token = signIndependently(claims(), keyPair('PS256'));
      const error = await rejection(
        jwt.verifyJwt(token, { key: keyPair('PS256').publicPem, algorithms: ['RS256'] }),
      );
      expect(error.reason).toBe('token-invalid-algorithm');
      expect(error.message).toBe('Invalid JWT algorithm "PS256". Supported: RS256.');
    });

    it('an alg that differs from the JWK alg', async () => {
      const token = signIndependently(claims(), { alg: 'RS512', privateKey: pair.privateKey });
      const error = await rejection(jwt.verifyJwt(token, { key: { ...pair.publicJwk, alg: 'RS256' } }));
      expect(error.reason).toBe('token-invalid-algorithm');
      expect(error.message).toBe('Invalid JWT algorithm "RS512". Supported: RS256.');
    });

    it('the alg check beats the claim checks', async () => {
      const token = unsignedToken({ alg: 'HS256' }, { exp: 1 });
      expect((await rejection(jwt.verifyJwt(token, { key: pair.publicPem }))).reason).toBe(
        'token-invalid-algorithm',
      );
    });
  });

  describe('claims, in 0.x order, before the signature', () => {
    const pair = keyPair('RS256');
    const forged = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      unsignedToken({ alg: 'RS256', typ: 'JWT', ...header }, payload, 'Zm9yZ2Vk');
    const check = (payload: Record<string, unknown>, options: Record<string, unknown> = {}, header = {}) =>
      rejection(jwt.verifyJwt(forged(payload, header), { key: pair.publicPem, ...options }));

    it('typ must be JWT when present', async () => {
      for (const typ of ['', 'Aloha']) {
        const error = await check(claims(), {}, { typ });
        expect(error).toMatchObject({ reason: 'token-invalid', action: ensure });
        expect(error.message).toBe(`Invalid JWT type ${JSON.stringify(typ)}. Expected "JWT".`);
      }
    });

    it('headerTypes replaces the typ rule: exactly one of the listed values, absent rejected', async () => {
      const types = ['at+jwt', 'application/at+jwt'];
      const pair = keyPair('RS256');
      for (const typ of types) {
        const token = signIndependently(claims(), pair, { typ });
        await expect(jwt.verifyJwt(token, { key: pair.publicPem, headerTypes: types })).resolves.toBeTruthy();
        expect((await rejection(jwt.verifyJwt(token, { key: pair.publicPem }))).reason).toBe('token-invalid');
      }
      for (const typ of ['JWT', undefined]) {
        const error = await check(claims(), { headerTypes: types }, { typ });
        expect(error).toMatchObject({ reason: 'token-invalid', action: ensure });
        expect(error.message).toBe(
          `Invalid JWT type ${JSON.stringify(typ)}. Expected "at+jwt" or "application/at+jwt".`,
        );
      }
    });

    it('sub must be a string', async () => {
      const error = await check(claims({ sub: undefined }));
      expect(error).toMatchObject({ reason: 'token-verification-failed', action: ensure });
      expect(error.message).toBe('Subject claim (sub) is required and must be a string. Received undefined.');
      expect((await check(claims({ sub: 7 }))).message).toBe(
        'Subject claim (sub) is required and must be a string. Received 7.',
      );
    });

    it('audience: any expected value matching any token value passes; otherwise the 0.x messages', async () => {
      const ok = async (aud: unknown, audience: unknown) => {
        const token = signIndependently(claims({ aud }), pair);
        await expect(
          jwt.verifyJwt(token, { key: pair.publicPem, audience: audience as string }),
        ).resolves.toBeTruthy();
      };
      await ok('a1', 'a1');
      await ok('a1', ['zz', 'a1']);
      await ok(['a0', 'a1'], 'a1');
      await ok(['a0', 'a1'], ['a1', 'b']);
      await ok(undefined, 'a1');
      await ok('', ['a1']);
      await ok('a1', undefined);
      await ok('a1', []);
      await ok('a1', ['']);
      const string = await check(claims({ aud: 'a1' }), { audience: ['zz'] });
      expect(string).toMatchObject({ reason: 'token-verification-failed', action: ensure });
      expect(string.message).toBe('Invalid JWT audience claim (aud) "a1". Is not included in "["zz"]".');
      const array = await check(claims({ aud: ['a1', 'a2'] }), { audience: 'a' });
      expect(array.message).toBe(
        'Invalid JWT audience claim array (aud) ["a1","a2"]. Is not included in "["a"]".',
      );
      expect((await check(claims({ aud: 'a1x' }), { audience: 'a1' })).reason).toBe(
        'token-verification-failed',
      );
      expect((await check(claims({ aud: 'a' }), { audience: 'a1' })).reason).toBe(
        'token-verification-failed',
      );
    });

    it('azp must be an authorized party when both are given', async () => {
      const error = await check(claims({ azp: 'azp' }), { authorizedParties: ['azp-1', 'azp-2'] });
      expect(error.reason).toBe('token-invalid-authorized-parties');
      expect(error.action).toBeUndefined();
      expect(error.message).toBe('Invalid JWT Authorized party claim (azp) "azp". Expected "azp-1,azp-2".');
      const token = signIndependently(claims({ azp: 'x' }), pair);
      await expect(
        jwt.verifyJwt(token, { key: pair.publicPem, authorizedParties: [] }),
      ).resolves.toBeTruthy();
      await expect(
        jwt.verifyJwt(token, { key: pair.publicPem, authorizedParties: ['', 'x'] }),
      ).resolves.toBeTruthy();
      const noAzp = signIndependently(claims({ azp: undefined }), pair);
      await expect(
        jwt.verifyJwt(noAzp, { key: pair.publicPem, authorizedParties: ['y'] }),
      ).resolves.toBeTruthy();
    });

    it('issuer as string, function or null', async () => {
      const payload = claims();
      const error = await check(payload, { issuer: 'https://clerk.whatever.lcl.dev' });
      expect(error).toMatchObject({ reason: 'token-invalid-issuer', action: undefined });
      expect(error.message).toBe(
        'Invalid JWT issuer claim (iss) "https://clerk.inspired.puma-74.lcl.dev". Expected "https://clerk.whatever.lcl.dev".',
      );
      const resolver = await check(payload, { issuer: () => false });
      expect(resolver.message).toBe(
        'Failed JWT issuer resolver. Make sure that the resolver returns a truthy value.',
      );
      const seen: unknown[] = [];
      const noIss = signIndependently(claims({ iss: undefined }), pair);
      await expect(jwt.verifyJwt(noIss, { key: pair.publicPem, issuer: 'https://x' })).resolves.toBeTruthy();
      await expect(
        jwt.verifyJwt(noIss, { key: pair.publicPem, issuer: iss => seen.push(iss) > 0 }),
      ).resolves.toBeTruthy();
      expect(seen).toEqual([undefined]);
      const token = signIndependently(payload, pair);
      await expect(jwt.verifyJwt(token, { key: pair.publicPem, issuer: null })).resolves.toBeTruthy();
      await expect(
        jwt.verifyJwt(token, { key: pair.publicPem, issuer: payload.iss as string }),
      ).resolves.toBeTruthy();
    });

    it('exp is required, must be a number and is checked with the skew', async () => {
      const missing = await check(claims({ exp: undefined }));
      expect(missing).toMatchObject({ reason: 'token-verification-failed', action: ensure });
      expect(missing.message).toBe('Invalid JWT expiry date claim (exp) undefined. Expected number.');
      expect((await check(claims({ exp: '1' }))).message).toBe(
        'Invalid JWT expiry date claim (exp) "1". Expected number.',
      );
      vi.useFakeTimers({ now: 1666648250_000 });
      const expired = await check(claims({ exp: 1666648240, iat: 1666648200, nbf: 1666648200 }));
      expect(expired).toMatchObject({ reason: 'token-expired', action: undefined });
      expect(expired.message).toBe(
        'JWT is expired. Expiry date: Mon, 24 Oct 2022 21:50:40 GMT, Current date: Mon, 24 Oct 2022 21:50:50 GMT.',
      );
    });

    it('the skew: default 5 s, 0 honoured, seconds option in seconds', async () => {
      vi.useFakeTimers({ now: 1666648250_000 });
      const at = (exp: number) => signIndependently(claims({ exp, iat: 1666648200, nbf: 1666648200 }), pair);
      // expired when exp <= now - skew
      await expect(jwt.verifyJwt(at(1666648246), { key: pair.publicPem })).resolves.toBeTruthy();
      expect((await rejection(jwt.verifyJwt(at(1666648245), { key: pair.publicPem }))).reason).toBe(
        'token-expired',
      );
      await expect(
        jwt.verifyJwt(at(1666648251), { key: pair.publicPem, clockSkewInMs: 0 }),
      ).resolves.toBeTruthy();
      expect(
        (await rejection(jwt.verifyJwt(at(1666648250), { key: pair.publicPem, clockSkewInMs: 0 }))).reason,
      ).toBe('token-expired');
      await expect(
        jwt.verifyJwt(at(1666648241), { key: pair.publicPem, clockSkewInSeconds: 10 }),
      ).resolves.toBeTruthy();
      expect(
        (await rejection(jwt.verifyJwt(at(1666648240), { key: pair.publicPem, clockSkewInSeconds: 10 })))
          .reason,
      ).toBe('token-expired');
    });

    it('nbf and iat are optional, must be numbers, and may not be in the future', async () => {
      vi.useFakeTimers({ now: 1666648250_000 });
      const base = { exp: 1666648310, iat: undefined, nbf: undefined };
      await expect(
        jwt.verifyJwt(signIndependently(claims(base), pair), { key: pair.publicPem }),
      ).resolves.toBeTruthy();
      const nbf = await check(claims({ ...base, nbf: 1666648256 }));
      expect(nbf).toMatchObject({ reason: 'token-not-active-yet', action: undefined });
      expect(nbf.message).toBe(
        'JWT cannot be used prior to not before date claim (nbf). Not before date: Mon, 24 Oct 2022 21:50:56 GMT; Current date: Mon, 24 Oct 2022 21:50:50 GMT;',
      );
      await expect(
        jwt.verifyJwt(signIndependently(claims({ ...base, nbf: 1666648255 }), pair), { key: pair.publicPem }),
      ).resolves.toBeTruthy();
      const iat = await check(claims({ ...base, iat: 1666648256 }));
      expect(iat.reason).toBe('token-not-active-yet');
      expect(iat.message).toBe(
        'JWT issued at date claim (iat) is in the future. Issued at date: Mon, 24 Oct 2022 21:50:56 GMT; Current date: Mon, 24 Oct 2022 21:50:50 GMT;',
      );
      expect((await check(claims({ ...base, nbf: 'x' }))).message).toBe(
        'Invalid JWT not before date claim (nbf) "x". Expected number.',
      );
      expect((await check(claims({ ...base, iat: null }))).message).toBe(
        'Invalid JWT issued at date claim (iat) null. Expected number.',
      );
    });

    it('claim errors win over a forged signature, in order', async () => {
      vi.useFakeTimers({ now: 1666648250_000 });
      const all = { sub: 1, aud: 'x', azp: 'bad', iss: 'bad', exp: 1, nbf: 'x' };
      const options = { audience: 'y', authorizedParties: ['good'], issuer: 'good' };
      const order: string[] = [];
      let payload: Record<string, unknown> = { ...all };
      for (const fix of [
        { sub: 's' },
        { aud: 'y' },
        { azp: 'good' },
        { iss: 'good' },
        { exp: 1666648310 },
        { nbf: 1 },
      ]) {
        const error = await check(payload, options);
        order.push(error.reason);
        payload = { ...payload, ...fix };
      }
      order.push((await check(payload, options)).reason);
      expect(order).toEqual([
        'token-verification-failed',
        'token-verification-failed',
        'token-invalid-authorized-parties',
        'token-invalid-issuer',
        'token-expired',
        'token-verification-failed',
        'token-invalid-signature',
      ]);
    });
  });
});
