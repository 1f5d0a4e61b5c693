// The node:crypto build loads node:crypto on its first verification, not at import. That first verification
// must give the same answers as every later one: a forged signature never verifies, on either path.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claims, keyPair, signIndependently } from '../../test/fixtures';

const pair = keyPair('RS256');
const signedToken = (by = pair) => signIndependently(claims(), by);

/** A fresh copy of the node:crypto build, so that node:crypto is not loaded yet. */
async function freshEntry() {
  vi.resetModules();
  return import('../index.node');
}

describe('node:crypto build: node:crypto loaded on the first verification', () => {
  beforeEach(() => vi.resetModules());

  it('the first verification of a fresh module settles later, with the right answer; the next ones settle at once', async () => {
    const { verifyWithNodeCrypto } = await import('./node');
    const { parseKey } = await import('../keys');
    const key = parseKey(pair.publicPem, 'verify');
    const token = signedToken(pair);
    const [input, signature] = [
      token.slice(0, token.lastIndexOf('.')),
      token.slice(token.lastIndexOf('.') + 1),
    ];
    const data = new TextEncoder().encode(input);
    const bytes = new Uint8Array(Buffer.from(signature, 'base64url'));
    const first = verifyWithNodeCrypto('RS256', key, data, bytes);
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBe(true);
    expect(verifyWithNodeCrypto('RS256', key, data, bytes)).toBe(true);
    const forged = bytes.slice();
    forged[10] = (forged[10] as number) ^ 1;
    expect(verifyWithNodeCrypto('RS256', key, data, forged)).toBe(false);
  });

  it('a forged token is rejected by the very first verification of a fresh module', async () => {
    const { verifyJwt, TokenVerificationError } = await freshEntry();
    const forged = signedToken(keyPair('RS256', 3072));
    const error = await verifyJwt(forged, { key: pair.publicPem }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect((error as InstanceType<typeof TokenVerificationError>).reason).toBe('token-invalid-signature');
  });

  it('a valid token verifies on the very first verification of a fresh module', async () => {
    const { verifyJwt } = await freshEntry();
    await expect(verifyJwt(signedToken(pair), { key: pair.publicPem })).resolves.toMatchObject({
      sub: expect.any(String),
    });
  });
});
