import type { InstanceContext } from '../api/router';
import { randomBase62 } from '../lib/ids';
import type { JwtTemplate, SessionRecord } from '../state';

/** Options for a session token (the `__session` cookie or Bearer value). */
export interface SessionTokenOptions {
  /** Extra claims, merged last: they may override the standard ones (to mint a foreign issuer, say). */
  claims?: Record<string, unknown>;
  /** Lifetime in seconds; default the instance's (60 s, like real session tokens). */
  lifetimeSeconds?: number;
  /** `iat` in epoch seconds; default now. A past value with a short lifetime makes an expired token. */
  issuedAt?: number;
  /** Active organization; default the session's last active organization. `null` for none. */
  organizationId?: string | null;
  /** `azp` claim; default the instance's `authorizedParty`. `null` leaves it out. */
  authorizedParty?: string | null;
}

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/** `org_id`, `org_role`, `org_slug` and `org_permissions` of the user's membership, or `{}`. */
function organizationClaims(
  ctx: InstanceContext,
  userId: string,
  organizationId: string | null,
  strict: boolean,
): Record<string, unknown> {
  if (!organizationId) return {};
  const organization = ctx.state.organizations.get(organizationId);
  const membership = [...ctx.state.memberships.values()].find(
    candidate => candidate.userId === userId && candidate.organizationId === organizationId,
  );
  if (!organization || !membership) {
    if (strict) throw new Error(`User ${userId} is not a member of organization ${organizationId}.`);
    return {};
  }
  return {
    org_id: organization.id,
    org_role: membership.role,
    org_slug: organization.slug,
    org_permissions: ctx.rolePermissions[membership.role] ?? [],
  };
}

/** Signs a session token with the claims of section 14 of the reference (sub, sid, iss, azp, exp, iat, nbf, org_*). */
export function mintSessionToken(
  ctx: InstanceContext,
  session: SessionRecord,
  options: SessionTokenOptions = {},
): string {
  const iat = options.issuedAt ?? nowInSeconds();
  const lifetime = options.lifetimeSeconds ?? ctx.sessionTokenLifetimeSeconds;
  const explicitOrganization = options.organizationId !== undefined;
  const organizationId = explicitOrganization ? options.organizationId! : session.lastActiveOrganizationId;
  const azp = options.authorizedParty === undefined ? ctx.authorizedParty : options.authorizedParty;
  return ctx.keys.sign({
    ...(azp ? { azp } : {}),
    exp: iat + lifetime,
    iat,
    iss: ctx.issuer,
    nbf: iat - 10,
    sid: session.id,
    sub: session.userId,
    ...organizationClaims(ctx, session.userId, organizationId, explicitOrganization),
    ...options.claims,
  });
}

const shortcode = /^\{\{\s*(user|org|session)\.([a-z_]+)\s*\}\}$/;

/** Replaces `{{user.x}}`-style strings, at any depth, with values from the data; unknown ones become null. */
function resolveShortcodes(value: unknown, data: Record<string, Record<string, unknown> | null>): unknown {
  if (typeof value === 'string') {
    const match = shortcode.exec(value);
    return match ? (data[match[1]!]?.[match[2]!] ?? null) : value;
  }
  if (Array.isArray(value)) return value.map(item => resolveShortcodes(item, data));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveShortcodes(item, data)]),
    );
  return value;
}

/** A token from a JWT template, as `POST /v1/sessions/{id}/tokens/{template}` returns. */
export function mintTemplateToken(
  ctx: InstanceContext,
  session: SessionRecord,
  template: JwtTemplate,
  data: Record<string, Record<string, unknown> | null>,
): string {
  const iat = nowInSeconds();
  return ctx.keys.sign({
    ...(ctx.authorizedParty ? { azp: ctx.authorizedParty } : {}),
    exp: iat + (template.lifetimeSeconds ?? 60),
    iat,
    iss: ctx.issuer,
    jti: randomBase62(20),
    nbf: iat - 10,
    sid: session.id,
    sub: session.userId,
    ...(resolveShortcodes(template.claims, data) as Record<string, unknown>),
  });
}
