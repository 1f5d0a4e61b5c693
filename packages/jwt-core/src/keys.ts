import { type Algorithm, isSupportedAlgorithm, SUPPORTED_ALGORITHMS } from './algorithms';
import { decodeBase64 } from './lib/base64url';

/** A key as callers pass it: a JWK object, or a PEM string (SPKI public key, PKCS#8 private key). */
export type KeyInput = JsonWebKey | string;

export type KeyUsage = 'verify' | 'sign';

/** A key understood well enough to pick algorithms before any crypto runs. Cached by key material. */
export interface ParsedKey {
  type: 'RSA' | 'EC';
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
  const isObject = typeof input === 'object' && input !== null;
  const known = isObject ? byObject.get(input) : undefined;
  if (known?.usage === usage) return known;
  const cache = byMaterial[usage];
  const material = typeof input === 'string' ? input : jwkMaterial(input);
  let parsed = cache.get(material);
  if (!parsed) {
    parsed = typeof input === 'string' ? parsePem(input, usage) : parseJwk(input, usage);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(material, parsed);
  }
  if (isObject) byObject.set(input, parsed);
  return parsed;
}

function fail(message: string): never {
  throw new TypeError(message);
}

const json = (value: unknown) => JSON.stringify(value);

function jwkMaterial(jwk: JsonWebKey): string {
  if (typeof jwk !== 'object' || jwk === null) fail('The key must be a JWK object or a PEM string.');
  const { kty, crv, n, e, x, y, d, alg, use, key_ops } = jwk;
  return json([kty, crv, n, e, x, y, d, alg, use, key_ops]);
}

const RSA_ALGORITHMS = SUPPORTED_ALGORITHMS.filter(alg => alg[0] !== 'E');
// The one algorithm of each curve, by its JWK name and by its OID (hex of the DER contents).
const BY_CURVE = new Map<unknown, Algorithm>([
  ['P-256', 'ES256'],
  ['P-384', 'ES384'],
  ['P-521', 'ES512'],
]);
const BY_CURVE_OID = new Map<string, Algorithm>([
  ['2a8648ce3d030107', 'ES256'],
  ['2b81040022', 'ES384'],
  ['2b81040023', 'ES512'],
]);
const OID_RSA = '2a864886f70d010101';
const OID_EC = '2a8648ce3d0201';

const parsedKey = (
  type: ParsedKey['type'],
  algorithms: readonly Algorithm[],
  usage: KeyUsage,
  material: Pick<ParsedKey, 'jwk' | 'der'>,
): ParsedKey => ({ type, algorithms, usage, ...material, imported: new Map() });

/** Verifying takes a public key and signing a private one; the other way round is a caller mistake. */
function assertVisibility(isPrivate: boolean, usage: KeyUsage): void {
  if (isPrivate !== (usage === 'sign')) {
    fail(
      isPrivate
        ? 'A private key cannot verify; pass the public key.'
        : 'A public key cannot sign; pass the private key.',
    );
  }
}

function parseJwk(jwk: JsonWebKey, usage: KeyUsage): ParsedKey {
  const { kty, crv, alg, use, key_ops } = jwk;
  assertVisibility(typeof jwk.d === 'string', usage);
  if (use !== undefined && use !== 'sig') fail(`JWK "use" is ${json(use)}, not "sig".`);
  if (key_ops !== undefined && !(Array.isArray(key_ops) && key_ops.includes(usage))) {
    fail(`JWK "key_ops" does not allow "${usage}".`);
  }
  let algorithms: readonly Algorithm[];
  if (kty === 'RSA') {
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') fail('RSA JWK needs "n" and "e".');
    algorithms = RSA_ALGORITHMS;
  } else if (kty === 'EC') {
    const ec = BY_CURVE.get(crv) ?? fail(`Unsupported JWK curve ${json(crv)}.`);
    if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') fail('EC JWK needs "x" and "y".');
    algorithms = [ec];
  } else {
    fail(`Unsupported JWK key type ${json(kty)}; expected "RSA" or "EC".`);
  }
  if (alg !== undefined) {
    if (!isSupportedAlgorithm(alg) || !algorithms.includes(alg)) {
      fail(`JWK "alg" ${json(alg)} does not fit a ${kty} key.`);
    }
    algorithms = [alg];
  }
  return parsedKey(kty, algorithms, usage, { jwk });
}

/** Accepts armoured PEM, or the bare base64 body of one. */
function parsePem(pem: string, usage: KeyUsage): ParsedKey {
  const body = pem.replace(/-----(BEGIN|END)[^-]*-----|\s+/g, '');
  const der =
    (body && decodeBase64(body.replace(/=+$/, ''))) ||
    fail('The key is neither a JWK nor a base64 PEM string.');
  const info = readKeyInfo(der) ?? fail('The PEM body is not an SPKI public key or a PKCS#8 private key.');
  assertVisibility(info.isPrivate, usage);
  const ec = info.oid === OID_EC ? BY_CURVE_OID.get(info.param) : undefined;
  if (info.oid !== OID_RSA && !ec) {
    fail('Unsupported key type: only RSA and EC (P-256, P-384, P-521) keys are accepted.');
  }
  return ec ? parsedKey('EC', [ec], usage, { der }) : parsedKey('RSA', RSA_ALGORITHMS, usage, { der });
}

interface Node {
  tag: number;
  start: number;
  end: number;
}

function readNode(der: Uint8Array, offset: number, limit: number): Node | null {
  if (offset + 2 > limit) return null;
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i]!;
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

const hex = (der: Uint8Array, node: Node) =>
  Array.from(der.subarray(node.start, node.end), byte => byte.toString(16).padStart(2, '0')).join('');

/** Reads just the AlgorithmIdentifier of an SPKI or PKCS#8 structure. */
function readKeyInfo(der: Uint8Array): { isPrivate: boolean; oid: string; param: string } | null {
  const outer = readNode(der, 0, der.length);
  if (outer?.tag !== 0x30 || outer.end !== der.length) return null;
  let first = readNode(der, outer.start, outer.end);
  const isPrivate = first?.tag === 0x02;
  if (isPrivate) first = readNode(der, first!.end, outer.end);
  if (first?.tag !== 0x30) return null;
  const oid = readNode(der, first.start, first.end);
  if (oid?.tag !== 0x06) return null;
  const param = readNode(der, oid.end, first.end);
  return { isPrivate, oid: hex(der, oid), param: param?.tag === 0x06 ? hex(der, param) : '' };
}
