import { duplicateRecord, identifierTaken, notFound, paramInvalid } from '../api/api-error';
import {
  acceptOnly,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  orderBy,
  requiredString,
} from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import type { InvitationRecord, InvitationStatus } from '../state';
import { invitationEmailJson } from '../webhooks/invitation-email';
import { revokePending } from './lookup';
import { listResponse } from './sessions';

const day = 24 * 60 * 60 * 1000;
const statuses: InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

const invitationJson = (ctx: InstanceContext, invitation: InvitationRecord): Record<string, unknown> => ({
  object: 'invitation',
  id: invitation.id,
  email_address: invitation.emailAddress,
  public_metadata: invitation.publicMetadata,
  revoked: invitation.status === 'revoked',
  status: invitation.status,
  url: `https://${ctx.frontendApi}/v1/tickets/accept?ticket=${invitation.id}`,
  expires_at: invitation.expiresAt,
  created_at: invitation.createdAt,
  updated_at: invitation.updatedAt,
});

function assertInvitable(ctx: InstanceContext, emailAddress: string, ignoreExisting: boolean): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress))
    throw paramInvalid('email_address', 'must be a valid email address');
  const wanted = emailAddress.toLowerCase();
  for (const record of ctx.state.identifications.values())
    if (record.kind === 'email_address' && record.value.toLowerCase() === wanted)
      throw identifierTaken('email_address', 'That email address is taken. Please try another.');
  if (ignoreExisting) return;
  for (const invitation of ctx.state.invitations.values())
    if (invitation.status === 'pending' && invitation.emailAddress.toLowerCase() === wanted)
      throw duplicateRecord(
        'email_address',
        `There are already pending invitations for the following email addresses: ${emailAddress}`,
      );
}

export function registerInvitationRoutes(router: Router): void {
  router
    .add('GET', '/v1/invitations', ({ query, ctx }) => {
      const status = query.get('status');
      if (status !== null && !statuses.includes(status as InvitationStatus))
        throw paramInvalid('status', `must be one of ${statuses.join(', ')}`);
      const text = query.get('query')?.toLowerCase();
      const invitations = [...ctx.state.invitations.values()].filter(
        invitation =>
          (!status || invitation.status === status) &&
          (!text || invitation.emailAddress.toLowerCase().includes(text)),
      );
      return listResponse(
        orderBy(invitations, query).map(invitation => invitationJson(ctx, invitation)),
        query,
      );
    })
    .add('POST', '/v1/invitations', ({ body, ctx }) => {
      acceptOnly(body, [
        'email_address',
        'public_metadata',
        'redirect_url',
        'notify',
        'ignore_existing',
        'expires_in_days',
        'template_slug',
      ]);
      const emailAddress = requiredString(body, 'email_address');
      assertInvitable(ctx, emailAddress, optionalBoolean(body, 'ignore_existing') ?? false);
      const now = Date.now();
      const invitation: InvitationRecord = {
        id: newId('inv'),
        emailAddress,
        publicMetadata: optionalObject(body, 'public_metadata') ?? {},
        status: 'pending',
        expiresAt: now + (optionalInteger(body, 'expires_in_days', 1, 365) ?? 30) * day,
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.invitations.set(invitation.id, invitation);
      ctx.webhooks.emit('email.created', invitationEmailJson(emailAddress, "You're invited"));
      return invitationJson(ctx, invitation);
    })
    .add('POST', '/v1/invitations/:invitation_id/revoke', ({ params, ctx }) => {
      const invitation = ctx.state.invitations.get(params.invitation_id!);
      if (!invitation) throw notFound('invitation');
      revokePending(invitation, 'invitation_not_pending');
      return invitationJson(ctx, invitation);
    });
}
