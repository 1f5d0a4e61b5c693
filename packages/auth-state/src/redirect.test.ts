import { describe, expect, it } from 'vitest';
import { redirect } from './index';

const adapter = (url: string) => url;
const ABSOLUTE_ERROR = 'destination url or return back url should be an absolute path url!';
const MISSING_KEY =
  '@clerk/backend: Missing publishableKey. You can get your key at https://dashboard.clerk.com/last-active?path=api-keys.';

describe.each([
  ['redirectToSignIn', 'signInUrl', '/sign-in'],
  ['redirectToSignUp', 'signUpUrl', '/sign-up'],
] as const)('%s', (method, option, accountsPath) => {
  it('exposes exactly the two helpers', () => {
    expect(Object.keys(redirect({ redirectAdapter: adapter }))).toEqual([
      'redirectToSignIn',
      'redirectToSignUp',
    ]);
  });

  it('a relative URL needs an absolute returnBackUrl', () => {
    const helpers = redirect({ redirectAdapter: adapter, [option]: '/auth' });
    expect(() => helpers[method]()).toThrow(ABSOLUTE_ERROR);
    expect(() => helpers[method]({ returnBackUrl: '/relative' })).toThrow(ABSOLUTE_ERROR);
  });

  it('an absolute URL passes through unchanged without returnBackUrl', () => {
    expect(redirect({ redirectAdapter: adapter, [option]: 'https://a.com/auth' })[method]()).toBe(
      'https://a.com/auth',
    );
  });

  it('a relative URL resolves against the returnBackUrl origin and adds redirect_url', () => {
    expect(
      redirect({ redirectAdapter: adapter, [option]: '/auth' })[method]({
        returnBackUrl: 'http://current.url:3000/path?q=1#hash',
      }),
    ).toBe('http://current.url:3000/auth?redirect_url=http%3A%2F%2Fcurrent.url%3A3000%2Fpath%3Fq%3D1%23hash');
  });

  it('an absolute URL gets redirect_url', () => {
    expect(
      redirect({ redirectAdapter: adapter, [option]: 'https://a.com/auth' })[method]({
        returnBackUrl: 'https://b.com/x',
      }),
    ).toBe('https://a.com/auth?redirect_url=https%3A%2F%2Fb.com%2Fx');
  });

  it('without a URL or key, calling throws the missing-publishable-key error', () => {
    expect(() => redirect({ redirectAdapter: adapter })[method]()).toThrow(MISSING_KEY);
  });

  it.each([
    [{ frontendApi: 'clerk.included.katydid-92.lcl.dev' }, 'https://accounts.included.katydid-92.lcl.dev'],
    [{ frontendApi: 'clerk.example.com' }, 'https://accounts.example.com'],
    [{ frontendApi: 'included.katydid-92.clerk.accounts.dev' }, 'https://included.katydid-92.accounts.dev'],
    [
      { publishableKey: 'pk_test_Y2xlcmsuaW5jbHVkZWQua2F0eWRpZC05Mi5sY2wuZGV2JA' },
      'https://accounts.included.katydid-92.lcl.dev',
    ],
    [{ publishableKey: 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k' }, 'https://accounts.example.com'],
    [
      { publishableKey: 'pk_test_aW5jbHVkZWQua2F0eWRpZC05Mi5jbGVyay5hY2NvdW50cy5kZXYk' },
      'https://included.katydid-92.accounts.dev',
    ],
    [{ publishableKey: 'pk_test_Zm9vLmNsZXJrLmFjY291bnRzc3RhZ2UuZGV2JA' }, 'https://foo.accountsstage.dev'],
  ])('derives the Account Portal from %o', (instance, base) => {
    expect(redirect({ redirectAdapter: adapter, ...instance })[method]()).toBe(`${base}${accountsPath}`);
  });
});
