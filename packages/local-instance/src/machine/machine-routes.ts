import { ApiError, notFound } from '../api/api-error';
import {
  acceptOnly,
  type Body,
  nullableString,
  optionalInteger,
  optionalObject,
  optionalStringList,
  requiredString,
} from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import {
  apiKeyJson,
  m2mTokenJson,
  machineJson,
  oauthAccessTokenJson,
  oauthApplicationJson,
} from './machine-json';
import type { MachineRecord, MachineStore } from './machine-store';

const machineWithScopes = (store: MachineStore, machine: MachineRecord) =>
  machineJson(
    machine,
    machine.scopedMachineIds
      .map(id => store.machines.get(id))
      .filter((other): other is MachineRecord => !!other),
  );

const list = <T>(items: T[]) => ({ data: items, total_count: items.length });

const secondsUntilExpiration = (body: Body): number | null | undefined => {
  const value = body.seconds_until_expiration;
  if (value === undefined || value === null) return value as null | undefined;
  return typeof value === 'number' ? value : Number.NaN;
};

/** The machine groups of the Backend API that take the instance secret key (under `/v1`). */
export function registerMachineRoutes(router: Router): void {
  router
    .add('GET', '/v1/machines', ({ ctx }) =>
      list(
        [...ctx.machines.machines.values()]
          .reverse()
          .map(machine => machineWithScopes(ctx.machines, machine)),
      ),
    )
    .add('POST', '/v1/machines', ({ body, ctx }) => {
      acceptOnly(body, ['name', 'scoped_machines', 'default_token_ttl']);
      const machine = ctx.machines.createMachine({
        name: requiredString(body, 'name'),
        scopedMachineIds: optionalStringList(body, 'scoped_machines'),
        defaultTokenTtlSeconds: optionalInteger(body, 'default_token_ttl', 1, 315_360_000),
      });
      return { ...machineWithScopes(ctx.machines, machine), secret_key: machine.secretKey };
    })
    .add('GET', '/v1/machines/:machine_id', ({ params, ctx }) =>
      machineWithScopes(ctx.machines, ctx.machines.requireMachine(params.machine_id!)),
    )
    .add('DELETE', '/v1/machines/:machine_id', ({ params, ctx }) => {
      const machine = ctx.machines.requireMachine(params.machine_id!);
      ctx.machines.machines.delete(machine.id);
      return { object: 'machine', id: machine.id, deleted: true };
    })
    .add('GET', '/v1/machines/:machine_id/secret_key', ({ params, ctx }) => ({
      object: 'machine_secret_key',
      secret: ctx.machines.requireMachine(params.machine_id!).secretKey,
    }))
    .add('POST', '/v1/machines/:machine_id/secret_key/rotate', ({ params, ctx }) => ({
      object: 'machine_secret_key',
      secret: ctx.machines.rotateMachineSecretKey(params.machine_id!).secretKey,
    }))
    .add('POST', '/v1/machines/:machine_id/scopes', ({ params, body, ctx }) => {
      acceptOnly(body, ['to_machine_id']);
      const machine = ctx.machines.requireMachine(params.machine_id!);
      const target = ctx.machines.requireMachine(requiredString(body, 'to_machine_id'));
      if (!machine.scopedMachineIds.includes(target.id)) machine.scopedMachineIds.push(target.id);
      return {
        object: 'machine_scope',
        from_machine_id: machine.id,
        to_machine_id: target.id,
        created_at: Date.now(),
      };
    })
    .add('DELETE', '/v1/machines/:machine_id/scopes/:other_machine_id', ({ params, ctx }) => {
      const machine = ctx.machines.requireMachine(params.machine_id!);
      machine.scopedMachineIds = machine.scopedMachineIds.filter(id => id !== params.other_machine_id);
      return {
        object: 'machine_scope',
        from_machine_id: machine.id,
        to_machine_id: params.other_machine_id,
        deleted: true,
      };
    })
    .add('GET', '/v1/api_keys', ({ query, ctx }) => {
      const subject = query.get('subject');
      return list(
        [...ctx.machines.apiKeys.values()]
          .filter(key => !subject || key.subject === subject)
          .map(key => apiKeyJson(key, false)),
      );
    })
    .add('POST', '/v1/api_keys', ({ body, ctx }) => {
      acceptOnly(body, [
        'type',
        'name',
        'description',
        'subject',
        'claims',
        'scopes',
        'created_by',
        'seconds_until_expiration',
      ]);
      const key = ctx.machines.createAPIKey({
        type: body.type === undefined ? undefined : requiredString(body, 'type'),
        name: requiredString(body, 'name'),
        subject: requiredString(body, 'subject'),
        description: nullableString(body, 'description'),
        claims: optionalObject(body, 'claims'),
        scopes: optionalStringList(body, 'scopes'),
        createdBy: nullableString(body, 'created_by'),
        secondsUntilExpiration: secondsUntilExpiration(body),
      });
      return apiKeyJson(key, true);
    })
    .add('GET', '/v1/api_keys/:api_key_id', ({ params, ctx }) =>
      apiKeyJson(requireApiKey(ctx, params.api_key_id!), false),
    )
    .add('GET', '/v1/api_keys/:api_key_id/secret', ({ params, ctx }) => ({
      object: 'api_key_secret',
      secret: requireApiKey(ctx, params.api_key_id!).secret,
    }))
    .add('POST', '/v1/api_keys/:api_key_id/revoke', ({ params, body, ctx }) => {
      acceptOnly(body, ['revocation_reason']);
      return apiKeyJson(
        ctx.machines.revoke('apiKeys', params.api_key_id!, nullableString(body, 'revocation_reason') ?? null),
        false,
      );
    })
    .add('GET', '/v1/m2m_tokens', ({ query, ctx }) => {
      const subject = query.get('subject');
      return list(
        [...ctx.machines.m2mTokens.values()]
          .filter(token => !subject || token.subject === subject)
          .map(token => m2mTokenJson(token, false)),
      );
    })
    .add('GET', '/v1/oauth_applications', ({ ctx }) =>
      list([...ctx.machines.oauthApplications.values()].map(oauthApplicationJson)),
    )
    .add('POST', '/v1/oauth_applications', ({ body, ctx }) => {
      acceptOnly(body, ['name', 'callback_url', 'redirect_uris', 'scopes', 'public']);
      const scopes = body.scopes;
      if (scopes !== undefined && typeof scopes !== 'string')
        throw new ApiError(422, [
          {
            code: 'form_param_format_invalid',
            message: 'is invalid',
            long_message: 'scopes must be a string.',
          },
        ]);
      return oauthApplicationJson(
        ctx.machines.createOAuthApplication({
          name: requiredString(body, 'name'),
          callbackUrl: body.callback_url === undefined ? undefined : requiredString(body, 'callback_url'),
          scopes: typeof scopes === 'string' ? scopes.split(' ').filter(Boolean) : undefined,
        }),
      );
    })
    .add('GET', '/v1/oauth_applications/:oauth_application_id', ({ params, ctx }) => {
      const application = ctx.machines.oauthApplications.get(params.oauth_application_id!);
      if (!application) throw notFound('oauth application');
      return oauthApplicationJson(application);
    })
    .add('DELETE', '/v1/oauth_applications/:oauth_application_id', ({ params, ctx }) => {
      const application = ctx.machines.oauthApplications.get(params.oauth_application_id!);
      if (!application) throw notFound('oauth application');
      ctx.machines.oauthApplications.delete(application.id);
      return { object: 'oauth_application', id: application.id, deleted: true };
    })
    .add('POST', '/v1/oauth_applications/access_tokens/:access_token_id/revoke', ({ params, ctx }) =>
      oauthAccessTokenJson(ctx.machines.revoke('oauthAccessTokens', params.access_token_id!)),
    );
}

function requireApiKey(ctx: InstanceContext, id: string) {
  const key = ctx.machines.apiKeys.get(id);
  if (!key) throw notFound('api key');
  return key;
}
