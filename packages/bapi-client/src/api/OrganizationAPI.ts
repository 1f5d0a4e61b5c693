import { deprecated } from '@clerk/jwt-core';
import { OrganizationsEndpoints } from '../generated/endpoints/organizations';
import type { UpdateOrganizationBodyByVersion } from '../generated/operations';
import {
  DeletedObject,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
} from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { CallOptions } from '../request/types';
import type { RemovedIn, WithoutKeys } from './versionedParams';
import { withoutFalsy } from './withoutFalsy';

type Metadata = Record<string, unknown>;
type OrganizationMembershipRole = 'admin' | 'basic_member' | 'guest_member' | `org:${string}` | (string & {});
type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export type OrganizationListParams = {
  /**
   * Applies a limit to the number of results returned. Can be used for paginating the results together with `offset`.
   */
  limit?: number;
  /**
   * Skip the first `offset` results when paginating. Needs to be an integer greater or equal to zero. To be used in
   * conjunction with `limit`.
   */
  offset?: number;
  /** Flag to denote whether the member counts of each organization should be included in the response or not. */
  includeMembersCount?: boolean;
  /**
   * Returns organizations with ID, name, or slug that match the given query. Uses exact match for organization ID and
   * partial match for name and slug.
   */
  query?: string;
  [passThrough: string]: unknown;
};

export type CreateOrganizationParams = {
  /** The name of the new organization. May not contain URLs or HTML. Max length: 256 */
  name: string;
  /**
   * A slug for the new organization. Can contain only lowercase alphanumeric characters and the dash "-". Must be
   * unique for the instance. This field should only be included when slugs are enabled in the organization settings,
   * refer to our [documentation](https://clerk.com/docs/guides/organizations/overview#organization-slugs).
   */
  slug?: string;
  /** The ID of the User who will become the administrator for the new organization */
  createdBy: string;
  /** The maximum number of memberships allowed for this organization */
  maxAllowedMemberships?: number;
  /**
   * Metadata saved on the organization, read-only from the Frontend API and fully accessible (read/write) from the
   * Backend API
   */
  publicMetadata?: Metadata;
  /** Metadata saved on the organization, accessible only from the Backend API */
  privateMetadata?: Metadata;
};

export type UpdateOrganizationParams = {
  /** The new name of the organization. May not contain URLs or HTML. Max length: 256 */
  name?: string;
  /** The new slug of the organization, which needs to be unique in the instance */
  slug?: string;
  /** The maximum number of memberships allowed for this organization */
  maxAllowedMemberships?: number;
  /**
   * Metadata saved on the organization, that is visible to both your frontend and backend. Deprecated: As of API
   * version 2026-05-12, this field is rejected on `PATCH /v1/organizations/{organization_id}`. Use `PATCH
   * /v1/organizations/{organization_id}/metadata` to merge updates into existing metadata, or `PUT
   * /v1/organizations/{organization_id}/metadata` to replace a metadata field entirely.
   */
  publicMetadata?: Metadata;
  /**
   * Metadata saved on the organization that is only visible to your backend. Deprecated: As of API version
   * 2026-05-12, this field is rejected on `PATCH /v1/organizations/{organization_id}`. Use `PATCH
   * /v1/organizations/{organization_id}/metadata` to merge updates into existing metadata, or `PUT
   * /v1/organizations/{organization_id}/metadata` to replace a metadata field entirely.
   */
  privateMetadata?: Metadata;
};

export type GetOrganizationParams =
  | {
      /** The ID of the organization to retrieve. */
      organizationId: string;
    }
  | {
      /** The slug of the organization to retrieve (sent in place of the ID). */
      slug: string;
    };

type Paginated = {
  /**
   * Applies a limit to the number of results returned. Can be used for paginating the results together with `offset`.
   */
  limit?: number;
  /**
   * Skip the first `offset` results when paginating. Needs to be an integer greater or equal to zero. To be used in
   * conjunction with `limit`.
   */
  offset?: number;
};

/** `organizations`: the 0.x methods (memberships and invitations included), then the rest of the group. */
/** `updateOrganization`'s params for a client pinned to `V`: without the fields that version no longer accepts. */
export type UpdateOrganizationParamsFor<V> = WithoutKeys<
  UpdateOrganizationParams,
  RemovedIn<UpdateOrganizationBodyByVersion, V>
>;

export class OrganizationAPI<V = undefined> extends OrganizationsEndpoints {
  /** Get a list of organizations for an instance (GET /organizations). */
  getOrganizationList(params: OrganizationListParams = {}, options?: CallOptions) {
    return this.request(
      defineOperation<Organization[]>('GET /organizations query', Organization),
      [],
      withoutFalsy(params),
      options,
    );
  }

  /** Create an organization (POST /organizations). */
  createOrganization(params: CreateOrganizationParams, options?: CallOptions) {
    return this.request(
      defineOperation<Organization>('POST /organizations json', Organization),
      [],
      params,
      options,
    );
  }

