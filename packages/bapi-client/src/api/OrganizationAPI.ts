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
  limit?: number;
  offset?: number;
  includeMembersCount?: boolean;
  query?: string;
  [passThrough: string]: unknown;
};

export type CreateOrganizationParams = {
  name: string;
  slug?: string;
  createdBy: string;
  maxAllowedMemberships?: number;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
};

export type UpdateOrganizationParams = {
  name?: string;
  slug?: string;
  maxAllowedMemberships?: number;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
};

export type GetOrganizationParams = { organizationId: string } | { slug: string };

type Paginated = { limit?: number; offset?: number };

/** `organizations`: the 0.x methods (memberships and invitations included), then the rest of the group. */
/** `updateOrganization`'s params for a client pinned to `V`: without the fields that version no longer accepts. */
export type UpdateOrganizationParamsFor<V> = WithoutKeys<
  UpdateOrganizationParams,
  RemovedIn<UpdateOrganizationBodyByVersion, V>
>;

export class OrganizationAPI<V = undefined> extends OrganizationsEndpoints {
  getOrganizationList(params: OrganizationListParams = {}, options?: CallOptions) {
    return this.request(
      defineOperation<Organization[]>('GET /organizations query', Organization),
      [],
      withoutFalsy(params),
      options,
    );
  }

  createOrganization(params: CreateOrganizationParams, options?: CallOptions) {
    return this.request(
      defineOperation<Organization>('POST /organizations json', Organization),
      [],
      params,
      options,
    );
  }

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

  updateOrganizationLogo(
    organizationId: string,
    params: { file: Blob | File; uploaderUserId?: string },
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

  deleteOrganizationLogo(organizationId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Organization>('DELETE /organizations/{organization_id}/logo', Organization),
      [organizationId],
      undefined,
      options,
    );
  }

  updateOrganizationMetadata(
    organizationId: string,
    params: { publicMetadata?: Metadata; privateMetadata?: Metadata },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<Organization>('PATCH /organizations/{organization_id}/metadata json', Organization),
      [organizationId],
      params,
      options,
    );
  }

  deleteOrganization(organizationId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /organizations/{organization_id}', DeletedObject),
      [organizationId],
      undefined,
      options,
    );
  }

  getOrganizationMembershipList(params: { organizationId: string } & Paginated, options?: CallOptions) {
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

  createOrganizationMembership(
    params: { organizationId: string; userId: string; role: OrganizationMembershipRole },
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

  updateOrganizationMembership(
    params: { organizationId: string; userId: string; role: OrganizationMembershipRole },
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

  updateOrganizationMembershipMetadata(
    params: { organizationId: string; userId: string; publicMetadata?: Metadata; privateMetadata?: Metadata },
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

  deleteOrganizationMembership(params: { organizationId: string; userId: string }, options?: CallOptions) {
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

  getOrganizationInvitationList(
    params: { organizationId: string; status?: OrganizationInvitationStatus[] } & Paginated,
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
    params: { organizationId: string } & Paginated,
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

  createOrganizationInvitation(
    params: {
      organizationId: string;
      inviterUserId: string;
      emailAddress: string;
      role: OrganizationMembershipRole;
      redirectUrl?: string;
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

  getOrganizationInvitation(params: { organizationId: string; invitationId: string }, options?: CallOptions) {
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

  revokeOrganizationInvitation(
    params: { organizationId: string; invitationId: string; requestingUserId: string },
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
