import { ApiError, notFound, paramInvalid } from '../api/api-error';
import { acceptOnly, type Body, optionalObject, optionalString } from '../api/params';
import { type ApiRequest, Router } from '../api/router';
import { apiKeyJson, m2mTokenJson, oauthAccessTokenJson } from './machine-json';
import type { MachineRecord, MachineTokenFormat } from './machine-store';

const unauthorized = (): ApiError =>
  new ApiError(401, [
    {
      code: 'clerk_key_invalid',
      message: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
      long_message:
        'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    },
  ]);

const bearerOf = (request: ApiRequest): string | undefined =>
  request.authorization?.startsWith('Bearer ') ? request.authorization.slice('Bearer '.length) : undefined;

/** Who is calling: the instance (its secret key) or a machine (its machine secret key); else 401. */
function caller(request: ApiRequest, machineKeyAllowed: boolean): { machine: MachineRecord | null } {
  const bearer = bearerOf(request);
  if (bearer !== undefined && bearer === request.ctx.secretKey) return { machine: null };
  const machine = machineKeyAllowed && bearer ? request.ctx.machines.machineBySecretKey(bearer) : undefined;
  if (machine) return { machine };
  throw unauthorized();
}

const tokenFormat = (body: Body): MachineTokenFormat => {
  const format = optionalString(body, 'token_format') ?? 'opaque';
  if (format !== 'opaque' && format !== 'jwt') throw paramInvalid('token_format', 'must be opaque or jwt');
  return format;
};

/** What a machine operation answers: the status (the spec documents 201 for a minted M2M token) and body. */
export interface MachineAnswer {
  status: number;
  body: unknown;
}

const ok = (body: unknown): MachineAnswer => ({ status: 200, body });

/**
 * The machine operations whose authentication differs from the rest of the Backend API: the three verify
 * operations (served without `/v1`, as current Clerk calls them, and under `/v1`, as the spec lists them), and
 * the M2M token operations a machine calls with its own secret key.
 */
export function machineEndpoints(): Router {
  const router = new Router();
  for (const prefix of ['', '/v1']) {
    router
      .add('POST', `${prefix}/m2m_tokens/verify`, request => {
        const { machine } = caller(request, true);
        const record = request.ctx.machines.bySecret(request.ctx.machines.m2mTokens, request.body.token);
        // A machine key verifies only tokens that grant access to its machine.
        if (!record || (machine && !record.scopes.includes(machine.id))) throw notFound('m2m token');
        record.lastUsedAt = Date.now();
        return ok(m2mTokenJson(record, false));
      })
      .add('POST', `${prefix}/api_keys/verify`, request => {
        caller(request, false);
        const record = request.ctx.machines.bySecret(request.ctx.machines.apiKeys, request.body.secret);
        if (!record) throw notFound('api key');
        record.lastUsedAt = Date.now();
        return ok(apiKeyJson(record, false));
      })
      .add('POST', `${prefix}/oauth_applications/access_tokens/verify`, request => {
        caller(request, false);
        const presented = request.body.access_token ?? request.body.secret;
        const record = request.ctx.machines.bySecret(request.ctx.machines.oauthAccessTokens, presented);
        if (!record) throw notFound('access token');
        return ok(oauthAccessTokenJson(record));
      });
  }
  return router
    .add('POST', '/v1/m2m_tokens', request => {
      const { machine } = caller(request, true);
      if (!machine) throw unauthorized();
      acceptOnly(request.body, [
        'token_format',
        'seconds_until_expiration',
        'claims',
        'min_remaining_ttl_seconds',
      ]);
      const seconds = request.body.seconds_until_expiration;
      const issued = request.ctx.machines.createM2MToken({
        machineId: machine.id,
        format: tokenFormat(request.body),
        secondsUntilExpiration: seconds === undefined ? undefined : (seconds as number | null),
        claims: optionalObject(request.body, 'claims') ?? null,
      });
      if (issued.record) return { status: 201, body: m2mTokenJson(issued.record, true) };
      const now = Date.now();
      const body = {
        object: 'machine_to_machine_token',
        id: issued.id,
        subject: machine.id,
        claims: optionalObject(request.body, 'claims') ?? null,
        scopes: [...machine.scopedMachineIds],
        token: issued.token,
        revoked: false,
        revocation_reason: null,
        expired: false,
        expiration: issued.expiration,
        last_used_at: null,
        created_at: now,
        updated_at: now,
      };
      return { status: 201, body };
    })
    .add('POST', '/v1/m2m_tokens/:token_id/revoke', request => {
      const { machine } = caller(request, true);
      const record = request.ctx.machines.m2mTokens.get(request.params.token_id!);
      if (!record || (machine && record.subject !== machine.id)) throw notFound('m2m token');
      acceptOnly(request.body, ['revocation_reason']);
      const reason = optionalString(request.body, 'revocation_reason') ?? null;
      return ok(m2mTokenJson(request.ctx.machines.revoke('m2mTokens', record.id, reason), false));
    });
}
