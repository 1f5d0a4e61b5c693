import type { InstanceContext } from '../api/router';
import type { ClientRecord, SessionRecord } from '../state';
import { mintSessionToken } from '../tokens/session-token';

// Attributes are this instance's choice (the real ones are not documented): no `Secure`, so an app served over
// plain http on 127.0.0.1 keeps them; `__refresh_*` is HttpOnly because no script needs it.
const session = 'Path=/; SameSite=Lax';
const lasting = 'Path=/; SameSite=Lax; Max-Age=31536000';
const refresh = 'Path=/; HttpOnly; SameSite=Lax';
const removed = '; Max-Age=0';

/** `<name>=<value>` and `<name>_<suffix>=<value>`: both forms, so SDKs that read either find them. */
function bothForms(ctx: InstanceContext, name: string, value: string, attributes: string): string[] {
  const suffix = ctx.frontendApiState.cookieSuffix;
  return [`${name}=${value}; ${attributes}`, `${name}_${suffix}=${value}; ${attributes}`];
}

/** The client's active session (its last active one, if still active), else null. */
export function activeSessionOf(ctx: InstanceContext, client: ClientRecord): SessionRecord | null {
  const found = client.lastActiveSessionId ? ctx.state.sessions.get(client.lastActiveSessionId) : undefined;
  return found?.status === 'active' ? found : null;
}

/** A session token for the cookies; signed with the unpublished key while `wrongSigningKey` is on. */
export function cookieSessionToken(ctx: InstanceContext, record: SessionRecord): string {
  const fapi = ctx.frontendApiState;
  return mintSessionToken(
    fapi.faults.current.wrongSigningKey ? { ...ctx, keys: fapi.foreignKeys } : ctx,
    record,
  );
}

/** The `__session` pair carrying a fresh token (what a refresh returns); none while `noCookies` is on. */
export function sessionTokenDirectives(ctx: InstanceContext, record: SessionRecord): string[] {
  if (ctx.frontendApiState.faults.current.noCookies) return [];
  return bothForms(ctx, '__session', cookieSessionToken(ctx, record), session);
}

/**
 * The Set-Cookie directives that copy a client's state into the application's cookies: signed in, a fresh
 * `__session`, `__client_uat` = the client's last change (epoch seconds) and `__refresh_<suffix>`; signed out,
 * `__session` and `__refresh_<suffix>` removed and `__client_uat=0`. Development adds the dev browser
 * (`__clerk_db_jwt`). None at all while the `noCookies` fault is on.
 */
export function clientDirectives(
  ctx: InstanceContext,
  client: ClientRecord,
  devBrowser: string | null,
): string[] {
  const fapi = ctx.frontendApiState;
  if (fapi.faults.current.noCookies) return [];
  const active = activeSessionOf(ctx, client);
  const refreshName = `__refresh_${fapi.cookieSuffix}`;
  const directives = active
    ? [
        ...bothForms(ctx, '__session', cookieSessionToken(ctx, active), session),
        ...bothForms(ctx, '__client_uat', String(Math.floor(client.updatedAt / 1000)), lasting),
        `${refreshName}=${fapi.refreshTokenFor(active.id)}; ${refresh}`,
      ]
    : [
        ...bothForms(ctx, '__session', '', session + removed),
        ...bothForms(ctx, '__client_uat', '0', lasting),
        `${refreshName}=; ${refresh}${removed}`,
      ];
  if (devBrowser) directives.push(...bothForms(ctx, '__clerk_db_jwt', devBrowser, lasting));
  return directives;
}
