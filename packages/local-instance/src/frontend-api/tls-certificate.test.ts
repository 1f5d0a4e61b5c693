import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './tls-certificate';

describe('selfSignedCertificate', () => {
  it('is a self-signed X.509 certificate for 127.0.0.1 and localhost that matches its key', () => {
    const { key, cert } = selfSignedCertificate();
    const certificate = new X509Certificate(cert);
    expect(certificate.subject).toBe('CN=127.0.0.1');
    expect(certificate.issuer).toBe('CN=127.0.0.1');
    expect(certificate.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(new Date(certificate.validFrom).getTime()).toBeLessThan(Date.now());
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    expect(createPublicKey(cert).asymmetricKeyType).toBe('ec');
  });

  it('encodes serial numbers in DER minimal form, with or without leading zero bytes', () => {
    const serialOf = (bytes: number[]) =>
      new X509Certificate(selfSignedCertificate(Uint8Array.from(bytes)).cert).serialNumber;
    expect(serialOf([0, 0, 1])).toBe('01');
    expect(serialOf([0, 0x7f, 2])).toBe('7F02');
    expect(serialOf([0x80, 1])).toBe('8001');
    expect(serialOf([0, 0x80])).toBe('80');
  });
});
