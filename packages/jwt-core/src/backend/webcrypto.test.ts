// The WebCrypto verifier when `crypto.subtle` belongs to another realm, as in the Vercel Edge Runtime (its
// polyfilled `crypto.subtle` is the host's, so its promises are not `instanceof Promise` inside the VM).
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claims, keyPair, signIndependently } from '../../test/fixtures';
import * as jwt from '../index';

const foreignPromise = runInNewContext('(settle) => new Promise(settle)') as <T>(
  settle: (resolve: (value: T) => void, reject: (reason: unknown) => void) => void,
) => Promise<T>;

describe('the WebCrypto verifier with a crypto.subtle of another realm', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('still verifies the right signature and rejects a forged one as token-invalid-signature', async () => {
    const subtle = crypto.subtle;
    const verify = subtle.verify.bind(subtle);
    const spy = vi
      .spyOn(subtle, 'verify')
      .mockImplementation((...args) =>
        foreignPromise((resolve, reject) => verify(...args).then(resolve, reject)),
      );
    expect(foreignPromise(() => {}) instanceof Promise).toBe(false);
    for (const alg of ['RS256', 'PS256', 'ES256'] as const) {
      const pair = keyPair(alg);
      const payload = claims();
      await expect(jwt.verifyJwt(signIndependently(payload, pair), { key: pair.publicJwk })).resolves.toEqual(
        payload,
      );
      // Signed by another key of the same kind (a 3072-bit RSA key, another P-256 key).
      const forged = signIndependently(payload, { alg, privateKey: keyPair(alg, 3072).privateKey });
      await expect(jwt.verifyJwt(forged, { key: pair.publicJwk })).rejects.toMatchObject({
        reason: 'token-invalid-signature',
        message: 'JWT signature is invalid.',
      });
    }
    expect(spy).toHaveBeenCalled();
  });
});
