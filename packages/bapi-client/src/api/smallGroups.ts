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
  AllowlistIdentifier,
  Client,
  DeletedObject,
  EmailAddress,
  Invitation,
  PhoneNumber,
  RedirectUrl,
  SignInToken,
} from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { CallOptions } from '../request/types';
import { withoutFalsy } from './withoutFalsy';

export class AllowlistIdentifierAPI extends AllowlistIdentifiersEndpoints {
  getAllowlistIdentifierList(options?: CallOptions) {
    return this.request(
      defineOperation<AllowlistIdentifier[]>('GET /allowlist_identifiers query', AllowlistIdentifier),
      [],
      undefined,
      options,
    );
  }

  createAllowlistIdentifier(params: { identifier: string; notify: boolean }, options?: CallOptions) {
    return this.request(
      defineOperation<AllowlistIdentifier>('POST /allowlist_identifiers json', AllowlistIdentifier),
      [],
      params,
      options,
    );
  }

  deleteAllowlistIdentifier(allowlistIdentifierId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /allowlist_identifiers/{identifier_id}', DeletedObject),
      [allowlistIdentifierId],
      undefined,
      options,
    );
  }
}

export class ClientAPI extends ClientsEndpoints {
  /** @deprecated The Backend API answers 410 for this list. */
  getClientList(options?: CallOptions) {
    return this.request(defineOperation<Client[]>('GET /clients query', Client), [], undefined, options);
  }

  getClient(clientId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Client>('GET /clients/{client_id}', Client),
      [clientId],
      undefined,
      options,
    );
  }

  verifyClient(token: string, options?: CallOptions) {
    return this.request(defineOperation<Client>('POST /clients/verify json', Client), [], { token }, options);
  }
}

export class DomainAPI extends DomainsEndpoints {
  deleteDomain(id: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /domains/{domain_id}', DeletedObject),
      [id],
      undefined,
      options,
    );
  }
}

type VerifiedPrimary = { verified?: boolean; primary?: boolean };

export class EmailAddressAPI extends EmailAddressesEndpoints {
  getEmailAddress(emailAddressId: string, options?: CallOptions) {
    return this.request(
      defineOperation<EmailAddress>('GET /email_addresses/{email_address_id}', EmailAddress),
      [emailAddressId],
      undefined,
      options,
    );
  }

  createEmailAddress(
    params: { userId: string; emailAddress: string } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<EmailAddress>('POST /email_addresses json', EmailAddress),
      [],
      params,
      options,
    );
  }

  updateEmailAddress(emailAddressId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(
      defineOperation<EmailAddress>('PATCH /email_addresses/{email_address_id} json', EmailAddress),
      [emailAddressId],
      params,
      options,
    );
  }

  deleteEmailAddress(emailAddressId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /email_addresses/{email_address_id}', DeletedObject),
      [emailAddressId],
      undefined,
      options,
    );
  }
}

export type InvitationListParams = {
  status?: 'accepted' | 'pending' | 'revoked';
  [passThrough: string]: unknown;
};

export class InvitationAPI extends InvitationsEndpoints {
  getInvitationList(params: InvitationListParams = {}, options?: CallOptions) {
    return this.request(
      defineOperation<Invitation[]>('GET /invitations query', Invitation),
      [],
      withoutFalsy(params),
      options,
    );
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
    return this.request(
      defineOperation<Invitation>('POST /invitations json', Invitation),
      [],
      params,
      options,
    );
  }

  revokeInvitation(invitationId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Invitation>('POST /invitations/{invitation_id}/revoke', Invitation),
      [invitationId],
      undefined,
      options,
    );
  }
}

export class PhoneNumberAPI extends PhoneNumbersEndpoints {
  getPhoneNumber(phoneNumberId: string, options?: CallOptions) {
    return this.request(
      defineOperation<PhoneNumber>('GET /phone_numbers/{phone_number_id}', PhoneNumber),
      [phoneNumberId],
      undefined,
      options,
    );
  }

  createPhoneNumber(
    params: { userId: string; phoneNumber: string } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<PhoneNumber>('POST /phone_numbers json', PhoneNumber),
      [],
      params,
      options,
    );
  }

  updatePhoneNumber(phoneNumberId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(
      defineOperation<PhoneNumber>('PATCH /phone_numbers/{phone_number_id} json', PhoneNumber),
      [phoneNumberId],
      params,
      options,
    );
  }

  deletePhoneNumber(phoneNumberId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /phone_numbers/{phone_number_id}', DeletedObject),
      [phoneNumberId],
      undefined,
      options,
    );
  }
}

export class RedirectUrlAPI extends RedirectUrlsEndpoints {
  getRedirectUrlList(options?: CallOptions) {
    return this.request(
      defineOperation<RedirectUrl[]>('GET /redirect_urls query', RedirectUrl),
      [],
      undefined,
      options,
    );
  }

  getRedirectUrl(redirectUrlId: string, options?: CallOptions) {
    return this.request(
      defineOperation<RedirectUrl>('GET /redirect_urls/{id}', RedirectUrl),
      [redirectUrlId],
      undefined,
      options,
    );
  }

  createRedirectUrl(params: { url: string }, options?: CallOptions) {
    return this.request(
      defineOperation<RedirectUrl>('POST /redirect_urls json', RedirectUrl),
      [],
      params,
      options,
    );
  }

  deleteRedirectUrl(redirectUrlId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /redirect_urls/{id}', DeletedObject),
      [redirectUrlId],
      undefined,
      options,
    );
  }
}

export class SignInTokenAPI extends SignInTokensEndpoints {
  createSignInToken(params: { userId: string; expiresInSeconds: number }, options?: CallOptions) {
    return this.request(
      defineOperation<SignInToken>('POST /sign_in_tokens json', SignInToken),
      [],
      params,
      options,
    );
  }

  revokeSignInToken(signInTokenId: string, options?: CallOptions) {
    return this.request(
      defineOperation<SignInToken>('POST /sign_in_tokens/{sign_in_token_id}/revoke', SignInToken),
      [signInTokenId],
      undefined,
      options,
    );
  }
}