  /** Retrieve an organization by ID or slug (GET /organizations/{organization_id}). */
  getOrganization(params: GetOrganizationParams, options?: CallOptions) {
    const idOrSlug = 'organizationId' in params ? params.organizationId : params.slug;
    return this.request(
      defineOperation<Organization>('GET /organizations/{organization_id} query', Organization),
      [idOrSlug],
      undefined,
      options,
    );
  }

  /** From 2026-05-12 on the metadata fields are not accepted here: use `updateOrganizationMetadata`. */
  updateOrganization(organizationId: string, params: UpdateOrganizationParamsFor<V>, options?: CallOptions) {
    return this.request(
      defineOperation<Organization>('PATCH /organizations/{organization_id} json', Organization),
      [organizationId],
      params,
      options,
    );
  }

  /** Upload a logo for the organization (PUT /organizations/{organization_id}/logo). */
  updateOrganizationLogo(
    organizationId: string,
    params: {
      /** The image file, sent as the multipart `file` field. */
      file: Blob | File;
      /** The ID of the user that will be credited with the image upload. */
      uploaderUserId?: string;
    },
    options?: CallOptions,
  ) {
    const form = { file: params.file, uploaderUserId: params.uploaderUserId };
    return this.request(
      defineOperation<Organization>('PUT /organizations/{organization_id}/logo multipart', Organization),
      [organizationId],
      form,
      options,
    );
  }

