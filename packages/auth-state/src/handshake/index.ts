// The current call form of authenticateRequest (current-clerk.md 3, 5.4, 7, 8).
export { authenticateCurrentRequest } from './authenticate';
export type { AcceptsToken, CurrentAuthenticateOptions, OrganizationSyncOptions } from './options';
export { CURRENT_API_URL, type CurrentInstance } from './resolve-options';
export { redirectResponseFor, type StateWithHeaders } from './response';
