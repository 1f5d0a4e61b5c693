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
import type { ClerkApiVersion } from './generated/versions';
import { createRequestFunction } from './request/createRequestFunction';
import { createRawRequest } from './request/rawRequest';
import type { BackendApiClientOptions } from './request/types';

/**
 * The Backend API client: the 14 groups of 0.x with their 0.x methods, plus every other group of every dated
 * spec, plus `request()` for anything else. Every method resolves to `{ data, errors }`. With
 * `clerkApiVersion` the methods whose types differ between versions are typed for that version.
 */
export function createBackendApiClient<V extends ClerkApiVersion | undefined = undefined>(
  options: BackendApiClientOptions & {
    /** A dated Backend API version (one of `CLERK_API_VERSIONS`), sent as `Clerk-API-Version`; unset: none. */
    clerkApiVersion?: V;
  } = {},
) {
  const request = createRequestFunction(options);
  return {
    allowlistIdentifiers: new AllowlistIdentifierAPI(request),
    clients: new ClientAPI(request),
    domains: new DomainAPI(request),
    emailAddresses: new EmailAddressAPI(request),
    emails: new EmailAPI(request),
    interstitial: new InterstitialAPI(request),
    invitations: new InvitationAPI(request),
    organizations: new OrganizationAPI<V>(request),
    phoneNumbers: new PhoneNumberAPI(request),
    redirectUrls: new RedirectUrlAPI(request),
    sessions: new SessionAPI(request),
    signInTokens: new SignInTokenAPI(request),
    smsMessages: new SMSMessageAPI(request),
    users: new UserAPI<V>(request),
    ...createSpecOnlyGroups(request),
    /** Any Backend API call by method and path, with the same request layer: `{ data, errors }`. */
    request: createRawRequest(request),
  };
}

/** The client {@link createBackendApiClient} builds; `V` is its `clerkApiVersion`. */
export type BackendApiClient<V extends ClerkApiVersion | undefined = undefined> = ReturnType<
  typeof createBackendApiClient<V>
>;
