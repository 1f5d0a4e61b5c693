import { ApiError, identifierTaken, notFound, paramInvalid, paramMissing } from '../api/api-error';
import {
  acceptOnly,
  type Body,
  booleanQuery,
  optionalInteger,
  optionalObject,
  optionalString,
  orderBy,
  paginate,
  requiredString,
} from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import type {
  InvitationStatus,
  MembershipRecord,
  OrganizationInvitationRecord,
  OrganizationRecord,
} from '../state';
import { invitationEmailJson } from '../webhooks/invitation-email';
import { identificationsOf } from './identifications';
import {
  imageUrlFor,
  mergeMetadata,
  requireOrganization,
  requireUser,
  revokePending,
  storeUploadedImage,
} from './lookup';

/** The role `created_by` gets in a new organization (0.x's naming). */
export const creatorRole = 'admin';
const defaultMaxAllowedMemberships = 5;
const invitationLifetimeDays = 30;
const day = 24 * 60 * 60 * 1000;

export interface CreateOrganizationInput {
  /** The organization's name. */
  name: string;
  /** A unique slug (default: from the name). */
  slug?: string;
  /** The user id that becomes its first `admin`. */
  createdBy?: string;
  /** Member limit (default 0, no limit). */
  maxAllowedMemberships?: number;
  /** Public metadata. */
  publicMetadata?: Record<string, unknown>;
  /** Private metadata. */
  privateMetadata?: Record<string, unknown>;
}

const slugify = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'organization';

function assertSlugAvailable(ctx: InstanceContext, slug: string, exceptId?: string): void {
  if (!/^[a-z0-9-]+$/.test(slug))
    throw paramInvalid('slug', 'can contain only lowercase alphanumeric characters and "-"');
  for (const organization of ctx.state.organizations.values())
    if (organization.slug === slug && organization.id !== exceptId)
      throw identifierTaken('slug', 'That slug is already taken. Please try another.');
}

const membersOf = (ctx: InstanceContext, organizationId: string): MembershipRecord[] =>
  [...ctx.state.memberships.values()].filter(membership => membership.organizationId === organizationId);

