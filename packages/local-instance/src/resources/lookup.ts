import { badRequest, notFound, paramMissing } from '../api/api-error';
import type { InstanceContext } from '../api/router';
import type { InvitationStatus, Metadata, OrganizationRecord, UserRecord } from '../state';

export function requireUser(ctx: InstanceContext, userId: string): UserRecord {
  const user = ctx.state.users.get(userId);
  if (!user) throw notFound('user');
  return user;
}

/** The same path serves organization ids and slugs. */
export function requireOrganization(ctx: InstanceContext, idOrSlug: string): OrganizationRecord {
  const byId = ctx.state.organizations.get(idOrSlug);
  if (byId) return byId;
  for (const organization of ctx.state.organizations.values())
    if (organization.slug === idOrSlug) return organization;
  throw notFound('organization');
}

/** The Backend API's metadata merge: nested objects merge, a `null` value removes its key. */
export function mergeMetadata(target: Metadata, patch: Metadata): Metadata {
  const merged: Metadata = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(current)) merged[key] = mergeMetadata(current, value);
    else merged[key] = value;
  }
  return merged;
}

const isPlainObject = (value: unknown): value is Metadata =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a stored (or placeholder) image of `ownerId` is served. */
export const imageUrlFor = (ctx: InstanceContext, ownerId: string): string =>
  `${ctx.apiUrl}/images/${ownerId}`;

/** Keeps the multipart `file` field as the image of `ownerId` and returns the URL it is served at. */
export async function storeUploadedImage(
  ctx: InstanceContext,
  ownerId: string,
  form: FormData | null,
): Promise<string> {
  const file = form?.get('file');
  if (!(file instanceof Blob)) throw paramMissing('file');
  ctx.state.images.set(ownerId, {
    contentType: file.type || 'application/octet-stream',
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return imageUrlFor(ctx, ownerId);
}

/** Moves a pending invitation to `revoked`; any other status is a 400 with `code`. */
export function revokePending(
  invitation: { status: InvitationStatus; updatedAt: number },
  code: string,
): void {
  if (invitation.status !== 'pending')
    throw badRequest(code, `Only pending invitations can be revoked; this one is ${invitation.status}.`);
  invitation.status = 'revoked';
  invitation.updatedAt = Date.now();
}