  /** Delete the organization's logo (DELETE /organizations/{organization_id}/logo). */
  deleteOrganizationLogo(organizationId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Organization>('DELETE /organizations/{organization_id}/logo', Organization),
      [organizationId],
      undefined,
      options,
    );
  }

  /** Merge and update metadata for an organization (PATCH /organizations/{organization_id}/metadata). */
  updateOrganizationMetadata(
    organizationId: string,
    params: {
      /**
       * Metadata saved on the organization, that is visible to both your frontend and backend. The new object will be
       * merged with the existing value.
       */
      publicMetadata?: Metadata;
      /**
       * Metadata saved on the organization that is only visible to your backend. The new object will be merged with
       * the existing value.
       */
      privateMetadata?: Metadata;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<Organization>('PATCH /organizations/{organization_id}/metadata json', Organization),
      [organizationId],
      params,
      options,
    );
  }

  /** Delete an organization (DELETE /organizations/{organization_id}). */
  deleteOrganization(organizationId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /organizations/{organization_id}', DeletedObject),
      [organizationId],
      undefined,
      options,
    );
  }

  /** Get a list of all members of an organization (GET /organizations/{organization_id}/memberships). */
  getOrganizationMembershipList(
    params: {
      /** The organization ID. */
      organizationId: string;
    } & Paginated,
    options?: CallOptions,
  ) {
    const { organizationId, limit, offset } = params;
    return this.request(
      defineOperation<OrganizationMembership[]>(
        'GET /organizations/{organization_id}/memberships query',
        OrganizationMembership,
      ),
      [organizationId],
      withoutFalsy({ limit, offset }),
      options,
    );
  }

  /** Create a new organization membership (POST /organizations/{organization_id}/memberships). */
  createOrganizationMembership(
    params: {
      /** The ID of the organization where the new membership will be created */
      organizationId: string;
      /**
       * The ID of the user that will be added as a member in the organization. The user needs to exist in the same
       * instance as the organization and must not be a member of the given organization already.
       */
      userId: string;
      /** The role that the new member will have in the organization. */
      role: OrganizationMembershipRole;
    },
    options?: CallOptions,
  ) {
    const { organizationId, userId, role } = params;
    return this.request(
      defineOperation<OrganizationMembership>(
        'POST /organizations/{organization_id}/memberships json',
        OrganizationMembership,
      ),
      [organizationId],
      { userId, role },
      options,
    );
  }

  /** Update an organization membership (PATCH /organizations/{organization_id}/memberships/{user_id}). */
  updateOrganizationMembership(
    params: {
      /** The ID of the organization to which this membership belongs */
      organizationId: string;
      /** The ID of the user to which this membership belongs */
      userId: string;
      /** The new role of the given membership. */
      role: OrganizationMembershipRole;
    },
    options?: CallOptions,
  ) {
    const { organizationId, userId, role } = params;
    return this.request(
      defineOperation<OrganizationMembership>(
        'PATCH /organizations/{organization_id}/memberships/{user_id} json',
        OrganizationMembership,
      ),
      [organizationId, userId],
      { role },
      options,
    );
  }

  /**
   * Merge and update organization membership metadata (PATCH
   * /organizations/{organization_id}/memberships/{user_id}/metadata).
   */
  updateOrganizationMembershipMetadata(
    params: {
      /** The ID of the organization to which this membership belongs */
      organizationId: string;
      /** The ID of the user to which this membership belongs */
      userId: string;
      /**
       * Metadata saved on the organization membership, that is visible to both your frontend and backend. The new
       * object will be merged with the existing value.
       */
      publicMetadata?: Metadata;
      /**
       * Metadata saved on the organization membership that is only visible to your backend. The new object will be
       * merged with the existing value.
       */
      privateMetadata?: Metadata;
    },
    options?: CallOptions,
  ) {
    const { organizationId, userId, publicMetadata, privateMetadata } = params;
    const body = { publicMetadata, privateMetadata };
    return this.request(
      defineOperation<OrganizationMembership>(
        'PATCH /organizations/{organization_id}/memberships/{user_id}/metadata json',
        OrganizationMembership,
      ),
      [organizationId, userId],
      body,
      options,
    );
  }

  /** Remove a member from an organization (DELETE /organizations/{organization_id}/memberships/{user_id}). */
  deleteOrganizationMembership(
    params: {
      /** The ID of the organization to which this membership belongs */
      organizationId: string;
      /** The ID of the user to which this membership belongs */
      userId: string;
    },
    options?: CallOptions,
  ) {
    const { organizationId, userId } = params;
    return this.request(
      defineOperation<OrganizationMembership>(
        'DELETE /organizations/{organization_id}/memberships/{user_id}',
        OrganizationMembership,
      ),
      [organizationId, userId],
      undefined,
      options,
    );
  }

  /** Get a list of organization invitations (GET /organizations/{organization_id}/invitations). */
  getOrganizationInvitationList(
    params: {
      /** The organization ID. */
      organizationId: string;
      /** Filter organization invitations based on their status */
      status?: OrganizationInvitationStatus[];
    } & Paginated,
    options?: CallOptions,
  ) {
    const { organizationId, status, limit, offset } = params;
    const query = withoutFalsy({ status, limit, offset });
    return this.request(
      defineOperation<OrganizationInvitation[]>(
        'GET /organizations/{organization_id}/invitations query',
        OrganizationInvitation,
      ),
      [organizationId],
      query,
      options,
    );
  }

  /** @deprecated Use `getOrganizationInvitationList` with `status: ['pending']`. */
  getPendingOrganizationInvitationList(
    params: {
      /** The organization ID. */
      organizationId: string;
    } & Paginated,
    options?: CallOptions,
  ) {
    deprecated(
      'getPendingOrganizationInvitationList',
      'Use `getOrganizationInvitationList` with `status: ["pending"]` instead.',
    );
    const { organizationId, limit, offset } = params;
    const query = withoutFalsy({ limit, offset });
    return this.request(
      defineOperation<OrganizationInvitation[]>(
        'GET /organizations/{organization_id}/invitations/pending query',
        OrganizationInvitation,
      ),
      [organizationId],
      query,
      options,
    );
  }

  /** Create and send an organization invitation (POST /organizations/{organization_id}/invitations). */
  createOrganizationInvitation(
    params: {
      /** The ID of the organization for which to send the invitation */
      organizationId: string;
      /**
       * The ID of the user that invites the new member to the organization. Must be an administrator in the
       * organization.
       */
      inviterUserId: string;
      /** The email address of the new member that is going to be invited to the organization */
      emailAddress: string;
      /** The role of the new member in the organization */
      role: OrganizationMembershipRole;
      /**
       * Optional URL that the invitee will be redirected to once they accept the invitation by clicking the join link
       * in the invitation email.
       */
      redirectUrl?: string;
      /**
       * Metadata saved on the organization invitation, read-only from the Frontend API and fully accessible
       * (read/write) from the Backend API. When the organization invitation is accepted, the metadata will be
       * transferred to the newly created organization membership.
       */
      publicMetadata?: Metadata;
    },
    options?: CallOptions,
  ) {
    const { organizationId, ...body } = params;
    return this.request(
      defineOperation<OrganizationInvitation>(
        'POST /organizations/{organization_id}/invitations json',
        OrganizationInvitation,
      ),
      [organizationId],
      body,
      options,
    );
  }

  /** Retrieve an organization invitation by ID (GET /organizations/{organization_id}/invitations/{invitation_id}). */
  getOrganizationInvitation(
    params: {
      /** The organization ID. */
      organizationId: string;
      /** The organization invitation ID. */
      invitationId: string;
    },
    options?: CallOptions,
  ) {
    const { organizationId, invitationId } = params;
    return this.request(
      defineOperation<OrganizationInvitation>(
        'GET /organizations/{organization_id}/invitations/{invitation_id}',
        OrganizationInvitation,
      ),
      [organizationId, invitationId],
      undefined,
      options,
    );
  }

  /**
   * Revoke a pending organization invitation (POST
   * /organizations/{organization_id}/invitations/{invitation_id}/revoke).
   */
  revokeOrganizationInvitation(
    params: {
      /** The organization ID. */
      organizationId: string;
      /** The organization invitation ID. */
      invitationId: string;
      /** The ID of the user that revokes the invitation. Must be an administrator in the organization. */
      requestingUserId: string;
    },
    options?: CallOptions,
  ) {
    const { organizationId, invitationId, requestingUserId } = params;
    const path = [organizationId, invitationId];
    return this.request(
      defineOperation<OrganizationInvitation>(
        'POST /organizations/{organization_id}/invitations/{invitation_id}/revoke json',
        OrganizationInvitation,
      ),
      path,
      { requestingUserId },
      options,
    );
  }
}
