import { deprecated } from '@clerk/jwt-core';
import { createDebug } from './debug';
import type { SignedOutAuthObject } from './types';

/** The auth object of a request without a session: every field `null`, `has()` always false. */
export function signedOutAuthObject(debugData?: Record<string, unknown>): SignedOutAuthObject {
  return createSignedOutAuthObject(debugData?.apiKey, debugData);
}

/**
 * `signedOutAuthObject` whose debug data may come in several parts (a function is called then), merged only when
 * `debug()` is called; `apiKey` is the data's, for the deprecation notice.
 */
export function createSignedOutAuthObject(
  apiKey: unknown,
  ...debugData: Array<object | (() => object) | undefined>
): SignedOutAuthObject {
  if (apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  return {
    sessionClaims: null,
    sessionId: null,
    session: null,
    userId: null,
    user: null,
    actor: null,
    orgId: null,
    orgRole: null,
    orgSlug: null,
    orgPermissions: null,
    organization: null,
    getToken: () => Promise.resolve(null),
    has: () => false,
    debug: createDebug(...debugData),
  };
}
