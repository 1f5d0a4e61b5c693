import { deprecated } from '@clerk/jwt-core';
import { parsePublishableKey } from './lib/publishable-key';

export interface RedirectOptions<T> {
  /** Turns the final URL into whatever the framework returns for a redirect. */
  redirectAdapter: (url: string) => T;
  /** The sign-in page; else the Account Portal's, from the publishable key. */
  signInUrl?: string;
  /** The sign-up page; else the Account Portal's, from the publishable key. */
  signUpUrl?: string;
  /** The instance's publishable key, which names the Account Portal. */
  publishableKey?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
}

export interface RedirectToOptions {
  /** Where the user comes back to; sent as `redirect_url`. */
  returnBackUrl?: string;
}

const MISSING_PUBLISHABLE_KEY =
  '@clerk/backend: Missing publishableKey. You can get your key at https://dashboard.clerk.com/last-active?path=api-keys.';

/** The Account Portal of a frontend API: `clerk.example.com` is served by `accounts.example.com`. */
function accountsBaseUrl(frontendApi: string | undefined): string | undefined {
  if (!frontendApi) return undefined;
  const host = frontendApi
    .replace('clerk.accountsstage.', 'accountsstage.')
    .replace(/clerk\.accounts\.|clerk\./, 'accounts.');
  return `https://${host}`;
}

function withReturnBackUrl(target: string, returnBackUrl: string | undefined): string {
  let url: URL;
  if (target.startsWith('http')) {
    url = new URL(target);
  } else if (returnBackUrl?.startsWith('http')) {
    url = new URL(target, new URL(returnBackUrl).origin);
  } else {
    throw new Error('destination url or return back url should be an absolute path url!');
  }
  if (returnBackUrl) url.searchParams.set('redirect_url', returnBackUrl);
  return url.toString();
}

/** `redirectToSignIn` and `redirectToSignUp`, pointing at the given URLs or at the Account Portal. */
export function redirect<T>({
  redirectAdapter,
  signInUrl,
  signUpUrl,
  publishableKey,
  frontendApi,
}: RedirectOptions<T>) {
  if (frontendApi) deprecated('frontendApi', 'Use `publishableKey` instead.');
  const accountsBase = accountsBaseUrl(frontendApi || parsePublishableKey(publishableKey)?.frontendApi);
  const redirectTo = (explicitUrl: string | undefined, accountsPath: string, returnBackUrl?: string) => {
    const target = explicitUrl || (accountsBase && `${accountsBase}${accountsPath}`);
    if (!target) throw new Error(MISSING_PUBLISHABLE_KEY);
    return redirectAdapter(withReturnBackUrl(target, returnBackUrl));
  };
  return {
    redirectToSignIn: ({ returnBackUrl }: RedirectToOptions = {}) =>
      redirectTo(signInUrl, '/sign-in', returnBackUrl),
    redirectToSignUp: ({ returnBackUrl }: RedirectToOptions = {}) =>
      redirectTo(signUpUrl, '/sign-up', returnBackUrl),
  };
}
