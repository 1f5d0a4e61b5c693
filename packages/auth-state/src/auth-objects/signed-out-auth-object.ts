import { deprecated } from '@clerk/jwt-core';
import { createDebug } from './debug';
import type { SignedOutAuthObject } from './types';

/** The auth object of a request without a session: every field `null`, `has()` always false. */
export function signedOutAuthObject(debugData?: Record<string, unknown>): SignedOutAuthObject {
  if (debugData?.apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
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
    debug: createDebug(debugData),
  };
}
