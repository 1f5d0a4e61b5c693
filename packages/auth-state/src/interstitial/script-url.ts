import { isStagingFrontendApi } from '../lib/publishable-key';

export interface ClerkJsVersionOptions {
  pkgVersion?: string;
  clerkJSVersion?: string;
}

/** The clerk-js tag to load: the explicit version, `canary` on staging, `latest`, or the major of `pkgVersion`. */
export function clerkJsVersionTag(
  frontendApi: string,
  { pkgVersion, clerkJSVersion }: ClerkJsVersionOptions,
) {
  if (clerkJSVersion) return clerkJSVersion;
  if (!pkgVersion) return isStagingFrontendApi(frontendApi) ? 'canary' : 'latest';
  return pkgVersion.split('.')[0] || 'latest';
}

/** `https://{host}/npm/@clerk/clerk-js@{tag}/dist/clerk.browser.js`, any scheme in `host` removed. */
export function clerkJsScriptUrl(host: string, options: ClerkJsVersionOptions): string {
  const bareHost = host.replace(/https?:\/\//, '');
  return `https://${bareHost}/npm/@clerk/clerk-js@${clerkJsVersionTag(host, options)}/dist/clerk.browser.js`;
}
