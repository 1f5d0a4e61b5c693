import { duplicateRecord, notFound, paramInvalid } from '../api/api-error';
import { acceptOnly, orderBy, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import type { RedirectUrlRecord } from '../state';
import { listResponse } from './sessions';

const redirectUrlJson = (record: RedirectUrlRecord): Record<string, unknown> => ({
  object: 'redirect_url',
  id: record.id,
  url: record.url,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

function requireRedirectUrl(ctx: InstanceContext, id: string): RedirectUrlRecord {
  const record = ctx.state.redirectUrls.get(id);
  if (!record) throw notFound('redirect url');
  return record;
}

export function registerRedirectUrlRoutes(router: Router): void {
  router
    .add('GET', '/v1/redirect_urls', ({ query, ctx }) =>
      listResponse(orderBy([...ctx.state.redirectUrls.values()], query).map(redirectUrlJson), query),
    )
    .add('POST', '/v1/redirect_urls', ({ body, ctx }) => {
      acceptOnly(body, ['url']);
      const url = requiredString(body, 'url');
      if (!URL.canParse(url)) throw paramInvalid('url', 'must be an absolute URL or a native-app scheme URL');
      if ([...ctx.state.redirectUrls.values()].some(record => record.url === url))
        throw duplicateRecord('url', `${url} is already a redirect URL.`);
      const now = Date.now();
      const record: RedirectUrlRecord = { id: newId('ru'), url, createdAt: now, updatedAt: now };
      ctx.state.redirectUrls.set(record.id, record);
      return redirectUrlJson(record);
    })
    .add('GET', '/v1/redirect_urls/:id', ({ params, ctx }) =>
      redirectUrlJson(requireRedirectUrl(ctx, params.id!)),
    )
    .add('DELETE', '/v1/redirect_urls/:id', ({ params, ctx }) => {
      const record = requireRedirectUrl(ctx, params.id!);
      ctx.state.redirectUrls.delete(record.id);
      return { object: 'redirect_url', id: record.id, deleted: true };
    });
}
