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
  /** List all identifiers on the allow-list (GET /allowlist_identifiers). */
  getAllowlistIdentifierList(options?: CallOptions) {
    return this.request(
      defineOperation<AllowlistIdentifier[]>('GET /allowlist_identifiers query', AllowlistIdentifier),
      [],
      undefined,
      options,
    );
  }

  /** Add identifier to the allow-list (POST /allowlist_identifiers). */
  createAllowlistIdentifier(
    params: {
      /** The identifier to be added in the allow-list. This can be an email address, a phone number, or a web3 wallet. */
      identifier: string;
      /**
       * This flag denotes whether the given identifier will receive an invitation to join the application. Note that
       * this only works for email address and phone number identifiers.
       */
      notify: boolean;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<AllowlistIdentifier>('POST /allowlist_identifiers json', AllowlistIdentifier),
      [],
      params,
      options,
    );
  }

  /** Delete identifier from allow-list (DELETE /allowlist_identifiers/{identifier_id}). */
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

  /** Get a client (GET /clients/{client_id}). */
  getClient(clientId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Client>('GET /clients/{client_id}', Client),
      [clientId],
      undefined,
      options,
    );
  }

  /** Verify a client (POST /clients/verify). */
  verifyClient(token: string, options?: CallOptions) {
    return this.request(defineOperation<Client>('POST /clients/verify json', Client), [], { token }, options);
  }
}

export class DomainAPI extends DomainsEndpoints {
  /** Delete a satellite domain (DELETE /domains/{domain_id}). */
  deleteDomain(id: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /domains/{domain_id}', DeletedObject),
      [id],
      undefined,
      options,
    );
  }
}

type VerifiedPrimary = {
  /** The email address will be marked as verified. */
  verified?: boolean;
  /** Set this email address as the primary email address for the user. */
  primary?: boolean;
};

export class EmailAddressAPI extends EmailAddressesEndpoints {
  /** Retrieve an email address (GET /email_addresses/{email_address_id}). */
  getEmailAddress(emailAddressId: string, options?: CallOptions) {
    return this.request(
      defineOperation<EmailAddress>('GET /email_addresses/{email_address_id}', EmailAddress),
      [emailAddressId],
      undefined,
      options,
    );
  }

  /** Create an email address (POST /email_addresses). */
  createEmailAddress(
    params: {
      /** The ID representing the user */
      userId: string;
      /** The new email address. Must adhere to the RFC 5322 specification for email address format. */
      emailAddress: string;
    } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<EmailAddress>('POST /email_addresses json', EmailAddress),
      [],
      params,
      options,
    );
  }

  /** Update an email address (PATCH /email_addresses/{email_address_id}). */
  updateEmailAddress(emailAddressId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(
      defineOperation<EmailAddress>('PATCH /email_addresses/{email_address_id} json', EmailAddress),
      [emailAddressId],
      params,
      options,
    );
  }

  /** Delete an email address (DELETE /email_addresses/{email_address_id}). */
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
  /** Filter invitations based on their status */
  status?: 'accepted' | 'pending' | 'revoked';
  [passThrough: string]: unknown;
};

export class InvitationAPI extends InvitationsEndpoints {
  /** List all invitations (GET /invitations). */
  getInvitationList(params: InvitationListParams = {}, options?: CallOptions) {
    return this.request(
      defineOperation<Invitation[]>('GET /invitations query', Invitation),
      [],
      withoutFalsy(params),
      options,
    );
  }

