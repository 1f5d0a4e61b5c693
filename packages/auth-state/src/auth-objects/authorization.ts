import { parseScopedClaim } from './session-claims';
import type { CheckAuthorizationParams, ReverificationConfig, ReverificationLevel } from './types';

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

type Outcome = 'pass' | 'fail' | 'skip';

const REVERIFICATION_PRESETS: Record<string, { level: ReverificationLevel; afterMinutes: number }> = {
  strict_mfa: { level: 'multi_factor', afterMinutes: 10 },
  strict: { level: 'second_factor', afterMinutes: 10 },
  moderate: { level: 'second_factor', afterMinutes: 60 },
  lax: { level: 'second_factor', afterMinutes: 1440 },
};
const LEVELS = new Set<unknown>(['first_factor', 'second_factor', 'multi_factor']);

/** Any leading run of `org:` becomes exactly one: `admin`, `org:admin` and `org:org:admin` are equal. */
const withOrgPrefix = (key: string): string => `org:${key.replace(/^(?:org:)*/, '')}`;

/** True when the params ask anything beyond a role or permission (the checks 0.x never had). */
export const asksBeyondOrganization = (params: CheckAuthorizationParams | undefined): boolean =>
  params?.feature !== undefined || params?.plan !== undefined || params?.reverification !== undefined;

function organizationOutcome(subject: AuthorizationSubject, role: unknown, permission: unknown): Outcome {
  if (role === undefined && permission === undefined) return 'skip';
  if (
    (role !== undefined && typeof role !== 'string') ||
    (permission !== undefined && typeof permission !== 'string')
  )
    return 'fail';
  if (!subject.orgId) return 'fail';
  if (typeof role === 'string') {
    const { orgRole } = subject;
    if (typeof orgRole !== 'string' || !orgRole || withOrgPrefix(orgRole) !== withOrgPrefix(role))
      return 'fail';
  }
  if (typeof permission === 'string') {
    const { orgPermissions } = subject;
    if (!Array.isArray(orgPermissions) || !orgPermissions.includes(withOrgPrefix(permission))) return 'fail';
  }
  return 'pass';
}

/** Whether a scoped claim (`fea` or `pla`) grants the asked value: `x`, `o:x`/`org:x`/`organization:x`, `u:x`/`user:x`. */
function scopedClaimGrants(claim: unknown, asked: string): boolean {
  if (!claim) return false;
  const list = parseScopedClaim(claim);
  if (!list) return false;
  const [first, second] = asked.split(':');
  if (second === undefined) return list.org.includes(first!) || list.user.includes(first!);
  if (first === 'o' || first === 'org' || first === 'organization') return list.org.includes(second);
  if (first === 'u' || first === 'user') return list.user.includes(second);
  return false;
}

function billingOutcome(subject: AuthorizationSubject, feature: unknown, plan: unknown): Outcome {
  if (feature === undefined && plan === undefined) return 'skip';
  if (feature !== undefined && (typeof feature !== 'string' || !scopedClaimGrants(subject.features, feature)))
    return 'fail';
  if (plan !== undefined && (typeof plan !== 'string' || !scopedClaimGrants(subject.plans, plan)))
    return 'fail';
  return 'pass';
}

const isFactorAge = (age: unknown): age is number =>
  typeof age === 'number' && Number.isFinite(age) && (age === -1 || age >= 0);

function reverificationConfig(asked: unknown): { level: ReverificationLevel; afterMinutes: number } | null {
  if (typeof asked === 'string')
    return Object.hasOwn(REVERIFICATION_PRESETS, asked) ? REVERIFICATION_PRESETS[asked]! : null;
  if (typeof asked !== 'object' || asked === null) return null;
  const { level, afterMinutes } = asked as Partial<Exclude<ReverificationConfig, string>>;
  if (!LEVELS.has(level) || typeof afterMinutes !== 'number' || !(afterMinutes > 0)) return null;
  return { level: level!, afterMinutes };
}

function reverificationOutcome(subject: AuthorizationSubject, asked: unknown): Outcome {
  if (asked === undefined) return 'skip';
  const ages = subject.factorVerificationAge;
  if (!Array.isArray(ages) || ages.length !== 2 || !ages.every(isFactorAge)) return 'fail';
  const config = reverificationConfig(asked);
  if (!config) return 'fail';
  const [firstAge, secondAge] = ages as [number, number];
  if (firstAge === -1 && secondAge === -1) return 'fail';
  const fresh = (age: number) => age !== -1 && config.afterMinutes > age;
  let ok: boolean;
  if (secondAge === -1) ok = fresh(firstAge);
  else if (config.level === 'first_factor') ok = fresh(firstAge);
  else if (config.level === 'second_factor') ok = fresh(secondAge);
  else ok = fresh(firstAge) && fresh(secondAge);
  return ok ? 'pass' : 'fail';
}

/**
 * `has()` of today's Clerk (3.2.14 and later): every asked condition (role, permission, feature, plan,
 * reverification) must hold and at least one must be asked. Malformed data or parameters fail closed; it never
 * throws.
 */
export function checkAuthorization(subject: AuthorizationSubject, params: unknown): boolean {
  if (!subject.userId) return false;
  const asked = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const outcomes = [
    organizationOutcome(subject, asked.role, asked.permission),
    billingOutcome(subject, asked.feature, asked.plan),
    reverificationOutcome(subject, asked.reverification),
  ];
  return outcomes.includes('pass') && !outcomes.includes('fail');
}
