import { parseScopedClaim } from './session-claims';
import type { CheckAuthorizationParams, ReverificationLevel } from './types';

/** What `has()` decides on: the auth object's ids and organisation fields, and the raw billing claims. */
export interface AuthorizationSubject {
  /** The auth object's `userId`; falsy answers every check with false. */
  userId: unknown;
  /** The active organisation's id. */
  orgId: unknown;
  /** The role in the active organisation. */
  orgRole: unknown;
  /** The permissions in the active organisation. */
  orgPermissions: unknown;
  /** The raw `fea` claim. */
  features: unknown;
  /** The raw `pla` claim. */
  plans: unknown;
  /** The `fva` claim: `[firstFactorAgeMinutes, secondFactorAgeMinutes]`. */
  factorVerificationAge: unknown;
}

// Each dimension gives 0 (nothing asked), PASS or FAIL; OR-ed together, exactly PASS means at least one asked
// dimension passed and none failed.
const PASS = 1;
const FAIL = 2;

const PRESETS: Record<string, [ReverificationLevel, number]> = {
  strict_mfa: ['multi_factor', 10],
  strict: ['second_factor', 10],
  moderate: ['second_factor', 60],
  lax: ['second_factor', 1440],
};
const LEVELS: unknown[] = ['first_factor', 'second_factor', 'multi_factor'];

/** Any leading run of `org:` becomes exactly one: `admin`, `org:admin` and `org:org:admin` are equal. */
const withOrgPrefix = (key: string): string => `org:${key.replace(/^(?:org:)*/, '')}`;

/** True when the params ask anything beyond a role or permission (the checks 0.x never had). */
export const asksBeyondOrganization = (params: CheckAuthorizationParams | undefined): boolean =>
  params?.feature !== undefined || params?.plan !== undefined || params?.reverification !== undefined;

function organizationOutcome(
  { orgId, orgRole, orgPermissions }: AuthorizationSubject,
  role: unknown,
  permission: unknown,
) {
  if (role === undefined && permission === undefined) return 0;
  const roleHolds =
    role === undefined ||
    (typeof role === 'string' &&
      typeof orgRole === 'string' &&
      !!orgRole &&
      withOrgPrefix(orgRole) === withOrgPrefix(role));
  const permissionHolds =
    permission === undefined ||
    (typeof permission === 'string' &&
      Array.isArray(orgPermissions) &&
      orgPermissions.includes(withOrgPrefix(permission)));
  return orgId && roleHolds && permissionHolds ? PASS : FAIL;
}

/** Whether a scoped claim (`fea` or `pla`) grants the asked value: `x`, `o:x`/`org:x`/`organization:x`, `u:x`/`user:x`. */
function scopedClaimGrants(claim: unknown, asked: unknown): boolean {
  if (asked === undefined) return true;
  const list = claim && typeof asked === 'string' ? parseScopedClaim(claim) : null;
  if (!list) return false;
  const [first, second] = (asked as string).split(':') as [string, string | undefined];
  // An empty second piece counts as none: `o:` asks for an entry named `o`.
  if (!second) return list.org.includes(first) || list.user.includes(first);
  if (first === 'o' || first === 'org' || first === 'organization') return list.org.includes(second);
  return (first === 'u' || first === 'user') && list.user.includes(second);
}

const isFactorAge = (age: unknown): boolean =>
  typeof age === 'number' && Number.isFinite(age) && (age === -1 || age >= 0);

function reverificationOutcome({ factorVerificationAge: ages }: AuthorizationSubject, asked: unknown) {
  if (asked === undefined) return 0;
  const [level, afterMinutes] =
    typeof asked === 'string'
      ? (Object.hasOwn(PRESETS, asked) && PRESETS[asked]) || []
      : asked && typeof asked === 'object'
        ? [(asked as { level?: unknown }).level, (asked as { afterMinutes?: unknown }).afterMinutes]
        : [];
  if (!Array.isArray(ages) || ages.length !== 2 || !ages.every(isFactorAge)) return FAIL;
  if (!LEVELS.includes(level) || typeof afterMinutes !== 'number' || !(afterMinutes > 0)) return FAIL;
  const [firstAge, secondAge] = ages as [number, number];
  const fresh = (age: number) => age !== -1 && afterMinutes > age;
  // Without a second factor (-1) the first decides, whatever the level; both -1 is never fresh.
  const holds =
    secondAge === -1 || level === 'first_factor'
      ? fresh(firstAge)
      : level === 'second_factor'
        ? fresh(secondAge)
        : fresh(firstAge) && fresh(secondAge);
  return holds ? PASS : FAIL;
}

/**
 * `has()` of today's Clerk (3.2.14 and later): every asked condition (role, permission, feature, plan,
 * reverification) must hold and at least one must be asked. Malformed data or parameters fail closed; it never
 * throws.
 */
export function checkAuthorization(subject: AuthorizationSubject, params: unknown): boolean {
  const { role, permission, feature, plan, reverification } = (
    params && typeof params === 'object' ? params : {}
  ) as Record<string, unknown>;
  const billing =
    feature === undefined && plan === undefined
      ? 0
      : scopedClaimGrants(subject.features, feature) && scopedClaimGrants(subject.plans, plan)
        ? PASS
        : FAIL;
  const outcome =
    organizationOutcome(subject, role, permission) | billing | reverificationOutcome(subject, reverification);
  return !!subject.userId && outcome === PASS;
}
