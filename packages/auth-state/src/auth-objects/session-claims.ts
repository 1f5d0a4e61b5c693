import type { JwtPayload } from '@clerk/jwt-core';

/** The organisation fields of an auth object, read from v1 (`org_*`) or v2 (`o`, `fea`) claims. */
export interface OrganizationFields {
  /** `org_id`, or `o.id`. */
  orgId: string | undefined;
  /** `org_role`, or `org:` + `o.rol`. */
  orgRole: string | undefined;
  /** `org_slug`, or `o.slg`. */
  orgSlug: string | undefined;
  /** `org_permissions`, or the permissions rebuilt from `fea`, `o.per` and `o.fpm`. */
  orgPermissions: string[] | undefined;
}

/** The org-scoped and user-scoped entries of a `fea` or `pla` claim, each in claim order. */
export interface ScopedList {
  /** Entries of scope `o`, `ou` or `uo`. */
  org: string[];
  /** Entries of scope `u`, `ou` or `uo`. */
  user: string[];
}

const ORG_SCOPES = ['o', 'ou', 'uo'];
const USER_SCOPES = ['u', 'ou', 'uo'];

/**
 * Parses a scoped claim such as `o:reports,u:export,uo:sso`. A falsy claim is two empty lists; a claim that is
 * not a string, or has a part without a colon, is malformed and gives `null` (callers fail closed on it).
 * Scopes other than `o`, `u`, `ou` and `uo` are ignored.
 */
export function parseScopedClaim(claim: unknown): ScopedList | null {
  const list: ScopedList = { org: [], user: [] };
  if (!claim) return list;
  if (typeof claim !== 'string') return null;
  for (const part of claim.split(',')) {
    const entry = part.trim();
    const colon = entry.indexOf(':');
    if (colon < 0) return null;
    const scope = entry.slice(0, colon);
    const value = entry.slice(colon + 1);
    if (ORG_SCOPES.includes(scope)) list.org.push(value);
    if (USER_SCOPES.includes(scope)) list.user.push(value);
  }
  return list;
}

/**
 * `orgPermissions` of a v2 token: for each org-scoped feature *j* of `fea` and each bit *i* set in the *j*-th
 * `fpm` mask (decimal, read exactly at any size), `org:<feature j>:<permission name i>` (names from `per`), by
 * feature and then by ascending bit. A non-decimal or missing mask grants nothing; surplus masks and bits beyond
 * the last name are ignored; a malformed `fea` grants nothing (fail closed).
 */
export function rebuildOrgPermissions(fea: unknown, per: unknown, fpm: unknown): string[] {
  const permissions: string[] = [];
  if (typeof per !== 'string' || typeof fpm !== 'string' || !per || !fpm) return permissions;
  const features = parseScopedClaim(fea)?.org ?? [];
  const names = per.split(',').map(name => name.trim());
  fpm.split(',').forEach((part, j) => {
    const mask = part.trim();
    if (j >= features.length || !/^\d+$/.test(mask)) return;
    for (let bits = BigInt(mask), i = 0; bits && i < names.length; bits >>= 1n, i++)
      if (bits & 1n) permissions.push(`org:${features[j]}:${names[i]}`);
  });
  return permissions;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The members of a v2 token's `o` claim, or none when it is absent or not an object. */
const compactOrganization = (claims: JwtPayload): Record<string, unknown> =>
  (claims.o && typeof claims.o === 'object' ? claims.o : {}) as Record<string, unknown>;

/** The active organisation's id alone (`org_id`, or `o.id` of a v2 token), without rebuilding permissions. */
export const activeOrganizationId = (claims: JwtPayload): string | undefined =>
  claims.v === 2 ? text(compactOrganization(claims).id) : claims.org_id;

/**
 * The organisation fields of section 1.5: a token whose `v` is the number `2` maps its `o` claim (role prefixed
 * with `org:`, permissions rebuilt from `fea`, `per` and `fpm`); any other token takes the flat `org_*` claims
 * verbatim.
 */
export function organizationFields(claims: JwtPayload): OrganizationFields {
  if (claims.v !== 2) {
    return {
      orgId: claims.org_id,
      orgRole: claims.org_role,
      orgSlug: claims.org_slug,
      orgPermissions: claims.org_permissions,
    };
  }
  const { rol, slg, per, fpm } = compactOrganization(claims);
  return {
    orgId: activeOrganizationId(claims),
    orgRole: text(rol) ? `org:${rol}` : undefined,
    orgSlug: text(slg),
    orgPermissions: claims.o ? rebuildOrgPermissions(claims.fea, per, fpm) : undefined,
  };
}
