import { describe, expect, it } from 'vitest';
import { isDevelopmentSecretKey, isProductionSecretKey } from './instance-type';
import { joinPaths } from './join-paths';
import {
  addClerkPrefix,
  isDevOrStagingFrontendApi,
  isStagingFrontendApi,
  parsePublishableKey,
} from './publishable-key';

describe('parsePublishableKey', () => {
  it.each([
    [
      'pk_test_Y2xlcmsuaW5jbHVkZWQua2F0eWRpZC05Mi5sY2wuZGV2JA',
      'development',
      'clerk.included.katydid-92.lcl.dev',
    ],
    ['pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', 'development', 'clerk.example.com'],
    [
      'pk_test_aW5jbHVkZWQua2F0eWRpZC05Mi5jbGVyay5hY2NvdW50cy5kZXYk',
      'development',
      'included.katydid-92.clerk.accounts.dev',
    ],
    ['pk_live_Y2xlcmsuZXhhbXBsZS5jb20k', 'production', 'clerk.example.com'],
  ])('%s', (key, instanceType, frontendApi) => {
    expect(parsePublishableKey(key)).toEqual({ instanceType, frontendApi });
  });

  it.each([
    undefined,
    null,
    '',
    'pk_foo_Y2xlcmsuZXhhbXBsZS5jb20k',
    'pk_test_Y2xlcmsuZXhhbXBsZS5jb20',
    'pk_test_!!!',
    'pk_test_',
  ])('%s gives null', key => {
    expect(parsePublishableKey(key)).toBeNull();
  });
});

describe('frontend API kinds', () => {
  it('detects dev-or-staging and staging hosts with their different lists', () => {
    expect(isDevOrStagingFrontendApi('clerk.included.katydid-92.lcl.dev')).toBe(true);
    expect(isDevOrStagingFrontendApi('foo.clerk.accounts.dev')).toBe(true);
    expect(isDevOrStagingFrontendApi('foo.clerk.accountsstage.dev')).toBe(true);
    expect(isDevOrStagingFrontendApi('clerk.example.com')).toBe(false);
    expect(isDevOrStagingFrontendApi('')).toBe(false);
    expect(isStagingFrontendApi('foo.clerkstage.dev')).toBe(true);
    expect(isDevOrStagingFrontendApi('foo.clerkstage.dev')).toBe(false);
    expect(isStagingFrontendApi('foo.lcl.dev')).toBe(false);
  });
});

describe('addClerkPrefix', () => {
  it.each([
    ['satellite.com', 'clerk.satellite.com'],
    ['clerk.satellite.com', 'clerk.satellite.com'],
    ['clerk.clerk.satellite.com', 'clerk.satellite.com'],
    ['foo.clerk.accounts.dev', 'foo.clerk.accounts.dev'],
    ['clerk.com', 'clerk.clerk.com'],
    ['', ''],
    [undefined, ''],
  ])('%s -> %s', (domain, expected) => {
    expect(addClerkPrefix(domain)).toBe(expected);
  });
});

describe('instance type from the secret key', () => {
  it.each([
    ['sk_test_x', true, false],
    ['test_x', true, false],
    ['sk_live_x', false, true],
    ['live_x', false, true],
    ['deadbeef', false, false],
    ['pk_test_x', false, false],
  ])('%s', (key, dev, prod) => {
    expect([isDevelopmentSecretKey(key), isProductionSecretKey(key)]).toEqual([dev, prod]);
  });
});

describe('joinPaths', () => {
  it('joins and de-duplicates slashes but keeps the scheme', () => {
    expect(joinPaths('foo', '/bar', '/qux//')).toBe('foo/bar/qux/');
    expect(joinPaths('https://api.clerk.com//', '/v1/', '//organizations/org_x//')).toBe(
      'https://api.clerk.com/v1/organizations/org_x/',
    );
    expect(joinPaths('a', null, undefined, '', 'b')).toBe('a/b');
  });
});
