export interface PublishableKey {
  instanceType: 'production' | 'development';
  frontendApi: string;
}

function decodeBase64(text: string): string | null {
  try {
    return atob(text.padEnd(text.length + ((4 - (text.length % 4)) % 4), '='));
  } catch {
    return null;
  }
}

// Keys are configuration, the same on every request: parse each once (bounded, in case keys are per tenant).
const parsedKeys = new Map<string, PublishableKey | null>();

/** `pk_live_…`/`pk_test_…` to its instance type and frontend API; anything else gives `null`. */
export function parsePublishableKey(key: string | null | undefined): PublishableKey | null {
  const value = key || '';
  let parsed = parsedKeys.get(value);
  if (parsed === undefined) {
    parsed = parseKey(value);
    if (parsedKeys.size >= 1000) parsedKeys.clear();
    parsedKeys.set(value, parsed);
  }
  return parsed && { ...parsed };
}

function parseKey(value: string): PublishableKey | null {
  const instanceType = value.startsWith('pk_live_')
    ? 'production'
    : value.startsWith('pk_test_')
      ? 'development'
      : null;
  if (!instanceType) return null;
  const decoded = decodeBase64(value.split('_')[2] ?? '');
  if (!decoded?.endsWith('$')) return null;
  return { instanceType, frontendApi: decoded.slice(0, -1) };
}

/** The frontend API 0.x uses everywhere: the publishable key's, else the explicit one. */
export const frontendApiOf = (publishableKey?: string, frontendApi?: string): string =>
  parsePublishableKey(publishableKey)?.frontendApi || frontendApi || '';

const DEV_OR_STAGING_SUFFIXES = [
  '.lcl.dev',
  '.stg.dev',
  '.lclstage.dev',
  '.stgstage.dev',
  '.dev.lclclerk.com',
  '.stg.lclclerk.com',
  '.accounts.lclclerk.com',
  'accountsstage.dev',
  'accounts.dev',
];
const STAGING_SUFFIXES = ['.lclstage.dev', '.stgstage.dev', '.clerkstage.dev', '.accountsstage.dev'];

const devOrStagingMemo = new Map<string, boolean>();

/** Whether a frontend API host is a development or staging one (drives the interstitial's script host). */
export function isDevOrStagingFrontendApi(host: string): boolean {
  if (!host) return false;
  let known = devOrStagingMemo.get(host);
  if (known === undefined) {
    known = DEV_OR_STAGING_SUFFIXES.some(suffix => host.endsWith(suffix));
    if (devOrStagingMemo.size < 1000) devOrStagingMemo.set(host, known);
  }
  return known;
}

/** Staging frontend APIs load the `canary` clerk-js tag. */
export const isStagingFrontendApi = (host: string): boolean =>
  STAGING_SUFFIXES.some(suffix => host.endsWith(suffix));

/**
 * `satellite.com` to `clerk.satellite.com`; hosts under `.clerk.accounts` stay as they are. Leading `clerk.`
 * labels collapse into one, unless the rest would no longer be a domain (`clerk.com`).
 */
export function addClerkPrefix(domain: string | null | undefined): string {
  if (!domain) return '';
  if (domain.includes('.clerk.accounts')) return domain;
  let rest = domain;
  while (rest.startsWith('clerk.') && rest.slice('clerk.'.length).includes('.'))
    rest = rest.slice('clerk.'.length);
  return `clerk.${rest}`;
}
