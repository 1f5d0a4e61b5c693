import { type Algorithm, isSupportedAlgorithm, SUPPORTED_ALGORITHMS } from './algorithms';
import { decodeBase64 } from './lib/base64url';

/** A key as callers pass it: a JWK object, or a PEM string (SPKI public key, PKCS#8 private key). */
export type KeyInput = JsonWebKey | string;

export type KeyUsage = 'verify' | 'sign';

type Curve = 'P-256' | 'P-384' | 'P-521';

/** A key understood well enough to pick algorithms before any crypto runs. Cached by key material. */
export interface ParsedKey {
  type: 'RSA' | 'EC';
  curve?: Curve;
  /** The algorithms this key may be used with, in {@link SUPPORTED_ALGORITHMS} order. */
  algorithms: readonly Algorithm[];
  usage: KeyUsage;
  jwk?: JsonWebKey;
  /** DER bytes of an SPKI (verify) or PKCS#8 (sign) key. */
  der?: Uint8Array<ArrayBuffer>;
  /** Backends keep their imported key objects here, so a key is imported once per material. */
  readonly imported: Map<string, unknown>;
}

const CACHE_LIMIT = 128;
const byMaterial = { verify: new Map<string, ParsedKey>(), sign: new Map<string, ParsedKey>() };
const byObject = new WeakMap<object, ParsedKey>();

/**
 * Parses a key for a usage, from a bounded cache keyed by the key material itself (never sticky: a
 * different key is a different entry). Throws a `TypeError` that says what is wrong with the key.
 */
export function parseKey(input: KeyInput, usage: KeyUsage): ParsedKey {
  if (typeof input === 'object' && input !== null) {
    const known = byObject.get(input);
    if (known && known.usage === usage) return known;
  }
  const cache = byMaterial[usage];
  const material = typeof input === 'string' ? input : jwkMaterial(input);
  let parsed = cache.get(material);
  if (!parsed) {
    parsed = typeof input === 'string' ? parsePem(input, usage) : parseJwk(input, usage);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(material, parsed);
  }
  if (typeof input === 'object' && input !== null) byObject.set(input, parsed);
  return parsed;
}

function jwkMaterial(jwk: JsonWebKey): string {
  if (typeof jwk !== 'object' || jwk === null)
    throw new TypeError('The key must be a JWK object or a PEM string.');
  const { kty, crv, n, e, x, y, d, alg, use, key_ops } = jwk;
  return JSON.stringify([kty, crv, n, e, x, y, d, alg, use, key_ops]);
}

function rsaAlgorithms(): Algorithm[] {
  return SUPPORTED_ALGORITHMS.filter(alg => alg[0] === 'R' || alg[0] === 'P');
}

function ecAlgorithm(curve: Curve): Algorithm {
  return curve === 'P-256' ? 'ES256' : curve === 'P-384' ? 'ES384' : 'ES512';
}

function isCurve(value: unknown): value is Curve {
  return value === 'P-256' || value === 'P-384' || value === 'P-521';
}

/** Verifying takes a public key and signing a private one; the other way round is a caller mistake. */
function assertVisibility(isPrivate: boolean, usage: KeyUsage): void {
  if (isPrivate === (usage === 'sign')) return;
  throw new TypeError(
    isPrivate
      ? 'A private key cannot verify; pass the public key.'
      : 'A public key cannot sign; pass the private key.',
  );
}

function parseJwk(jwk: JsonWebKey, usage: KeyUsage): ParsedKey {
  assertVisibility(typeof jwk.d === 'string', usage);
  if (jwk.use !== undefined && jwk.use !== 'sig')
    throw new TypeError(`JWK "use" is ${JSON.stringify(jwk.use)}, not "sig".`);
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes(usage))) {
    throw new TypeError(`JWK "key_ops" does not allow "${usage}".`);
  }
  let parsed: ParsedKey;
  if (jwk.kty === 'RSA') {
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string')
      throw new TypeError('RSA JWK needs "n" and "e".');
    parsed = { type: 'RSA', algorithms: rsaAlgorithms(), usage, jwk, imported: new Map() };
  } else if (jwk.kty === 'EC') {
    if (!isCurve(jwk.crv)) throw new TypeError(`Unsupported JWK curve ${JSON.stringify(jwk.crv)}.`);
    if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string')
      throw new TypeError('EC JWK needs "x" and "y".');
    parsed = {
      type: 'EC',
      curve: jwk.crv,
      algorithms: [ecAlgorithm(jwk.crv)],
      usage,
      jwk,
      imported: new Map(),
    };
  } else {
    throw new TypeError(`Unsupported JWK key type ${JSON.stringify(jwk.kty)}; expected "RSA" or "EC".`);
  }
  if (jwk.alg !== undefined) {
    if (!isSupportedAlgorithm(jwk.alg) || !parsed.algorithms.includes(jwk.alg)) {
      throw new TypeError(`JWK "alg" ${JSON.stringify(jwk.alg)} does not fit a ${parsed.type} key.`);
    }
    parsed.algorithms = [jwk.alg];
  }
  return parsed;
}

const OID_RSA = '2a864886f70d010101';
const OID_EC = '2a8648ce3d0201';
const CURVE_OIDS: Record<string, Curve> = {
  '2a8648ce3d030107': 'P-256',
  '2b81040022': 'P-384',
  '2b81040023': 'P-521',
};

/** Accepts armoured PEM, or the bare base64 body of one. */
function parsePem(pem: string, usage: KeyUsage): ParsedKey {
  const body = pem.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
  const der = body ? decodeBase64(body.replace(/=+$/, '')) : null;
  if (!der) throw new TypeError('The key is neither a JWK nor a base64 PEM string.');
  const info = readKeyInfo(der);
  if (!info) throw new TypeError('The PEM body is not an SPKI public key or a PKCS#8 private key.');
  assertVisibility(info.isPrivate, usage);
  if (info.oid === OID_RSA)
    return { type: 'RSA', algorithms: rsaAlgorithms(), usage, der, imported: new Map() };
  const curve = info.oid === OID_EC ? CURVE_OIDS[info.param] : undefined;
  if (!curve)
    throw new TypeError('Unsupported key type: only RSA and EC (P-256, P-384, P-521) keys are accepted.');
  return { type: 'EC', curve, algorithms: [ecAlgorithm(curve)], usage, der, imported: new Map() };
}

interface Node {
  tag: number;
  start: number;
  end: number;
}

function readNode(der: Uint8Array, offset: number, limit: number): Node | null {
  if (offset + 2 > limit) return null;
  const tag = der[offset] as number;
  let length = der[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] as number);
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

function hex(der: Uint8Array, node: Node): string {
  let out = '';
  for (let i = node.start; i < node.end; i++) out += (der[i] as number).toString(16).padStart(2, '0');
  return out;
}

/** Reads just the AlgorithmIdentifier of an SPKI or PKCS#8 structure. */
function readKeyInfo(der: Uint8Array): { isPrivate: boolean; oid: string; param: string } | null {
  const outer = readNode(der, 0, der.length);
  if (outer?.tag !== 0x30 || outer.end !== der.length) return null;
  let first = readNode(der, outer.start, outer.end);
  if (!first) return null;
  const isPrivate = first.tag === 0x02;
  if (isPrivate) first = readNode(der, first.end, outer.end);
  if (first?.tag !== 0x30) return null;
  const oid = readNode(der, first.start, first.end);
  if (oid?.tag !== 0x06) return null;
  const param = readNode(der, oid.end, first.end);
  return { isPrivate, oid: hex(der, oid), param: param && param.tag === 0x06 ? hex(der, param) : '' };
}
