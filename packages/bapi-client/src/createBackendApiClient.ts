import { OrganizationAPI } from './api/OrganizationAPI';
import { EmailAPI, InterstitialAPI, SMSMessageAPI } from './api/removedEndpoints';
import { SessionAPI } from './api/SessionAPI';
import {
  AllowlistIdentifierAPI,
  ClientAPI,
  DomainAPI,
  EmailAddressAPI,
  InvitationAPI,
  PhoneNumberAPI,
  RedirectUrlAPI,
  SignInTokenAPI,
} from './api/smallGroups';
import { UserAPI } from './api/UserAPI';
import { createSpecOnlyGroups } from './generated/specOnlyGroups';
import { createRequestFunction } from './request/createRequestFunction';
import type { BackendApiClientOptions } from './request/types';

/**
 * The Backend API client: the 14 groups of 0.x with their 0.x methods, plus every other group of the spec.
 * Every method resolves to `{ data, errors }`.
 */
export function createBackendApiClient(options: BackendApiClientOptions = {}) {
  const request = createRequestFunction(options);
  return {
    allowlistIdentifiers: new AllowlistIdentifierAPI(request),
    clients: new ClientAPI(request),
    domains: new DomainAPI(request),
    emailAddresses: new EmailAddressAPI(request),
    emails: new EmailAPI(request),
    interstitial: new InterstitialAPI(request),
    invitations: new InvitationAPI(request),
    organizations: new OrganizationAPI(request),
    phoneNumbers: new PhoneNumberAPI(request),
    redirectUrls: new RedirectUrlAPI(request),
    sessions: new SessionAPI(request),
    signInTokens: new SignInTokenAPI(request),
    smsMessages: new SMSMessageAPI(request),
    users: new UserAPI(request),
    ...createSpecOnlyGroups(request),
  };
}

export type BackendApiClient = ReturnType<typeof createBackendApiClient>;
