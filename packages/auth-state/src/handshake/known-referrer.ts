// Rule 15's "known Clerk referrer" (current-clerk.md 3.7): the Frontend API, its Account Portal, and on
// non-production instances the development Account Portal hosts.
import type { HandshakeContext } from './context';

const LEGACY_DEV_PORTAL_SUFFIXES = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com'];
const CURRENT_DEV_PORTAL_SUFFIXES = ['.accounts.dev', '.accountsstage.dev', '.accounts.lclclerk.com'];

/** `accounts.<x>.lcl.dev` and the like. */
const isLegacyDevPortalHost = (host: string) =>
  host.startsWith('accounts.') && LEGACY_DEV_PORTAL_SUFFIXES.some(suffix => host.endsWith(suffix));

/** `<x>.accounts.dev` and the like, but not a Frontend API (`<x>.clerk.accounts.dev`). */
const isCurrentDevPortalHost = (host: string) =>
  CURRENT_DEV_PORTAL_SUFFIXES.some(suffix => host.endsWith(suffix) && !host.endsWith(`.clerk${suffix}`));

/** The Account Portal origin of a Frontend API: `clerk.accounts.`/`clerk.` becomes `accounts.`. */
function accountPortalOrigin(frontendApi: string): string | null {
  if (!frontendApi) return null;
  const host = frontendApi
    .replace(/^https?:\/\//, '')
    .replace(/^clerk\.accounts\./, 'accounts.')
    .replace(/^clerk\./, 'accounts.');
  try {
    return new URL(`https://${host}`).origin;
  } catch {
    return null;
  }
}

export function isKnownClerkReferrer(context: HandshakeContext): boolean {
  const header = context.read.referrer;
  if (!header) return false;
  let referrer: URL;
  try {
    referrer = new URL(header);
  } catch {
    return false;
  }
  const { frontendApi } = context;
  if (frontendApi) {
    let fapiHost: string | null = frontendApi;
    if (frontendApi.startsWith('http')) {
      try {
        fapiHost = new URL(frontendApi).hostname;
      } catch {
        fapiHost = null;
      }
    }
    if (referrer.hostname === fapiHost) return true;
  }
  if (
    context.instanceType !== 'production' &&
    (isLegacyDevPortalHost(referrer.hostname) || isCurrentDevPortalHost(referrer.hostname))
  ) {
    return true;
  }
  return referrer.origin === accountPortalOrigin(frontendApi);
}
