// Machine authentication of current Clerk: M2M tokens, OAuth access tokens and API keys (@clerk/auth-state).
export {
  type APIKeyData,
  type AuthenticatedMachineObject,
  getTokenType,
  type IdPOAuthAccessTokenData,
  type InvalidTokenAuthObject,
  isMachineToken,
  type M2MTokenData,
  type MachineAuthObject,
  type MachineAuthOptions,
  type MachineTokenData,
  type MachineTokenType,
  MachineTokenVerificationError,
  type MachineTokenVerificationResult,
  TokenType,
  type UnauthenticatedMachineObject,
  verifyMachineAuthToken,
} from '@clerk/auth-state';
