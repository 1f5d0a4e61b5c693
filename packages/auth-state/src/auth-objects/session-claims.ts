import type { JwtPayload } from '@clerk/jwt-core';

/** The organisation fields of an auth object, read from v1 (`org_*`) or v2 (`o`, `fea`) claims. */
export interface OrganizationFields {
  orgId: string | undefined;
  orgRole: string | undefined;
  orgSlug: string | undefined;
  orgPermissions: string[] | undefined;
}

/** The org-scoped and user-scoped entries of a `fea` or `pla` claim, each in claim order. */
export interface ScopedList {
  org: string[];
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

/** The permission bits of one `fpm` entry, least significant first; a non-decimal entry grants nothing. */
function grantedBits(mask: string): boolean[] {
  if (!DECIMAL.test(mask)) return [];
  // Exact conversion at any size: base 2 of the arbitrary-precision value.
  const binary = mask.length < 16 ? Number(mask).toString(2) : BigInt(mask).toString(2);
  const bits: boolean[] = [];
  for (let i = binary.length - 1; i >= 0; i--) bits.push(binary[i] === '1');
  return bits;
}

const splitTrimmed = (value: string): string[] => value.split(',').map(part => part.trim());

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
  for (let j = 0; j < featureCount; j++) {
    const bits = grantedBits(masks[j]!);
    const limit = Math.min(bits.length, names.length);
    for (let i = 0; i < limit; i++) if (bits[i]) permissions.push(`org:${features[j]}:${names[i]}`);
  }
  return permissions;
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
    orgPermissions: rebuildOrgPermissions(claims.fea, per, fpm),
  };
}
