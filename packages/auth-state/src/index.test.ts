import { describe, expect, it } from 'vitest';
import * as entry from './index';

describe('public entry', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'AuthErrorReason',
      'AuthStatus',
      'BackendApiRequestError',
      'CurrentAuthErrorReason',
      'CurrentAuthStatus',
      'INVALID_PUBLISHABLE_KEY_MESSAGE',
      'MISSING_PUBLISHABLE_KEY_MESSAGE',
      'MachineTokenVerificationError',
      'MachineTokenVerificationErrorCode',
      'TokenType',
      'authenticateRequest',
      'authenticatedMachineObject',
      'buildRequestUrl',
      'constants',
      'createAuthenticateRequest',
      'createIsomorphicRequest',
      'currentSessionAuthObject',
      'currentSignedInAuthObject',
      'currentSignedOutAuthObject',
      'debugRequestState',
      'getTokenType',
      'invalidTokenAuthObject',
      'isMachineToken',
      'isPendingSession',
      'isPublishableKey',
      'loadInterstitialFromLocal',
      'makeAuthObjectSerializable',
      'parsePublishableKey',
      'parsePublishableKeyOrThrow',
      'prunePrivateMetadata',
      'redirect',
      'redirectResponseFor',
      'remotePrivateInterstitial',
      'remotePublicInterstitial',
      'remotePublicInterstitialUrl',
      'sanitizeAuthObject',
      'signedInAuthObject',
      'signedOutAuthObject',
      'unauthenticatedMachineObject',
      'verifyMachineAuthToken',
    ]);
  });

  it('AuthStatus and the constants carry the 0.x strings', () => {
    expect({ ...entry.AuthStatus }).toEqual({
      SignedIn: 'signed-in',
      SignedOut: 'signed-out',
      Interstitial: 'interstitial',
      Unknown: 'unknown',
    });
    expect(entry.constants.Cookies).toEqual({ Session: '__session', ClientUat: '__client_uat' });
    expect(entry.constants.Headers.Referrer).toBe('referer');
    expect(entry.constants.Headers.CloudFrontForwardedProto).toBe('cloudfront-forwarded-proto');
    expect(entry.constants.SearchParams).toEqual({
      AuthStatus: 'x-clerk-auth-status',
      AuthToken: 'x-clerk-auth-token',
    });
    expect(entry.constants.ContentTypes.Json).toBe('application/json');
    expect(Object.values(entry.AuthErrorReason)).toHaveLength(14);
  });
});
