import { badRequest, notFound } from '../api/api-error';
import { acceptOnly, orderBy, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import type { ClientRecord } from '../state';
import { verifyInstanceToken } from '../tokens/verify-instance-token';
import { listResponse, sessionJson } from './sessions';

const clientTokenLifetimeSeconds = 7 * 24 * 60 * 60;

export function clientJson(ctx: InstanceContext, client: ClientRecord): Record<string, unknown> {
  const sessions = client.sessionIds.flatMap(id => {
    const session = ctx.state.sessions.get(id);
    return session ? [sessionJson(session)] : [];
  });
  return {
    object: 'client',
    id: client.id,
    session_ids: client.sessionIds,
    sessions,
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: null,
    updated_at: client.updatedAt,
    created_at: client.createdAt,
  };
}

/** The client token (the frontend API's `__client` cookie) that `POST /v1/clients/verify` accepts. */
export function mintClientToken(ctx: InstanceContext, client: ClientRecord): string {
  const iat = Math.floor(Date.now() / 1000);
  return ctx.keys.sign({
    exp: iat + clientTokenLifetimeSeconds,
    iat,
    iss: ctx.issuer,
    sub: client.id,
    id: client.id,
  });
}

export function registerClientRoutes(router: Router): void {
  router
    .add('GET', '/v1/clients', ({ query, ctx }) =>
      listResponse(
        orderBy([...ctx.state.clients.values()], query).map(client => clientJson(ctx, client)),
        query,
      ),
    )
    .add('POST', '/v1/clients/verify', async ({ body, ctx }) => {
      acceptOnly(body, ['token']);
      const payload = await verifyInstanceToken(ctx, requiredString(body, 'token'));
      const client = payload ? ctx.state.clients.get(payload.sub) : undefined;
      if (!client) throw badRequest('token_invalid', 'The client token is invalid or expired.');
      return clientJson(ctx, client);
    })
    .add('GET', '/v1/clients/:client_id', ({ params, ctx }) => {
      const client = ctx.state.clients.get(params.client_id!);
      if (!client) throw notFound('client');
      return clientJson(ctx, client);
    });
}
