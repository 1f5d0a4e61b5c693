import { describe, expect, it } from 'vitest';
import { entries, keyPair } from '../test/fixtures';

describe.each(entries)('signJwt through the %s entry', (_backend, jwt) => {
  it('round-trips with the public key and sets iat to now', async () => {
    const pair = keyPair('RS256');
    const before = Math.floor(Date.now() / 1000);
    const token = await jwt.signJwt({ sub: 'user_1', exp: before + 60 }, pair.privateJwk, {
      algorithm: 'RS256',
    });
    const payload = await jwt.verifyJwt(token, { key: pair.publicJwk });
    expect(payload.sub).toBe('user_1');
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('never mutates the payload or header it is given', async () => {
    const payload = Object.freeze({ sub: 'user_1', iat: 1 });
    const header = Object.freeze({ typ: 'JWT', kid: 'ins_1', alg: 'HS256' });
    const token = await jwt.signJwt(payload, keyPair('RS256').privatePem, { algorithm: 'RS256', header });
    expect(payload).toEqual({ sub: 'user_1', iat: 1 });
    expect(header).toEqual({ typ: 'JWT', kid: 'ins_1', alg: 'HS256' });
    expect(jwt.decodeJwt(token).header).toEqual({ typ: 'JWT', kid: 'ins_1', alg: 'RS256' });
  });

  it('throws the 0.x errors for a missing or unsupported algorithm', async () => {
    const key = keyPair('RS256').privatePem;
    await expect(jwt.signJwt({}, key, {} as never)).rejects.toThrow('No algorithm specified');
    await expect(jwt.signJwt({}, key, { algorithm: 'HS256' })).rejects.toThrow(
      'Unsupported algorithm HS256, expected one of RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512.',
    );
  });

  it('refuses a public key, and a key of the wrong type for the algorithm', async () => {
    await expect(jwt.signJwt({}, keyPair('RS256').publicPem, { algorithm: 'RS256' })).rejects.toThrow(
      TypeError,
    );
    await expect(jwt.signJwt({}, keyPair('ES256').privateJwk, { algorithm: 'RS256' })).rejects.toThrow(
      'This EC key cannot sign RS256 tokens.',
    );
  });
});
