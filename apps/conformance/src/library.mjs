// The one place the suite takes the code under test from: the built `@clerk/backend`, as a user imports it.
export {
  AuthStatus,
  Clerk,
  createAuthenticateRequest,
  debugRequestState,
  decodeJwt,
  getTokenType,
  hasValidSignature,
  isMachineToken,
  loadInterstitialFromLocal,
  MachineTokenVerificationError,
  redirectResponseFor,
  signJwt,
  TokenVerificationError,
  verifyJwt,
  verifyMachineAuthToken,
  verifyToken,
} from '@clerk/backend';
export { verifyWebhook, WebhookVerificationError } from '@clerk/backend/webhooks';
