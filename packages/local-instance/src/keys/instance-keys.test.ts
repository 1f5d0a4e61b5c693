import { describe, expect, it } from 'vitest';
import { newFrontendApiHost, newSecretKey, publishableKeyFor } from './instance-keys';

describe('instance keys', () => {
  it('encodes the frontend API host and a trailing $ in the publishable key, without padding', () => {
    expect(publishableKeyFor('clerk.example.com')).toBe('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
    expect(publishableKeyFor('clerk.included.katydid-92.lcl.dev')).toBe(
      'pk_test_Y2xlcmsuaW5jbHVkZWQua2F0eWRpZC05Mi5sY2wuZGV2JA',
    );
  });

  it('makes dev secret keys and frontend hosts whose issuer passes the default check', () => {
    expect(newSecretKey()).toMatch(/^sk_test_[0-9A-Za-z]{40}$/);
    expect(newSecretKey()).not.toBe(newSecretKey());
    const host = newFrontendApiHost();
    expect(`https://${host}`.includes('.clerk.accounts')).toBe(true);
  });
});
