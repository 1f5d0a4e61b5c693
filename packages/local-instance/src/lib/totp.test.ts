import { describe, expect, it } from 'vitest';
import { totpCode, totpMatches } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below); the RFC lists 8 digits, we use the last 6.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 vector at T=%i', (time, code) => {
    expect(totpCode(rfcSecret, time)).toBe(code);
  });

  it('accepts one step of drift either side and nothing further', () => {
    const code = totpCode(rfcSecret, 1_000_000);
    expect(totpMatches(rfcSecret, code, 1_000_029)).toBe(true);
    expect(totpMatches(rfcSecret, code, 1_000_000 - 30)).toBe(true);
    expect(totpMatches(rfcSecret, code, 1_000_000 + 90)).toBe(false);
  });

  it('rejects a secret that is not base32', () => {
    expect(() => totpCode('not base32!', 0)).toThrow(TypeError);
  });
});
