// Publishable-key validation (current-clerk.md 7) in the current form, and issue 11's configuration error for
// malformed keys in the 0.x form.
import { describe, expect, it } from 'vitest';
import { PROD_SK } from '../../test/current-fixtures';
import { authenticateRequest, isPublishableKey, parsePublishableKeyOrThrow } from '../index';

const MALFORMED = [
  'pk_live_notbase64',
  'my-key',
  // `clerk.example.com` without the trailing `$`.
  'pk_live_Y2xlcmsuZXhhbXBsZS5jb20',
];
const EXPECTED_FORMAT = /^Publishable key not valid \(expected format: pk_test_\.\.\. or pk_live_\.\.\.\)\. /;

describe('isPublishableKey', () => {
  it('accepts the reference keys', () => {
    expect(isPublishableKey('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k')).toBe(true);
    expect(isPublishableKey('pk_test_aGFwcHktaGlwcG8tMS5jbGVyay5hY2NvdW50cy5kZXYk')).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['pk_foo_Y2xlcmsuZXhhbXBsZS5jb20k', 'unknown prefix'],
    ['pk_live_', 'empty body'],
    ['pk_live_Y2xlcmsuZXhhbXBsZS5jb20', 'no trailing $'],
    ['pk_live_Y2xlcmsuZXhhbXBsZS5jb20k==', 'wrong padding'],
    [`pk_live_${btoa('clerk$example.com$')}`, 'a second $'],
    [`pk_live_${btoa('localhost$')}`, 'no dot'],
    [`pk_live_${btoa('clerk.example.com$')}_x`, 'four parts'],
    ['pk_live_Y2xlcmsu-ZXhhbXBsZS5jb20k', 'URL-safe alphabet'],
  ])('rejects %s (%s)', key => {
    expect(isPublishableKey(key)).toBe(false);
  });
});

describe('parsePublishableKeyOrThrow', () => {
  it('gives the instance type and Frontend API, with the proxy and satellite overrides', () => {
    expect(parsePublishableKeyOrThrow('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k')).toEqual({
      instanceType: 'production',
      frontendApi: 'clerk.example.com',
    });
    expect(
      parsePublishableKeyOrThrow('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k', { isSatellite: true, domain: 'sat.dev' })
        .frontendApi,
    ).toBe('clerk.sat.dev');
    expect(
      parsePublishableKeyOrThrow('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', { isSatellite: true, domain: 'sat.dev' })
        .frontendApi,
    ).toBe('clerk.example.com');
    expect(
      parsePublishableKeyOrThrow('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', { proxyUrl: 'https://p.dev/x' })
        .frontendApi,
    ).toBe('https://p.dev/x');
  });

  it('throws the missing and not-valid configuration errors', () => {
    expect(() => parsePublishableKeyOrThrow('')).toThrow(/^Publishable key is missing\. .*pk_test_/);
    for (const key of MALFORMED) expect(() => parsePublishableKeyOrThrow(key)).toThrow(EXPECTED_FORMAT);
  });
});

describe('a malformed publishable key is a configuration error in both call forms (issue 11)', () => {
  it.each(MALFORMED)('current form: %s', async key => {
    await expect(
      authenticateRequest(new Request('https://app.example.com/'), {
        publishableKey: key,
        secretKey: PROD_SK,
        env: {},
      }),
    ).rejects.toThrow(EXPECTED_FORMAT);
  });

  it.each(MALFORMED)('0.x form: %s (not an opaque DOMException, not silence)', async key => {
    const call = authenticateRequest({ publishableKey: key, secretKey: PROD_SK, env: {}, headerToken: 'x' });
    await expect(call).rejects.toThrow(EXPECTED_FORMAT);
    await expect(call).rejects.not.toBeInstanceOf(DOMException);
  });

  it('0.x form: an empty key and the keys 0.x accepted are still accepted', async () => {
    for (const publishableKey of ['', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', `pk_test_${btoa('localhost$')}`]) {
      const state = await authenticateRequest({
        publishableKey,
        secretKey: PROD_SK,
        env: {},
        cookieToken: '',
        clientUat: '0',
      });
      expect(state.status).toBe('signed-out');
    }
  });

  it('current form: a missing publishable key is the missing error', async () => {
    await expect(
      authenticateRequest(new Request('https://app.example.com/'), { secretKey: PROD_SK, env: {} }),
    ).rejects.toThrow(/^Publishable key is missing\. /);
  });
});
