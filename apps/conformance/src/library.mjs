// The one place the suite takes the code under test from: the built `@clerk/backend`, as a user imports it.
export {
  AuthStatus,
  Clerk,
  createAuthenticateRequest,
  decodeJwt,
  hasValidSignature,
  loadInterstitialFromLocal,
  redirectResponseFor,
  signJwt,
  TokenVerificationError,
  verifyJwt,
  verifyToken,
} from '@clerk/backend';
