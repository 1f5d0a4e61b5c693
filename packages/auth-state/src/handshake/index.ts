// The public names of the current call form of authenticateRequest (current-clerk.md 3, 5.4, 7, 8).
export type {
  AcceptedTokenType,
  AcceptsToken,
  CurrentAuthenticateOptions,
  OrganizationSyncOptions,
} from './options';
export { redirectResponseFor, type StateWithHeaders } from './response';