export function createOrganization(ctx: InstanceContext, input: CreateOrganizationInput): OrganizationRecord {
  if (!input.name.trim()) throw paramMissing('name');
  const slug = input.slug ?? uniqueSlug(ctx, slugify(input.name));
  assertSlugAvailable(ctx, slug);
  if (input.createdBy !== undefined) requireUser(ctx, input.createdBy);
  const now = Date.now();
  const organization: OrganizationRecord = {
    id: newId('org'),
    name: input.name,
    slug,
    createdBy: input.createdBy ?? null,
    maxAllowedMemberships: input.maxAllowedMemberships ?? defaultMaxAllowedMemberships,
    publicMetadata: input.publicMetadata ?? {},
    privateMetadata: input.privateMetadata ?? {},
    imageUrl: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.organizations.set(organization.id, organization);
  ctx.webhooks.emit('organization.created', organizationJson(ctx, organization));
  if (input.createdBy !== undefined)
    createMembership(ctx, { organizationId: organization.id, userId: input.createdBy, role: creatorRole });
  return organization;
}

function uniqueSlug(ctx: InstanceContext, base: string): string {
  const taken = new Set([...ctx.state.organizations.values()].map(organization => organization.slug));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

export interface CreateMembershipInput {
  /** The organization to join. */
  organizationId: string;
  /** The user who joins. */
  userId: string;
  /** The role, e.g. `admin` or `basic_member` (its permissions come from `rolePermissions`). */
  role: string;
}

export function createMembership(ctx: InstanceContext, input: CreateMembershipInput): MembershipRecord {
  const organization = requireOrganization(ctx, input.organizationId);
  requireUser(ctx, input.userId);
  const members = membersOf(ctx, organization.id);
  if (members.some(membership => membership.userId === input.userId))
    throw new ApiError(422, [
      {
        code: 'already_a_member_in_organization',
        message: 'already a member',
        long_message: 'The user is already a member of this organization.',
        meta: { param_name: 'user_id' },
      },
    ]);
  if (organization.maxAllowedMemberships > 0 && members.length >= organization.maxAllowedMemberships)
    throw new ApiError(403, [
      {
        code: 'organization_membership_quota_exceeded',
        message: 'membership quota exceeded',
        long_message: `The organization has reached its limit of ${organization.maxAllowedMemberships} members.`,
      },
    ]);
  const now = Date.now();
  const membership: MembershipRecord = {
    id: newId('orgmem'),
    organizationId: organization.id,
    userId: input.userId,
    role: input.role,
    publicMetadata: {},
    privateMetadata: {},
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.memberships.set(membership.id, membership);
  ctx.webhooks.emit('organizationMembership.created', membershipJson(ctx, membership));
  return membership;
}

export function organizationJson(
  ctx: InstanceContext,
  organization: OrganizationRecord,
  includeMembersCount = false,
): Record<string, unknown> {
  const pending = [...ctx.state.organizationInvitations.values()].filter(
    invitation => invitation.organizationId === organization.id && invitation.status === 'pending',
  );
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: imageUrlFor(ctx, organization.id),
    has_image: organization.imageUrl !== null,
    ...(includeMembersCount ? { members_count: membersOf(ctx, organization.id).length } : {}),
    pending_invitations_count: pending.length,
    max_allowed_memberships: organization.maxAllowedMemberships,
    admin_delete_enabled: true,
    public_metadata: organization.publicMetadata,
    private_metadata: organization.privateMetadata,
    ...(organization.createdBy ? { created_by: organization.createdBy } : {}),
    created_at: organization.createdAt,
    updated_at: organization.updatedAt,
  };
}

function publicUserData(ctx: InstanceContext, userId: string): Record<string, unknown> {
  const user = ctx.state.users.get(userId);
  const email = user
    ? identificationsOf(ctx, user.id, 'email_address').find(
        record => record.id === user.primaryEmailAddressId,
      )
    : undefined;
  const imageUrl = imageUrlFor(ctx, userId);
  return {
    user_id: userId,
    first_name: user?.firstName ?? null,
    last_name: user?.lastName ?? null,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user?.imageUrl != null,
    identifier: email?.value ?? user?.username ?? '',
    username: user?.username ?? null,
  };
}

const roleName = (role: string): string =>
  role
    .replace(/^org:/, '')
    .split('_')
    .map(word => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

export function membershipJson(ctx: InstanceContext, membership: MembershipRecord): Record<string, unknown> {
  const organization = ctx.state.organizations.get(membership.organizationId);
  return {
    object: 'organization_membership',
    id: membership.id,
    role: membership.role,
    role_name: roleName(membership.role),
    permissions: ctx.rolePermissions[membership.role] ?? [],
    public_metadata: membership.publicMetadata,
    private_metadata: membership.privateMetadata,
    organization: organization ? organizationJson(ctx, organization) : {},
    public_user_data: publicUserData(ctx, membership.userId),
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}

function invitationJson(
  ctx: InstanceContext,
  invitation: OrganizationInvitationRecord,
): Record<string, unknown> {
  const inviter = invitation.inviterUserId ? publicUserData(ctx, invitation.inviterUserId) : null;
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.emailAddress,
    role: invitation.role,
    role_name: roleName(invitation.role),
    organization_id: invitation.organizationId,
    inviter_id: invitation.inviterUserId,
    public_inviter_data: inviter && {
      user_id: inviter.user_id,
      first_name: inviter.first_name,
      last_name: inviter.last_name,
      image_url: inviter.image_url,
      has_image: inviter.has_image,
      identifier: inviter.identifier,
    },
    status: invitation.status,
    public_metadata: invitation.publicMetadata,
    private_metadata: invitation.privateMetadata,
    url: null,
    expires_at: invitation.expiresAt,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

function organizationUpdated(
  ctx: InstanceContext,
  organization: OrganizationRecord,
): Record<string, unknown> {
  const json = organizationJson(ctx, organization);
  ctx.webhooks.emit('organization.updated', json);
  return json;
}

function membershipEvent(
  ctx: InstanceContext,
  type: string,
  membership: MembershipRecord,
): Record<string, unknown> {
  const json = membershipJson(ctx, membership);
  ctx.webhooks.emit(type, json);
  return json;
}

const envelope = <T>(page: { data: T[]; totalCount: number }) => ({
  data: page.data,
  total_count: page.totalCount,
});

function requireMembership(ctx: InstanceContext, organizationId: string, userId: string): MembershipRecord {
  const organization = requireOrganization(ctx, organizationId);
  const membership = membersOf(ctx, organization.id).find(candidate => candidate.userId === userId);
  if (!membership) throw notFound('organization membership');
  return membership;
}

function requireInvitation(ctx: InstanceContext, organizationId: string, invitationId: string) {
  const organization = requireOrganization(ctx, organizationId);
  const invitation = ctx.state.organizationInvitations.get(invitationId);
  if (!invitation || invitation.organizationId !== organization.id) throw notFound('organization invitation');
  return invitation;
}

const invitationStatuses: InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

function listInvitations(
  ctx: InstanceContext,
  organizationId: string,
  statuses: string[],
  query: URLSearchParams,
) {
  for (const status of statuses)
    if (!invitationStatuses.includes(status as InvitationStatus))
      throw paramInvalid('status', `must be one of ${invitationStatuses.join(', ')}`);
  const organization = requireOrganization(ctx, organizationId);
  const invitations = [...ctx.state.organizationInvitations.values()].filter(
    invitation =>
      invitation.organizationId === organization.id &&
      (statuses.length === 0 || statuses.includes(invitation.status)),
  );
  const page = paginate(orderBy(invitations, query), query);
  return envelope({
    data: page.data.map(invitation => invitationJson(ctx, invitation)),
    totalCount: page.totalCount,
  });
}

function updateOrganization(ctx: InstanceContext, organization: OrganizationRecord, body: Body): void {
  acceptOnly(body, [
    'name',
    'slug',
    'max_allowed_memberships',
    'public_metadata',
    'private_metadata',
    'admin_delete_enabled',
  ]);
  const slug = optionalString(body, 'slug');
  if (slug !== undefined) assertSlugAvailable(ctx, slug, organization.id);
  organization.name = optionalString(body, 'name') ?? organization.name;
  organization.slug = slug ?? organization.slug;
  organization.maxAllowedMemberships =
    optionalInteger(body, 'max_allowed_memberships', 0, 100_000) ?? organization.maxAllowedMemberships;
  organization.publicMetadata = optionalObject(body, 'public_metadata') ?? organization.publicMetadata;
  organization.privateMetadata = optionalObject(body, 'private_metadata') ?? organization.privateMetadata;
  organization.updatedAt = Date.now();
}

/** Removes the organization with its memberships and invitations. */
function deleteOrganization(ctx: InstanceContext, organization: OrganizationRecord): void {
  for (const membership of membersOf(ctx, organization.id)) ctx.state.memberships.delete(membership.id);
  for (const invitation of [...ctx.state.organizationInvitations.values()])
    if (invitation.organizationId === organization.id)
      ctx.state.organizationInvitations.delete(invitation.id);
  ctx.state.images.delete(organization.id);
  ctx.state.organizations.delete(organization.id);
}

export function registerOrganizationRoutes(router: Router): void {
  router
    .add('GET', '/v1/organizations', ({ query, ctx }) => {
      const includeMembersCount = booleanQuery(query, 'include_members_count');
      const text = query.get('query')?.toLowerCase();
      const userIds = query.getAll('user_id');
      const organizations = [...ctx.state.organizations.values()].filter(
        organization =>
          (!text ||
            [organization.id, organization.name, organization.slug].some(value =>
              value.toLowerCase().includes(text),
            )) &&
          (userIds.length === 0 ||
            membersOf(ctx, organization.id).some(membership => userIds.includes(membership.userId))),
      );
      const page = paginate(orderBy(organizations, query), query);
      return envelope({
        data: page.data.map(organization => organizationJson(ctx, organization, includeMembersCount)),
        totalCount: page.totalCount,
      });
    })
    .add('POST', '/v1/organizations', ({ body, ctx }) => {
      acceptOnly(body, [
        'name',
        'slug',
        'created_by',
        'max_allowed_memberships',
        'public_metadata',
        'private_metadata',
      ]);
      const organization = createOrganization(ctx, {
        name: requiredString(body, 'name'),
        slug: optionalString(body, 'slug'),
        createdBy: optionalString(body, 'created_by'),
        maxAllowedMemberships: optionalInteger(body, 'max_allowed_memberships', 0, 100_000),
        publicMetadata: optionalObject(body, 'public_metadata'),
        privateMetadata: optionalObject(body, 'private_metadata'),
      });
      return organizationJson(ctx, organization);
    })
    .add('GET', '/v1/organizations/:organization_id', ({ params, query, ctx }) =>
      organizationJson(
        ctx,
        requireOrganization(ctx, params.organization_id!),
        booleanQuery(query, 'include_members_count'),
      ),
    )
    .add('PATCH', '/v1/organizations/:organization_id', ({ params, body, ctx }) => {
      const organization = requireOrganization(ctx, params.organization_id!);
      updateOrganization(ctx, organization, body);
      return organizationUpdated(ctx, organization);
    })
    .add('DELETE', '/v1/organizations/:organization_id', ({ params, ctx }) => {
      const organization = requireOrganization(ctx, params.organization_id!);
      deleteOrganization(ctx, organization);
      const deleted = { object: 'organization', id: organization.id, slug: organization.slug, deleted: true };
      ctx.webhooks.emit('organization.deleted', deleted);
      return deleted;
    })
    .add('PATCH', '/v1/organizations/:organization_id/metadata', ({ params, body, ctx }) => {
      acceptOnly(body, ['public_metadata', 'private_metadata']);
      const organization = requireOrganization(ctx, params.organization_id!);
      organization.publicMetadata = mergeMetadata(
        organization.publicMetadata,
        optionalObject(body, 'public_metadata') ?? {},
      );
      organization.privateMetadata = mergeMetadata(
        organization.privateMetadata,
        optionalObject(body, 'private_metadata') ?? {},
      );
      organization.updatedAt = Date.now();
      return organizationUpdated(ctx, organization);
    })
    .add('PUT', '/v1/organizations/:organization_id/logo', async ({ params, form, ctx }) => {
      const organization = requireOrganization(ctx, params.organization_id!);
      organization.imageUrl = await storeUploadedImage(ctx, organization.id, form);
      organization.updatedAt = Date.now();
      return organizationUpdated(ctx, organization);
    })
    .add('DELETE', '/v1/organizations/:organization_id/logo', ({ params, ctx }) => {
      const organization = requireOrganization(ctx, params.organization_id!);
      ctx.state.images.delete(organization.id);
      organization.imageUrl = null;
      organization.updatedAt = Date.now();
      return organizationUpdated(ctx, organization);
    })
    .add('GET', '/v1/organizations/:organization_id/memberships', ({ params, query, ctx }) => {
      const organization = requireOrganization(ctx, params.organization_id!);
      const userIds = query.getAll('user_id');
      const roles = query.getAll('role');
      const members = membersOf(ctx, organization.id).filter(
        membership =>
          (userIds.length === 0 || userIds.includes(membership.userId)) &&
          (roles.length === 0 || roles.includes(membership.role)),
      );
      const page = paginate(orderBy(members, query), query);
      return envelope({
        data: page.data.map(member => membershipJson(ctx, member)),
        totalCount: page.totalCount,
      });
    })
    .add('POST', '/v1/organizations/:organization_id/memberships', ({ params, body, ctx }) => {
      acceptOnly(body, ['user_id', 'role']);
      const membership = createMembership(ctx, {
        organizationId: params.organization_id!,
        userId: requiredString(body, 'user_id'),
        role: requiredString(body, 'role'),
      });
      return membershipJson(ctx, membership);
    })
    .add('PATCH', '/v1/organizations/:organization_id/memberships/:user_id', ({ params, body, ctx }) => {
      acceptOnly(body, ['role']);
      const membership = requireMembership(ctx, params.organization_id!, params.user_id!);
      membership.role = requiredString(body, 'role');
      membership.updatedAt = Date.now();
      return membershipEvent(ctx, 'organizationMembership.updated', membership);
    })
    .add(
      'PATCH',
      '/v1/organizations/:organization_id/memberships/:user_id/metadata',
      ({ params, body, ctx }) => {
        acceptOnly(body, ['public_metadata', 'private_metadata']);
        const membership = requireMembership(ctx, params.organization_id!, params.user_id!);
        membership.publicMetadata = mergeMetadata(
          membership.publicMetadata,
          optionalObject(body, 'public_metadata') ?? {},
        );
        membership.privateMetadata = mergeMetadata(
          membership.privateMetadata,
          optionalObject(body, 'private_metadata') ?? {},
        );
        membership.updatedAt = Date.now();
        return membershipEvent(ctx, 'organizationMembership.updated', membership);
      },
    )
    .add('DELETE', '/v1/organizations/:organization_id/memberships/:user_id', ({ params, ctx }) => {
      const membership = requireMembership(ctx, params.organization_id!, params.user_id!);
      ctx.state.memberships.delete(membership.id);
      return membershipEvent(ctx, 'organizationMembership.deleted', membership);
    })
    .add('GET', '/v1/organizations/:organization_id/invitations/pending', ({ params, query, ctx }) =>
      listInvitations(ctx, params.organization_id!, ['pending'], query),
    )
    .add('GET', '/v1/organizations/:organization_id/invitations', ({ params, query, ctx }) =>
      listInvitations(ctx, params.organization_id!, query.getAll('status'), query),
    )
    .add('POST', '/v1/organizations/:organization_id/invitations', ({ params, body, ctx }) => {
      acceptOnly(body, [
        'email_address',
        'role',
        'inviter_user_id',
        'redirect_url',
        'public_metadata',
        'private_metadata',
        'expires_in_days',
        'notify',
      ]);
      const organization = requireOrganization(ctx, params.organization_id!);
      const emailAddress = requiredString(body, 'email_address');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress))
        throw paramInvalid('email_address', 'must be a valid email address');
      const inviterUserId = optionalString(body, 'inviter_user_id');
      if (inviterUserId !== undefined) requireMembership(ctx, organization.id, inviterUserId);
      const now = Date.now();
      const invitation: OrganizationInvitationRecord = {
        id: newId('orginv'),
        organizationId: organization.id,
        emailAddress,
        role: requiredString(body, 'role'),
        inviterUserId: inviterUserId ?? null,
        status: 'pending',
        publicMetadata: optionalObject(body, 'public_metadata') ?? {},
        privateMetadata: optionalObject(body, 'private_metadata') ?? {},
        expiresAt: now + (optionalInteger(body, 'expires_in_days', 1, 365) ?? invitationLifetimeDays) * day,
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.organizationInvitations.set(invitation.id, invitation);
      const json = invitationJson(ctx, invitation);
      ctx.webhooks.emit('organizationInvitation.created', json);
      ctx.webhooks.emit(
        'email.created',
        invitationEmailJson(emailAddress, `Invitation to join ${organization.name}`),
      );
      return json;
    })
    .add('GET', '/v1/organizations/:organization_id/invitations/:invitation_id', ({ params, ctx }) =>
      invitationJson(ctx, requireInvitation(ctx, params.organization_id!, params.invitation_id!)),
    )
    .add(
      'POST',
      '/v1/organizations/:organization_id/invitations/:invitation_id/revoke',
      ({ params, body, ctx }) => {
        acceptOnly(body, ['requesting_user_id']);
        const invitation = requireInvitation(ctx, params.organization_id!, params.invitation_id!);
        revokePending(invitation, 'organization_invitation_not_pending');
        const json = invitationJson(ctx, invitation);
        ctx.webhooks.emit('organizationInvitation.revoked', json);
        return json;
      },
    )
    .add('GET', '/v1/users/:user_id/organization_memberships', ({ params, query, ctx }) => {
      const user = requireUser(ctx, params.user_id!);
      const memberships = [...ctx.state.memberships.values()].filter(
        membership => membership.userId === user.id,
      );
      const page = paginate(orderBy(memberships, query), query);
      return envelope({
        data: page.data.map(member => membershipJson(ctx, member)),
        totalCount: page.totalCount,
      });
    });
}
