import { OrganizationsEndpoints } from '../generated/endpoints/organizations';
import {
  CreateOrganization,
  CreateOrganizationInvitation,
  CreateOrganizationMembership,
  DeleteOrganization,
  DeleteOrganizationLogo,
  DeleteOrganizationMembership,
  GetOrganization,
  GetOrganizationInvitation,
  ListOrganizationInvitations,
  ListOrganizationMemberships,
  ListOrganizations,
  ListPendingOrganizationInvitations,
  MergeOrganizationMetadata,
  RevokeOrganizationInvitation,
  UpdateOrganization,
  UpdateOrganizationMembership,
  UpdateOrganizationMembershipMetadata,
  UploadOrganizationLogo,
} from '../generated/operations';
import type { CallOptions } from '../request/types';
import { deprecationWarning } from '../resources/deprecationWarning';
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
export class OrganizationAPI extends OrganizationsEndpoints {
  getOrganizationList(params: OrganizationListParams = {}, options?: CallOptions) {
    return this.request(ListOrganizations, [], withoutFalsy(params), options);
  }

  createOrganization(params: CreateOrganizationParams, options?: CallOptions) {
    return this.request(CreateOrganization, [], params, options);
  }

  getOrganization(params: GetOrganizationParams, options?: CallOptions) {
    const idOrSlug = 'organizationId' in params ? params.organizationId : params.slug;
    return this.request(GetOrganization, [idOrSlug], undefined, options);
  }

  updateOrganization(organizationId: string, params: UpdateOrganizationParams, options?: CallOptions) {
    return this.request(UpdateOrganization, [organizationId], params, options);
  }

  updateOrganizationLogo(
    organizationId: string,
    params: { file: Blob | File; uploaderUserId?: string },
    options?: CallOptions,
  ) {
    const form = { file: params.file, uploaderUserId: params.uploaderUserId };
    return this.request(UploadOrganizationLogo, [organizationId], form, options);
  }

  deleteOrganizationLogo(organizationId: string, options?: CallOptions) {
    return this.request(DeleteOrganizationLogo, [organizationId], undefined, options);
  }

  updateOrganizationMetadata(
    organizationId: string,
    params: { publicMetadata?: Metadata; privateMetadata?: Metadata },
    options?: CallOptions,
  ) {
    return this.request(MergeOrganizationMetadata, [organizationId], params, options);
  }

  deleteOrganization(organizationId: string, options?: CallOptions) {
    return this.request(DeleteOrganization, [organizationId], undefined, options);
  }

  getOrganizationMembershipList(params: { organizationId: string } & Paginated, options?: CallOptions) {
    const { organizationId, limit, offset } = params;
    return this.request(
      ListOrganizationMemberships,
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
    return this.request(CreateOrganizationMembership, [organizationId], { userId, role }, options);
  }

  updateOrganizationMembership(
    params: { organizationId: string; userId: string; role: OrganizationMembershipRole },
    options?: CallOptions,
  ) {
    const { organizationId, userId, role } = params;
    return this.request(UpdateOrganizationMembership, [organizationId, userId], { role }, options);
  }

  updateOrganizationMembershipMetadata(
    params: { organizationId: string; userId: string; publicMetadata?: Metadata; privateMetadata?: Metadata },
    options?: CallOptions,
  ) {
    const { organizationId, userId, publicMetadata, privateMetadata } = params;
    const body = { publicMetadata, privateMetadata };
    return this.request(UpdateOrganizationMembershipMetadata, [organizationId, userId], body, options);
  }

  deleteOrganizationMembership(params: { organizationId: string; userId: string }, options?: CallOptions) {
    const { organizationId, userId } = params;
    return this.request(DeleteOrganizationMembership, [organizationId, userId], undefined, options);
  }

  getOrganizationInvitationList(
    params: { organizationId: string; status?: OrganizationInvitationStatus[] } & Paginated,
    options?: CallOptions,
  ) {
    const { organizationId, status, limit, offset } = params;
    const query = withoutFalsy({ status, limit, offset });
    return this.request(ListOrganizationInvitations, [organizationId], query, options);
  }

  /** @deprecated Use `getOrganizationInvitationList` with `status: ['pending']`. */
  getPendingOrganizationInvitationList(
    params: { organizationId: string } & Paginated,
    options?: CallOptions,
  ) {
    deprecationWarning(
      'getPendingOrganizationInvitationList',
      'Use `getOrganizationInvitationList` with `status: ["pending"]` instead.',
    );
    const { organizationId, limit, offset } = params;
    const query = withoutFalsy({ limit, offset });
    return this.request(ListPendingOrganizationInvitations, [organizationId], query, options);
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
    return this.request(CreateOrganizationInvitation, [organizationId], body, options);
  }

  getOrganizationInvitation(params: { organizationId: string; invitationId: string }, options?: CallOptions) {
    const { organizationId, invitationId } = params;
    return this.request(GetOrganizationInvitation, [organizationId, invitationId], undefined, options);
  }

  revokeOrganizationInvitation(
    params: { organizationId: string; invitationId: string; requestingUserId: string },
    options?: CallOptions,
  ) {
    const { organizationId, invitationId, requestingUserId } = params;
    const path = [organizationId, invitationId];
    return this.request(RevokeOrganizationInvitation, path, { requestingUserId }, options);
  }
}