  /** Create an invitation (POST /invitations). */
  createInvitation(
    params: {
      /** The email address the invitation will be sent to */
      emailAddress: string;
      /**
       * Optional URL which specifies where to redirect the user once they click the invitation link. This is only
       * required if you have implemented a [custom
       * flow](https://clerk.com/docs/authentication/invitations#custom-flow) and you're not using Clerk Hosted Pages
       * or Clerk Components.
       */
      redirectUrl?: string;
      /**
       * Metadata that will be attached to the newly created invitation. The value of this property should be a
       * well-formed JSON object. Once the user accepts the invitation and signs up, these metadata will end up in the
       * user's public metadata.
       */
      publicMetadata?: Record<string, unknown>;
      /**
       * Optional flag which denotes whether an email invitation should be sent to the given email address. Defaults
       * to `true`.
       */
      notify?: boolean;
      /**
       * Whether an invitation should be created if there is already an existing invitation for this email address, or
       * it's claimed by another user.
       */
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

  /** Revokes an invitation (POST /invitations/{invitation_id}/revoke). */
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
  /** Retrieve a phone number (GET /phone_numbers/{phone_number_id}). */
  getPhoneNumber(phoneNumberId: string, options?: CallOptions) {
    return this.request(
      defineOperation<PhoneNumber>('GET /phone_numbers/{phone_number_id}', PhoneNumber),
      [phoneNumberId],
      undefined,
      options,
    );
  }

  /** Create a phone number (POST /phone_numbers). */
  createPhoneNumber(
    params: {
      /** The ID representing the user */
      userId: string;
      /** The new phone number. Must adhere to the E.164 standard for phone number format. */
      phoneNumber: string;
    } & VerifiedPrimary,
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<PhoneNumber>('POST /phone_numbers json', PhoneNumber),
      [],
      params,
      options,
    );
  }

  /** Update a phone number (PATCH /phone_numbers/{phone_number_id}). */
  updatePhoneNumber(phoneNumberId: string, params: VerifiedPrimary = {}, options?: CallOptions) {
    return this.request(
      defineOperation<PhoneNumber>('PATCH /phone_numbers/{phone_number_id} json', PhoneNumber),
      [phoneNumberId],
      params,
      options,
    );
  }

  /** Delete a phone number (DELETE /phone_numbers/{phone_number_id}). */
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
  /** List all redirect URLs (GET /redirect_urls). */
  getRedirectUrlList(options?: CallOptions) {
    return this.request(
      defineOperation<RedirectUrl[]>('GET /redirect_urls query', RedirectUrl),
      [],
      undefined,
      options,
    );
  }

  /** Retrieve a redirect URL (GET /redirect_urls/{id}). */
  getRedirectUrl(redirectUrlId: string, options?: CallOptions) {
    return this.request(
      defineOperation<RedirectUrl>('GET /redirect_urls/{id}', RedirectUrl),
      [redirectUrlId],
      undefined,
      options,
    );
  }

  /** Create a redirect URL (POST /redirect_urls). */
  createRedirectUrl(
    params: {
      /**
       * The full URL value prefixed with `https://` or a custom scheme e.g. `"https://my-app.com/oauth-callback"` or
       * `"my-app://oauth-callback"`
       */
      url: string;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<RedirectUrl>('POST /redirect_urls json', RedirectUrl),
      [],
      params,
      options,
    );
  }

  /** Delete a redirect URL (DELETE /redirect_urls/{id}). */
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
  /** Create sign-in token (POST /sign_in_tokens). */
  createSignInToken(
    params: {
      /** The ID of the user that can use the newly created sign in token */
      userId: string;
      /**
       * Optional parameter to specify the life duration of the sign in token in seconds. By default, the duration is 30
       * days.
       */
      expiresInSeconds: number;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<SignInToken>('POST /sign_in_tokens json', SignInToken),
      [],
      params,
      options,
    );
  }

  /** Revoke the given sign-in token (POST /sign_in_tokens/{sign_in_token_id}/revoke). */
  revokeSignInToken(signInTokenId: string, options?: CallOptions) {
    return this.request(
      defineOperation<SignInToken>('POST /sign_in_tokens/{sign_in_token_id}/revoke', SignInToken),
      [signInTokenId],
      undefined,
      options,
    );
  }
}
