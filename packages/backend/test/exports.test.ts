import { describe, expect, it } from 'vitest';
import * as backend from '../src/index';

// The 42 runtime names of @clerk/backend 0.38.15 (auth-and-tokens.md section 1).
const legacyExports = [
  'AllowlistIdentifier',
  'AuthStatus',
  'Clerk',
  'Client',
  'DeletedObject',
  'Email',
  'EmailAddress',
  'ExternalAccount',
  'IdentificationLink',
  'Invitation',
  'OauthAccessToken',
  'ObjectType',
  'Organization',
  'OrganizationInvitation',
  'OrganizationMembership',
  'OrganizationMembershipPublicUserData',
  'PhoneNumber',
  'RedirectUrl',
  'SMSMessage',
  'Session',
  'SignInToken',
  'Token',
  'User',
  'Verification',
  'buildRequestUrl',
  'constants',
  'createAuthenticateRequest',
  'createIsomorphicRequest',
  'debugRequestState',
  'decodeJwt',
  'deserialize',
  'hasValidSignature',
  'loadInterstitialFromLocal',
  'makeAuthObjectSerializable',
  'prunePrivateMetadata',
  'redirect',
  'sanitizeAuthObject',
  'signJwt',
  'signedInAuthObject',
  'signedOutAuthObject',
  'verifyJwt',
  'verifyToken',
];

// Additive exports beyond 0.x (COMPATIBILITY.md: error classes, reason constants, createClerkClient).
const additions = [
  'AuthErrorReason',
  'RequestErrorCode',
  'TokenVerificationError',
  'TokenVerificationErrorAction',
  'TokenVerificationErrorReason',
  'VerifyTokenError',
  'createBackendApiClient',
  'createClerkClient',
  // dated API versions and the machine resources (bapi-client)
  'APIKey',
  'CLERK_API_VERSIONS',
  'CLERK_API_VERSION_HEADER',
  'IdPOAuthAccessToken',
  'M2MToken',
  'assertClerkApiVersion',
  'redirectResponseFor',
  'verifyWebhook',
];

// Machine authentication of current Clerk (current-clerk.md section 5).
const machineAdditions = [
  'MachineTokenVerificationError',
  'TokenType',
  'getTokenType',
  'isMachineToken',
  'verifyMachineAuthToken',
];

describe('the root exports', () => {
  it('are exactly the 42 names of 0.x plus the documented additions', () => {
    expect(legacyExports).toHaveLength(42);
    expect(Object.keys(backend).sort()).toEqual([...legacyExports, ...additions, ...machineAdditions].sort());
  });

  it('do not export the standalone authenticateRequest (reach it through Clerk or the factory)', () => {
    expect('authenticateRequest' in backend).toBe(false);
  });

  it('createClerkClient is Clerk', () => {
    expect(backend.createClerkClient).toBe(backend.Clerk);
  });
});
