import {
  type APIKeyRecord,
  isExpired,
  type M2MTokenRecord,
  type MachineRecord,
  type OAuthAccessTokenRecord,
  type OAuthApplicationRecord,
} from './machine-store';

/** The wire (snake_case) shapes of the 2026-05-12 spec. */
export const machineJson = (machine: MachineRecord, scoped: MachineRecord[]): Record<string, unknown> => ({
  object: 'machine',
  id: machine.id,
  name: machine.name,
  instance_id: 'ins_local',
  created_at: machine.createdAt,
  updated_at: machine.updatedAt,
  default_token_ttl: machine.defaultTokenTtlSeconds,
  scoped_machines: scoped.map(other => ({
    object: 'machine',
    id: other.id,
    name: other.name,
    instance_id: 'ins_local',
    created_at: other.createdAt,
    updated_at: other.updatedAt,
    default_token_ttl: other.defaultTokenTtlSeconds,
  })),
});

export const m2mTokenJson = (record: M2MTokenRecord, withToken: boolean): Record<string, unknown> => ({
  object: 'machine_to_machine_token',
  id: record.id,
  subject: record.subject,
  claims: record.claims,
  scopes: record.scopes,
  ...(withToken ? { token: record.secret } : {}),
  revoked: record.revoked,
  revocation_reason: record.revocationReason,
  expired: isExpired(record),
  expiration: record.expiration,
  last_used_at: record.lastUsedAt,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export const apiKeyJson = (record: APIKeyRecord, withSecret: boolean): Record<string, unknown> => ({
  object: 'api_key',
  id: record.id,
  type: record.type,
  subject: record.subject,
  name: record.name,
  description: record.description,
  claims: record.claims,
  scopes: record.scopes,
  ...(withSecret ? { secret: record.secret } : {}),
  revoked: record.revoked,
  revocation_reason: record.revocationReason,
  expired: isExpired(record),
  expiration: record.expiration,
  created_by: record.createdBy,
  last_used_at: record.lastUsedAt,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export const oauthApplicationJson = (record: OAuthApplicationRecord): Record<string, unknown> => ({
  object: 'oauth_application',
  id: record.id,
  instance_id: 'ins_local',
  name: record.name,
  client_id: record.clientId,
  public: false,
  scopes: record.scopes.join(' '),
  callback_url: record.callbackUrl,
  redirect_uris: [record.callbackUrl],
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export const oauthAccessTokenJson = (record: OAuthAccessTokenRecord): Record<string, unknown> => ({
  object: 'clerk_idp_oauth_access_token',
  id: record.id,
  client_id: record.clientId,
  subject: record.subject,
  scopes: record.scopes,
  revoked: record.revoked,
  revocation_reason: record.revocationReason,
  expired: isExpired(record),
  expiration: record.expiration,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});
