import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** A TLS key and self-signed certificate (PEM) for `127.0.0.1` and `localhost`. */
export interface TlsCredentials {
  key: string;
  cert: string;
}

// Minimal DER (X.690) writer: just the types an X.509 v3 certificate needs.
function der(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from(header), content]);
}

const sequence = (...parts: Uint8Array[]): Buffer => der(0x30, Buffer.concat(parts));
const set = (...parts: Uint8Array[]): Buffer => der(0x31, Buffer.concat(parts));
const explicit = (tagNumber: number, content: Uint8Array): Buffer => der(0xa0 + tagNumber, content);

/** A non-negative INTEGER in DER's minimal form: no redundant leading zero, one added when the top bit is set. */
function integer(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const minimal = bytes.subarray(start);
  return der(0x02, minimal[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : Buffer.from(minimal));
}

function objectIdentifier(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

const utcTime = (date: Date): Buffer =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`));

const ecdsaWithSha256 = sequence(objectIdentifier('1.2.840.10045.4.3.2'));
const hour = 60 * 60 * 1000;

/**
 * A fresh P-256 key and a self-signed X.509 v3 certificate valid from an hour ago for 30 days, with the
 * subject alternative names `IP:127.0.0.1` and `DNS:localhost`. Browsers in tests accept it with their
 * "ignore HTTPS errors" switch; Node clients can trust it by passing `cert` as `ca`. The serial number is
 * 16 random bytes unless given (read as an unsigned big-endian number).
 */
export function selfSignedCertificate(serialNumber: Uint8Array = randomBytes(16)): TlsCredentials {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = sequence(set(sequence(objectIdentifier('2.5.4.3'), der(0x0c, Buffer.from('127.0.0.1')))));
  const now = Date.now();
  const subjectAltName = sequence(
    der(0x87, Buffer.from([127, 0, 0, 1])),
    der(0x82, Buffer.from('localhost')),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serialNumber),
    ecdsaWithSha256,
    name,
    sequence(utcTime(new Date(now - hour)), utcTime(new Date(now + 30 * 24 * hour))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(sequence(objectIdentifier('2.5.29.17'), der(0x04, subjectAltName)))),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, ecdsaWithSha256, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const lines = certificate.toString('base64').match(/.{1,64}/g)!;
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
  };
}
