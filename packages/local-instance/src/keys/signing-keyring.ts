import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { newId } from '../lib/ids';

/** A public RSA signing key as published in the JWKS. */
export interface PublicJwk {
  /** The key id tokens name in their header. */
  kid: string;
  /** Always `RSA`. */
  kty: 'RSA';
  /** Always `RS256`. */
  alg: 'RS256';
  /** Always `sig`. */
  use: 'sig';
  /** The modulus, base64url. */
  n: string;
  /** The exponent, base64url. */
  e: string;
}

export interface SigningKey {
  kid: string;
  publicJwk: PublicJwk;
  /** SPKI PEM of the public key: what `jwtKey` / `CLERK_JWT_KEY` takes for networkless verification. */
  publicKeyPem: string;
  privateKey: KeyObject;
}

const encodeSegment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The instance's RSA keys: the newest one signs, and every key still kept is published in the JWKS. */
export class SigningKeyring {
  #keys: SigningKey[] = [];
  readonly #modulusLength: number;

  constructor(modulusLength: number) {
    this.#modulusLength = modulusLength;
    this.rotate(false);
  }

  get active(): SigningKey {
    return this.#keys[this.#keys.length - 1]!;
  }

  /** Makes a fresh key the signing key; the previous ones stay published unless `keepPrevious` is false. */
  rotate(keepPrevious: boolean): SigningKey {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: this.#modulusLength });
    const { n, e } = publicKey.export({ format: 'jwk' });
    const kid = newId('ins');
    const key: SigningKey = {
      kid,
      publicJwk: { kid, kty: 'RSA', alg: 'RS256', use: 'sig', n: n!, e: e! },
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey,
    };
    this.#keys = keepPrevious ? [...this.#keys, key] : [key];
    return key;
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: this.#keys.map(key => ({ ...key.publicJwk })) };
  }

  /** An RS256 JWS over exactly this payload (no claim is added), with the active key's `kid`; `header` adds to (or replaces `typ` of) the header. */
  sign(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const key = this.active;
    const signingInput = `${encodeSegment({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header })}.${encodeSegment(payload)}`;
    const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
    return `${signingInput}.${signature}`;
  }
}
