import type { InstanceContext } from '../api/router';
import { randomBase62 } from '../lib/ids';
import type {
  JwtTemplate,
  MembershipRecord,
  OrganizationRecord,
  SessionRecord,
  SessionTokenVersion,
} from '../state';

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
  /** Token format; default the instance's `sessionTokenVersion` (2). Use 1 for the flat claims 0.x reads. */
  version?: SessionTokenVersion;
  /**
   * The `fva` claim, `[firstFactorAgeMinutes, secondFactorAgeMinutes]` (`-1`: not enabled or never verified).
   * Default for v2 tokens: the minutes since the sign-in, and `-1`; v1 tokens carry it only when given.
   */
  factorVerificationAge?: [number, number];
  /** The `sts` claim (`active`, or `pending` for a session with a task left); absent by default. */
  sessionStatus?: 'active' | 'pending';
}

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

interface ActiveMembership {
  /** The active organization. */
  organization: OrganizationRecord;
  /** The user's membership in it (its role). */
  membership: MembershipRecord;
}

/** The user's membership in the organization, or null; `strict` throws when there is none. */
function activeMembership(
  ctx: InstanceContext,
  userId: string,
  organizationId: string | null,
  strict: boolean,
): ActiveMembership | null {
  if (!organizationId) return null;
  const organization = ctx.state.organizations.get(organizationId);
  const membership = [...ctx.state.memberships.values()].find(
    candidate => candidate.userId === userId && candidate.organizationId === organizationId,
  );
  if (!organization || !membership) {
    if (strict) throw new Error(`User ${userId} is not a member of organization ${organizationId}.`);
    return null;
  }
  return { organization, membership };
}

/** v1: `org_id`, `org_role`, `org_slug` and `org_permissions` of the membership, or `{}`. */
function flatOrganizationClaims(
  ctx: InstanceContext,
  active: ActiveMembership | null,
): Record<string, unknown> {
  if (!active) return {};
  return {
    org_id: active.organization.id,
    org_role: active.membership.role,
    org_slug: active.organization.slug,
    org_permissions: ctx.rolePermissions[active.membership.role] ?? [],
  };
}

/**
 * v2: the compact `o` claim. `per` lists the permission names of the role within the organization's features,
 * `fpm` holds one decimal bitmask per feature (bit i set: name i granted), as Clerk encodes them.
 */
function compactOrganizationClaim(
  ctx: InstanceContext,
  active: ActiveMembership,
  features: string[],
): Record<string, string> {
  const names: string[] = [];
  const granted = new Map<string, Set<string>>(features.map(feature => [feature, new Set<string>()]));
  for (const key of ctx.rolePermissions[active.membership.role] ?? []) {
    const [, feature, name] = /^org:([^:]+):([^:]+)$/.exec(key) ?? [];
    const grantedNames = feature === undefined ? undefined : granted.get(feature);
    if (!grantedNames || name === undefined) continue;
    grantedNames.add(name);
    if (!names.includes(name)) names.push(name);
  }
  const claim: Record<string, string> = {
    id: active.organization.id,
    rol: active.membership.role.replace(/^org:/, ''),
    slg: active.organization.slug,
  };
  if (names.length > 0) {
    claim.per = names.join(',');
    claim.fpm = features
      .map(feature =>
        names.reduce(
          (mask, name, bit) => (granted.get(feature)!.has(name) ? mask | (1n << BigInt(bit)) : mask),
          0n,
        ),
      )
      .join(',');
  }
  return claim;
}

/** v2: `fea`, `pla` and `o` from the subscriptions of the user and the active organization. */
function compactClaims(
  ctx: InstanceContext,
  userId: string,
  active: ActiveMembership | null,
): Record<string, unknown> {
  const user = ctx.state.subscriptions.get(userId) ?? {};
  const organization = active ? (ctx.state.subscriptions.get(active.organization.id) ?? {}) : {};
  const userFeatures = user.features ?? [];
  const organizationFeatures = active ? (organization.features ?? []) : [];
  const fea = [
    ...organizationFeatures.map(feature => `${userFeatures.includes(feature) ? 'uo' : 'o'}:${feature}`),
    ...userFeatures.filter(feature => !organizationFeatures.includes(feature)).map(feature => `u:${feature}`),
  ];
  const pla = [
    ...(user.plan ? [`u:${user.plan}`] : []),
    ...(organization.plan ? [`o:${organization.plan}`] : []),
  ];
  return {
    ...(fea.length > 0 ? { fea: fea.join(',') } : {}),
    ...(pla.length > 0 ? { pla: pla.join(',') } : {}),
    ...(active ? { o: compactOrganizationClaim(ctx, active, organizationFeatures) } : {}),
  };
}

/**
 * Signs a session token: sub, sid, iss, azp, exp, iat, nbf, and the active organization as v1 `org_*` claims
 * or as v2 `o` (with `v: 2`, `jti`, `fva`, `fea` and `pla`).
 */
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
  const active = activeMembership(ctx, session.userId, organizationId, explicitOrganization);
  const v2 = (options.version ?? ctx.sessionTokenVersion) === 2;
  const signedInMinutesAgo = Math.max(0, Math.floor((iat - Math.floor(session.createdAt / 1000)) / 60));
  const fva = options.factorVerificationAge ?? (v2 ? [signedInMinutesAgo, -1] : undefined);
  return ctx.keys.sign({
    ...(azp ? { azp } : {}),
    exp: iat + lifetime,
    ...(fva ? { fva } : {}),
    iat,
    iss: ctx.issuer,
    ...(v2 ? { jti: randomBase62(20) } : {}),
    nbf: iat - 10,
    sid: session.id,
    ...(options.sessionStatus ? { sts: options.sessionStatus } : {}),
    sub: session.userId,
    ...(v2 ? { v: 2, ...compactClaims(ctx, session.userId, active) } : flatOrganizationClaims(ctx, active)),
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
