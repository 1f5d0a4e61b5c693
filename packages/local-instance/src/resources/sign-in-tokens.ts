import { notFound } from '../api/api-error';
import { acceptOnly, optionalInteger, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId, randomBase62 } from '../lib/ids';
import type { SignInTokenRecord } from '../state';
import { requireUser } from './lookup';

const defaultLifetimeSeconds = 30 * 24 * 60 * 60;

const signInTokenJson = (ctx: InstanceContext, record: SignInTokenRecord): Record<string, unknown> => ({
  object: 'sign_in_token',
  id: record.id,
  status: record.status,
  user_id: record.userId,
  token: record.token,
  url: `https://${ctx.frontendApi}/v1/tickets/accept?ticket=${record.token}`,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export function registerSignInTokenRoutes(router: Router): void {
  router
    .add('POST', '/v1/sign_in_tokens', ({ body, ctx }) => {
      acceptOnly(body, ['user_id', 'expires_in_seconds']);
      const user = requireUser(ctx, requiredString(body, 'user_id'));
      const lifetime = optionalInteger(body, 'expires_in_seconds', 1, 315_360_000) ?? defaultLifetimeSeconds;
      const now = Date.now();
      const record: SignInTokenRecord = {
        id: newId('sit'),
        userId: user.id,
        token: randomBase62(48),
        status: 'pending',
        expiresAt: now + lifetime * 1000,
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.signInTokens.set(record.id, record);
      return signInTokenJson(ctx, record);
    })
    .add('POST', '/v1/sign_in_tokens/:sign_in_token_id/revoke', ({ params, ctx }) => {
      const record = ctx.state.signInTokens.get(params.sign_in_token_id!);
      if (!record) throw notFound('sign in token');
      record.status = 'revoked';
      record.updatedAt = Date.now();
      return signInTokenJson(ctx, record);
    });
}
