// `organizationSyncOptions` (current-clerk.md 3.6 rule 4, 3.7 rule 16): path patterns with `:id`/`:slug`
// parameters and `(regex)` groups, matched against the whole path (a trailing `/` is allowed).
import type { OrganizationSyncOptions } from './options';

/** What a matching path asks to activate. */
export type OrganizationSyncTarget =
  | { type: 'organization'; organizationId?: string; organizationSlug?: string }
  | { type: 'personalAccount' };

type PathMatcher = (path: string) => Record<string, string> | null;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}|[\]\\/]/g, '\\$&');

function compilePattern(pattern: string): RegExp {
  let source = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === ':') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(pattern.slice(index + 1))?.[0];
      if (!name) throw new TypeError(`Missing parameter name at ${index + 1}`);
      source += `(?<${name}>[^/]+?)`;
      index += name.length + 1;
    } else if (char === '(') {
      let depth = 1;
      let end = index + 1;
      for (; end < pattern.length && depth > 0; end++) {
        if (pattern[end] === '\\') end++;
        else if (pattern[end] === '(') depth++;
        else if (pattern[end] === ')') depth--;
      }
      if (depth > 0) throw new TypeError(`Unbalanced pattern at ${index}`);
      const group = pattern.slice(index + 1, end - 1);
      if (!group) throw new TypeError(`Missing pattern at ${index}`);
      if (group.startsWith('?')) throw new TypeError(`Pattern cannot start with "?" at ${index + 1}`);
      source += `(?:${group})`;
      index = end;
    } else {
      source += escapeRegExp(char);
      index++;
    }
  }
  return new RegExp(`^${source}(?:/)?$`, 'i');
}

function createMatcher(patterns: string[] | undefined): PathMatcher | null {
  if (!patterns || patterns.length === 0) return null;
  const compiled = patterns.map(pattern => {
    try {
      return compilePattern(pattern);
    } catch (error) {
      throw new Error(`Invalid pattern "${pattern}": ${error}`);
    }
  });
  return path => {
    for (const regex of compiled) {
      const match = regex.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(match.groups ?? {})) {
        try {
          params[name] = decodeURIComponent(value);
        } catch {
          params[name] = value;
        }
      }
      return params;
    }
    return null;
  };
}

/** Compiled `organizationSyncOptions`; an invalid pattern throws `Invalid pattern "<p>": <error>`. */
export interface OrganizationMatcher {
  /** Whether any pattern is configured. */
  active: boolean;
  findTarget(url: URL): OrganizationSyncTarget | null;
}

export function createOrganizationMatcher(options: OrganizationSyncOptions | undefined): OrganizationMatcher {
  const organization = createMatcher(options?.organizationPatterns);
  const personalAccount = createMatcher(options?.personalAccountPatterns);
  return {
    active: !!(organization || personalAccount),
    findTarget(url) {
      const params = organization?.(url.pathname);
      if (params?.id) return { type: 'organization', organizationId: params.id };
      if (params?.slug) return { type: 'organization', organizationSlug: params.slug };
      return personalAccount?.(url.pathname) ? { type: 'personalAccount' } : null;
    },
  };
}

/** The `organization_id` parameter of the handshake redirect: the id, or the slug under that name, or `''`. */
export function organizationSyncParam(target: OrganizationSyncTarget): string {
  if (target.type === 'personalAccount') return '';
  return target.organizationSlug || target.organizationId || '';
}

/** Whether the session's active organization differs from what the path asks for. */
export function mustActivate(
  target: OrganizationSyncTarget,
  auth: { orgId?: string | null; orgSlug?: string | null },
) {
  if (target.type === 'personalAccount') return !!auth.orgId;
  return (
    (!!target.organizationSlug && target.organizationSlug !== auth.orgSlug) ||
    (!!target.organizationId && target.organizationId !== auth.orgId)
  );
}
