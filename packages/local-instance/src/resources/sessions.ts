import { ApiError, badRequest, notFound, paramInvalid } from '../api/api-error';
import { acceptOnly, booleanQuery, orderBy, paginate, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import type { ClientRecord, SessionRecord, SessionStatus } from '../state';
import { mintSessionToken, mintTemplateToken } from '../tokens/session-token';
import { verifyInstanceToken } from '../tokens/verify-instance-token';
import { identificationsOf } from './identifications';
import { requireUser } from './lookup';
import { organizationJson } from './organizations';
import { userJson } from './users';

const day = 24 * 60 * 60 * 1000;
const statuses: SessionStatus[] = [
  'active',
  'revoked',
  'ended',
  'expired',
  'removed',
  'abandoned',
  'replaced',
];

export interface CreateSessionInput {
  userId: string;
  /** Reuse this client (a second session on one browser); default a new client. */
  clientId?: string;
  organizationId?: string | null;
}

/** A signed-in session on a client, as a sign-in through the frontend API would leave behind. */
export function createSession(ctx: InstanceContext, input: CreateSessionInput): SessionRecord {
  const user = requireUser(ctx, input.userId);
  const now = Date.now();
  let client: ClientRecord | undefined = input.clientId ? ctx.state.clients.get(input.clientId) : undefined;
  if (input.clientId && !client) throw notFound('client');
  if (!client) {
    client = {
      id: newId('client'),
      sessionIds: [],
      lastActiveSessionId: null,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.clients.set(client.id, client);
  }
  const session: SessionRecord = {
    id: newId('sess'),
    userId: user.id,
    clientId: client.id,
    status: 'active',
    lastActiveOrganizationId: input.organizationId ?? null,
    lastActiveAt: now,
    expireAt: now + 7 * day,
    abandonAt: now + 30 * day,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.sessions.set(session.id, session);
  client.sessionIds.push(session.id);
  client.lastActiveSessionId = session.id;
  client.updatedAt = now;
  user.lastSignInAt = now;
  user.lastActiveAt = now;
  ctx.webhooks.emit('session.created', sessionEventJson(ctx, session));
  return session;
}

export const sessionJson = (session: SessionRecord): Record<string, unknown> => ({
  object: 'session',
  id: session.id,
  user_id: session.userId,
  client_id: session.clientId,
  actor: null,
  status: session.status,
  last_active_organization_id: session.lastActiveOrganizationId,
  last_active_at: session.lastActiveAt,
  expire_at: session.expireAt,
  abandon_at: session.abandonAt,
  updated_at: session.updatedAt,
  created_at: session.createdAt,
});

/** `data` of `session.*` events: the session with its user. */
function sessionEventJson(ctx: InstanceContext, session: SessionRecord): Record<string, unknown> {
  const user = ctx.state.users.get(session.userId);
  return { ...sessionJson(session), user: user ? userJson(ctx, user) : null };
}

export function requireSession(ctx: InstanceContext, sessionId: string): SessionRecord {
  const session = ctx.state.sessions.get(sessionId);
  if (!session) throw notFound('session');
  return session;
}

function requireActiveSession(ctx: InstanceContext, sessionId: string): SessionRecord {
  const session = requireSession(ctx, sessionId);
  if (session.status !== 'active') throw notFound('active session');
  return session;
}

/** A bare array, or `{ data, total_count }` when the caller asks for `paginated=true`. */
export function listResponse<T>(items: T[], query: URLSearchParams): unknown {
  const page = paginate(items, query);
  return booleanQuery(query, 'paginated') ? { data: page.data, total_count: page.totalCount } : page.data;
}

/** What `{{user.x}}`, `{{org.x}}` and `{{session.x}}` in a JWT template can read. */
function templateData(
  ctx: InstanceContext,
  session: SessionRecord,
): Record<string, Record<string, unknown> | null> {
  const user = requireUser(ctx, session.userId);
  const primaryEmail = identificationsOf(ctx, user.id, 'email_address').find(
    record => record.id === user.primaryEmailAddressId,
  );
  const organization = session.lastActiveOrganizationId
    ? ctx.state.organizations.get(session.lastActiveOrganizationId)
    : undefined;
  return {
    user: { ...userJson(ctx, user), primary_email_address: primaryEmail?.value ?? null },
    org: organization ? organizationJson(ctx, organization) : null,
    session: sessionJson(session),
  };
}

export function registerSessionRoutes(router: Router): void {
  router
    .add('GET', '/v1/sessions', ({ query, ctx }) => {
      const status = query.get('status');
      if (status !== null && !statuses.includes(status as SessionStatus))
        throw paramInvalid('status', `must be one of ${statuses.join(', ')}`);
      const clientId = query.get('client_id');
      const userId = query.get('user_id');
      const sessions = [...ctx.state.sessions.values()].filter(
        session =>
          (!clientId || session.clientId === clientId) &&
          (!userId || session.userId === userId) &&
          (!status || session.status === status),
      );
      return listResponse(orderBy(sessions, query).map(sessionJson), query);
    })
    .add('GET', '/v1/sessions/:session_id', ({ params, ctx }) =>
      sessionJson(requireSession(ctx, params.session_id!)),
    )
    .add('POST', '/v1/sessions/:session_id/revoke', ({ params, ctx }) => {
      const session = requireSession(ctx, params.session_id!);
      if (session.status === 'active') {
        session.status = 'revoked';
        session.updatedAt = Date.now();
        ctx.webhooks.emit('session.revoked', sessionEventJson(ctx, session));
      }
      return sessionJson(session);
    })
    .add('POST', '/v1/sessions/:session_id/verify', async ({ params, body, ctx }) => {
      acceptOnly(body, ['token']);
      const session = requireActiveSession(ctx, params.session_id!);
      const payload = await verifyInstanceToken(ctx, requiredString(body, 'token'));
      if (!payload || payload.sid !== session.id)
        throw badRequest(
          'token_invalid',
          'The session token is invalid, expired or belongs to another session.',
        );
      return sessionJson(session);
    })
    .add('POST', '/v1/sessions/:session_id/tokens', ({ params, ctx }) => ({
      object: 'token',
      jwt: mintSessionToken(ctx, requireActiveSession(ctx, params.session_id!)),
    }))
    .add('POST', '/v1/sessions/:session_id/tokens/:template_name', ({ params, ctx }) => {
      const session = requireActiveSession(ctx, params.session_id!);
      const template = ctx.state.jwtTemplates.get(params.template_name!);
      if (!template)
        throw new ApiError(404, [
          {
            code: 'resource_not_found',
            message: 'not found',
            long_message: `No JWT template exists with name: ${params.template_name}`,
          },
        ]);
      return { object: 'token', jwt: mintTemplateToken(ctx, session, template, templateData(ctx, session)) };
    });
}
