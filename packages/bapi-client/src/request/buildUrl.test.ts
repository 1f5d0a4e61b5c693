import { describe, expect, it } from 'vitest';
import { buildQuery, fillPath, joinUrl } from './buildUrl';

describe('joinUrl', () => {
  it.each([
    [['https://api.clerk.dev', 'v1', '/users/user_123'], 'https://api.clerk.dev/v1/users/user_123'],
    [['http://h/proxy/', 'v9', '/users/user_1'], 'http://h/proxy/v9/users/user_1'],
    [['http://h', '', '/users'], 'http://h/users'],
    [['http://h', undefined, '/users'], 'http://h/users'],
    [['https://h//', '/v1/', '//users'], 'https://h/v1/users'],
  ])('%j -> %s', (segments, url) => {
    expect(joinUrl(...segments)).toBe(url);
  });
});

describe('fillPath', () => {
  it('fills placeholders in order', () => {
    expect(fillPath('/organizations/{organization_id}/memberships/{user_id}', ['org_1', 'user_1'])).toBe(
      '/organizations/org_1/memberships/user_1',
    );
  });

  it('percent-encodes ids so /, ? and # cannot change the URL (0.x did not)', () => {
    expect(fillPath('/users/{user_id}', ['a/b?c#d e'])).toBe('/users/a%2Fb%3Fc%23d%20e');
    expect(fillPath('/users/{user_id}', ['..'])).toBe('/users/..');
  });

  it('reads a placeholder as a brace, at least one character other than a closing brace, and a brace', () => {
    expect(fillPath('/a/{}/{id}', ['x'])).toBe('/a/{}/x');
    expect(fillPath('/a/{b{c}/d', ['x'])).toBe('/a/x/d');
    expect(fillPath('/a/{open', [])).toBe('/a/{open');
    expect(fillPath('/plain/path', [])).toBe('/plain/path');
    expect(fillPath('{a}{b}', ['1', '2'])).toBe('12');
  });

  it('throws the 0.x message for an empty or missing id', () => {
    expect(() => fillPath('/users/{user_id}', [''])).toThrow('A valid resource ID is required.');
    expect(() => fillPath('/users/{user_id}', [])).toThrow('A valid resource ID is required.');
    expect(() => fillPath('/users/{user_id}', [undefined as unknown as string])).toThrow(
      'A valid resource ID is required.',
    );
  });
});

describe('buildQuery', () => {
  it('snake_cases keys, repeats arrays, encodes values, skips undefined and null', () => {
    expect(
      buildQuery({
        emailAddress: ['a@x.com', 'b@x.com'],
        orderBy: '-created_at',
        skipped: undefined,
        nil: null,
      }),
    ).toBe('?email_address=a%40x.com&email_address=b%40x.com&order_by=-created_at');
  });

  it('keeps false and 0 (only the 0.x methods drop falsy values)', () => {
    expect(buildQuery({ banned: false, offset: 0 })).toBe('?banned=false&offset=0');
  });

  it('joins the keys the spec marks explode: false with commas', () => {
    expect(buildQuery({ enrollmentMode: ['a', 'b'] }, ['enrollment_mode'])).toBe('?enrollment_mode=a%2Cb');
  });

  it('is empty for no input', () => {
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({})).toBe('');
  });
});
