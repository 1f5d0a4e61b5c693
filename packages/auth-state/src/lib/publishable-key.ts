export interface PublishableKey {
  /** `production` for a `pk_live_` key, `development` for a `pk_test_` key. */
  instanceType: 'production' | 'development';
  /** The Frontend API host the key encodes (or the override that replaces it). */
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

const KEY_GUIDANCE =
  'Copy the publishable key of your instance from https://dashboard.clerk.com/last-active?path=api-keys ' +
  '(or set CLERK_PUBLISHABLE_KEY): it is `pk_test_` or `pk_live_` followed by the base64 of the Frontend API ' +
  'host and a trailing `$`.';

/** The configuration error for an empty publishable key. */
export const MISSING_PUBLISHABLE_KEY_MESSAGE = `Publishable key is missing. ${KEY_GUIDANCE}`;
/** The configuration error for a publishable key that is not one. */
export const INVALID_PUBLISHABLE_KEY_MESSAGE = `Publishable key not valid (expected format: pk_test_... or pk_live_...). ${KEY_GUIDANCE}`;

function strictDecode(text: string): string | null {
  try {
    return atob(text);
  } catch {
    return null;
  }
}

// The host of each valid key (`null` for an invalid one), remembered like `parsedKeys`.
const keyHosts = new Map<string, string | null>();

function hostOfValidKey(value: string): string | null {
  if (!value.startsWith('pk_live_') && !value.startsWith('pk_test_')) return null;
  const parts = value.split('_');
  if (parts.length !== 3 || !parts[2]) return null;
  const decoded = strictDecode(parts[2]);
  if (!decoded?.endsWith('$')) return null;
  const host = decoded.slice(0, -1);
  return !host.includes('$') && host.includes('.') ? host : null;
}

function validKeyHost(key: string): string | null {
  let host = keyHosts.get(key);
  if (host === undefined) {
    host = hostOfValidKey(key);
    if (keyHosts.size >= 1000) keyHosts.clear();
    keyHosts.set(key, host);
  }
  return host;
}

/**
 * Whether a value is a publishable key as current Clerk checks it: `pk_live_`/`pk_test_`, exactly three
 * `_`-separated parts, a standard-base64 body that decodes to a host with a `.` and one trailing `$`.
 */
export function isPublishableKey(key: string | null | undefined): boolean {
  return validKeyHost(key || '') !== null;
}

/** Where the Frontend API is reached: a proxy, or a production satellite's own `clerk.<domain>`. */
export interface FrontendApiOverrides {
  /** The proxy's URL: when set, it is the frontend API. */
  proxyUrl?: string;
  /** A satellite's domain: a production satellite's frontend API is `clerk.<domain>`. */
  domain?: string;
  /** Whether the application is a satellite (with `domain`, on a production instance). */
  isSatellite?: boolean;
}

/**
 * The current form's publishable-key parsing (current-clerk.md 7, fatal): throws a configuration error naming
 * the expected format for an empty or malformed key; the frontend API is the proxy, else `clerk.<domain>` for
 * a production satellite, else the key's host.
 */
export function parsePublishableKeyOrThrow(
  key: string | null | undefined,
  { proxyUrl, domain, isSatellite }: FrontendApiOverrides = {},
): PublishableKey {
  if (!key) throw new Error(MISSING_PUBLISHABLE_KEY_MESSAGE);
  const host = validKeyHost(key);
  if (host === null) throw new Error(INVALID_PUBLISHABLE_KEY_MESSAGE);
  const instanceType = key.startsWith('pk_live_') ? 'production' : 'development';
  const frontendApi =
    proxyUrl || (instanceType === 'production' && isSatellite && domain ? `clerk.${domain}` : host);
  return { instanceType, frontendApi };
}

/**
 * The 0.x form's check: a key that is given but that 0.x could not read (no `pk_live_`/`pk_test_` prefix, a
 * body that is not base64, no trailing `$`) is a configuration error instead of an opaque failure or silence.
 */
export function assertReadablePublishableKey(key: string | null | undefined): void {
  if (key && !parsePublishableKey(key)) throw new Error(INVALID_PUBLISHABLE_KEY_MESSAGE);
}
