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

const EMPTY_SCOPED_LIST: ScopedList = { org: [], user: [] };

/**
 * Parses a scoped claim such as `o:reports,u:export,uo:sso`. A falsy claim is two empty lists; a claim that is
 * not a string, or has a part without a colon, is malformed and gives `null` (callers fail closed on it).
 * Scopes other than `o`, `u`, `ou` and `uo` are ignored.
 */
export function parseScopedClaim(claim: unknown): ScopedList | null {
  if (!claim) return EMPTY_SCOPED_LIST;
  if (typeof claim !== 'string') return null;
  const list: ScopedList = { org: [], user: [] };
  for (const rawPart of claim.split(',')) {
    const part = rawPart.trim();
    const colon = part.indexOf(':');
    if (colon === -1) return null;
    const scope = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (scope === 'o' || scope === 'ou' || scope === 'uo') list.org.push(value);
    if (scope === 'u' || scope === 'ou' || scope === 'uo') list.user.push(value);
  }
  return list;
}

const DECIMAL = /^\d+$/;

const splitTrimmed = (value: string): string[] => value.split(',').map(part => part.trim());

/** Appends `prefix + names[i]` for every bit i set in the decimal mask, exactly at any size; a non-decimal mask grants nothing. */
function pushGranted(permissions: string[], prefix: string, mask: string, names: string[]): void {
  if (!DECIMAL.test(mask)) return;
  if (mask.length <= 9) {
    // Below 10^9 < 2^30: the 32-bit operators are exact.
    for (let bits = Number(mask), i = 0; bits !== 0 && i < names.length; bits >>>= 1, i++)
      if (bits & 1) permissions.push(prefix + names[i]);
    return;
  }
  for (let bits = BigInt(mask), i = 0; bits !== 0n && i < names.length; bits >>= 1n, i++)
    if (bits & 1n) permissions.push(prefix + names[i]);
}

/**
 * `orgPermissions` of a v2 token: for each org-scoped feature *j* of `fea` and each bit *i* set in the *j*-th
 * `fpm` mask, `org:<feature j>:<permission name i>` (names from `per`), by feature and then by ascending bit.
 * Missing masks grant nothing; surplus masks and bits beyond the last name are ignored. A malformed `fea`
 * grants nothing (fail closed).
 */
export function rebuildOrgPermissions(fea: unknown, per: unknown, fpm: unknown): string[] {
  if (typeof per !== 'string' || typeof fpm !== 'string' || !per || !fpm) return [];
  const features = parseScopedClaim(fea)?.org ?? [];
  const names = splitTrimmed(per);
  const masks = splitTrimmed(fpm);
  const permissions: string[] = [];
  const featureCount = Math.min(features.length, masks.length);
  for (let j = 0; j < featureCount; j++) pushGranted(permissions, `org:${features[j]}:`, masks[j]!, names);
  return permissions;
}

// Rebuilt permission lists by their inputs: every member of an organisation with one role shares them, so most
// requests skip the rebuild. Bounded; each caller gets its own copy, so a mutation never leaks to another.
const rebuilt = new Map<string, string[]>();
const REBUILT_LIMIT = 256;

function cachedOrgPermissions(fea: unknown, per: unknown, fpm: unknown): string[] {
  if (typeof per !== 'string' || typeof fpm !== 'string' || (fea && typeof fea !== 'string'))
    return rebuildOrgPermissions(fea, per, fpm);
  const features = (fea || '') as string;
  // Length prefixes keep the key unambiguous whatever characters the claims hold.
  const key = `${features.length}:${features}${per.length}:${per}${fpm}`;
  let permissions = rebuilt.get(key);
  if (!permissions) {
    permissions = rebuildOrgPermissions(features, per, fpm);
    if (rebuilt.size >= REBUILT_LIMIT) rebuilt.clear();
    rebuilt.set(key, permissions);
  }
  return permissions.slice();
}

const stringOrUndefined = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

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
  const organization = claims.o;
  if (!organization) {
    return { orgId: undefined, orgRole: undefined, orgSlug: undefined, orgPermissions: undefined };
  }
  const { id, rol, slg, per, fpm } = (typeof organization === 'object' ? organization : {}) as Record<
    string,
    unknown
  >;
  const role = stringOrUndefined(rol);
  return {
    orgId: stringOrUndefined(id),
    orgRole: role ? `org:${role}` : undefined,
    orgSlug: stringOrUndefined(slg),
    orgPermissions: cachedOrgPermissions(claims.fea, per, fpm),
  };
}
