import { newId } from '../lib/ids';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`);

/** The `email.created` payload of the invitation email a real instance would send (the local one sends none). */
export const invitationEmailJson = (toEmailAddress: string, subject: string): Record<string, unknown> => ({
  object: 'email',
  id: newId('ema'),
  slug: 'invitation',
  from_email_name: 'invitations',
  email_address_id: null,
  to_email_address: toEmailAddress,
  subject,
  body: `<p>${escapeHtml(subject)}</p>`,
  body_plain: subject,
  status: 'queued',
  data: null,
  delivered_by_clerk: false,
});
