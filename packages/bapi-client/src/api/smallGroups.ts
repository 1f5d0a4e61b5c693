// The smaller 0.x groups: each keeps its 0.x methods on top of the generated class of its group.
import { AllowlistIdentifiersEndpoints } from '../generated/endpoints/allowlistIdentifiers';
import { ClientsEndpoints } from '../generated/endpoints/clients';
import { DomainsEndpoints } from '../generated/endpoints/domains';
import { EmailAddressesEndpoints } from '../generated/endpoints/emailAddresses';
import { InvitationsEndpoints } from '../generated/endpoints/invitations';
import { PhoneNumbersEndpoints } from '../generated/endpoints/phoneNumbers';
import { RedirectUrlsEndpoints } from '../generated/endpoints/redirectUrls';
import { SignInTokensEndpoints } from '../generated/endpoints/signInTokens';
import {
  CreateAllowlistIdentifier,
  CreateEmailAddress,
  CreateInvitation,
  CreatePhoneNumber,
  CreateRedirectURL,
  CreateSignInToken,
  DeleteAllowlistIdentifier,
  DeleteDomain,
  DeleteEmailAddress,
  DeletePhoneNumber,
  DeleteRedirectURL,
  GetClient,
  GetClientList,
  GetEmailAddress,
  GetPhoneNumber,
  GetRedirectURL,
  ListAllowlistIdentifiers,
  ListInvitations,
  ListRedirectURLs,
  RevokeInvitation,
  RevokeSignInToken,
  UpdateEmailAddress,
  UpdatePhoneNumber,
  VerifyClient,
} from '../generated/operations';
import type { CallOptions } from '../request/types';
import { withoutFalsy } from './withoutFalsy';

export class AllowlistIdentifierAPI extends AllowlistIdentifiersEndpoints {
  getAllowlistIdentifierList(options?: CallOptions) {
    return this.request(ListAllowlistIdentifiers, [], undefined, options);
  }

  createAllowlistIdentifier(params: { identifier: string; notify: boolean }, options?: CallOptions) {
    return this.request(CreateAllowlistIdentifier, [], params, options);
  }

  deleteAllowlistIdentifier(allowlistIdentifierId: string, options?: CallOptions) {
    return this.request(DeleteAllowlistIdentifier, [allowlistIdentifierId], undefined, options);
  }
}

export class ClientAPI extends ClientsEndpoints {
  /** @deprecated The Backend API answers 410 for this list. */
  getClientList(options?: CallOptions) {
    return this.request(GetClientList, [], undefined, options);
  }

  getClient(clientId: string, options?: CallOptions) {
    return this.request(GetClient, [clientId], undefined, options);
  }

  verifyClient(token: string, options?: CallOptions) {
    return this.request(VerifyClient, [], { token }, options);
  }
}

export class DomainAPI extends DomainsEndpoints {
  deleteDomain(id: string, options?: CallOptions) {
    return this.request(DeleteDomain, [id], undefined, options);
  }
}

type VerifiedPrimary = { verified?: boolean; primary?: boolean };

export class EmailAddressAPI extends EmailAddressesEndpoints {
  getEmailAddress(emailAddressId: string, options?: CallOptions) {
    return this.request(GetEmailAddress, [emailAddressId], undefined, options);
  }

  createEmailAddress(
    params: { userId: string; emailAddress: string } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(CreateEmailAddress, [], params, options);
  }

  updateEmailAddress(emailAddressId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(UpdateEmailAddress, [emailAddressId], params, options);
  }

  deleteEmailAddress(emailAddressId: string, options?: CallOptions) {
    return this.request(DeleteEmailAddress, [emailAddressId], undefined, options);
  }
}

export type InvitationListParams = {
  status?: 'accepted' | 'pending' | 'revoked';
  [passThrough: string]: unknown;
};

export class InvitationAPI extends InvitationsEndpoints {
  getInvitationList(params: InvitationListParams = {}, options?: CallOptions) {
    return this.request(ListInvitations, [], withoutFalsy(params), options);
  }

  createInvitation(
    params: {
      emailAddress: string;
      redirectUrl?: string;
      publicMetadata?: Record<string, unknown>;
      notify?: boolean;
      ignoreExisting?: boolean;
    },
    options?: CallOptions,
  ) {
    return this.request(CreateInvitation, [], params, options);
  }

  revokeInvitation(invitationId: string, options?: CallOptions) {
    return this.request(RevokeInvitation, [invitationId], undefined, options);
  }
}

export class PhoneNumberAPI extends PhoneNumbersEndpoints {
  getPhoneNumber(phoneNumberId: string, options?: CallOptions) {
    return this.request(GetPhoneNumber, [phoneNumberId], undefined, options);
  }

  createPhoneNumber(
    params: { userId: string; phoneNumber: string } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(CreatePhoneNumber, [], params, options);
  }

  updatePhoneNumber(phoneNumberId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(UpdatePhoneNumber, [phoneNumberId], params, options);
  }

  deletePhoneNumber(phoneNumberId: string, options?: CallOptions) {
    return this.request(DeletePhoneNumber, [phoneNumberId], undefined, options);
  }
}

export class RedirectUrlAPI extends RedirectUrlsEndpoints {
  getRedirectUrlList(options?: CallOptions) {
    return this.request(ListRedirectURLs, [], undefined, options);
  }

  getRedirectUrl(redirectUrlId: string, options?: CallOptions) {
    return this.request(GetRedirectURL, [redirectUrlId], undefined, options);
  }

  createRedirectUrl(params: { url: string }, options?: CallOptions) {
    return this.request(CreateRedirectURL, [], params, options);
  }

  deleteRedirectUrl(redirectUrlId: string, options?: CallOptions) {
    return this.request(DeleteRedirectURL, [redirectUrlId], undefined, options);
  }
}

export class SignInTokenAPI extends SignInTokensEndpoints {
  createSignInToken(params: { userId: string; expiresInSeconds: number }, options?: CallOptions) {
    return this.request(CreateSignInToken, [], params, options);
  }

  revokeSignInToken(signInTokenId: string, options?: CallOptions) {
    return this.request(RevokeSignInToken, [signInTokenId], undefined, options);
  }
}
