// Machine authentication (current Clerk, section 5): M2M tokens, OAuth access tokens and API keys.

export {
  authenticatedMachineObject,
  invalidTokenAuthObject,
  unauthenticatedMachineObject,
} from './auth-objects';
export { MachineTokenVerificationError, MachineTokenVerificationErrorCode } from './errors';
export { getTokenType, isMachineToken, type MachineTokenType, TokenType } from './token-type';
export type {
  APIKeyData,
  AuthenticatedMachineObject,
  IdPOAuthAccessTokenData,
  InvalidTokenAuthObject,
  M2MTokenData,
  MachineAuthObject,
  MachineAuthOptions,
  MachineJwksOptions,
  MachineTokenData,
  MachineTokenDataByType,
  MachineTokenVerificationResult,
  UnauthenticatedMachineObject,
} from './types';
export { verifyMachineAuthToken } from './verify-machine-auth-token';
