import { randomBytes } from 'node:crypto';
import { notFound, paramInvalid } from '../api/api-error';
import type { SigningKeyring } from '../keys/signing-keyring';
import { newId } from '../lib/ids';

/** Times are epoch milliseconds, as on the wire. */
export interface MachineRecord {
  id: string;
  name: string;
  /** Machines this one may call: the `scopes` of the M2M tokens it creates. */
  scopedMachineIds: string[];
  defaultTokenTtlSeconds: number;
  secretKey: string;
  createdAt: number;
  updatedAt: number;
}

/** What opaque M2M tokens, API keys and OAuth access tokens have in common. */
interface RevocableRecord {
  id: string;
  /** The secret presented as the bearer token. */
  secret: string;
  subject: string;
  scopes: string[];
  revoked: boolean;
  revocationReason: string | null;
  expiration: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface M2MTokenRecord extends RevocableRecord {
  claims: Record<string, unknown> | null;
  lastUsedAt: number | null;
}

export interface APIKeyRecord extends RevocableRecord {
  type: string;
  name: string;
  description: string | null;
  claims: Record<string, unknown> | null;
  createdBy: string | null;
  lastUsedAt: number | null;
}

export interface OAuthApplicationRecord {
  id: string;
  clientId: string;
  name: string;
  scopes: string[];
  callbackUrl: string;
  createdAt: number;
  updatedAt: number;
}

export interface OAuthAccessTokenRecord extends RevocableRecord {
  clientId: string;
}

/** How a machine token is handed out: an opaque `mt_`/`oat_` string, or a JWT signed with the instance key. */
export type MachineTokenFormat = 'opaque' | 'jwt';

/** The `cat` of M2M JWTs (current Clerk 3.9.0+). */
const M2M_JWT_CATEGORY = 'cl_B7d4PD333AAA';

const hex32 = (): string => randomBytes(16).toString('hex');
const secretFor = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

/** Whether the record has expired at `now` (epoch ms). */
export const isExpired = (record: { expiration: number | null }, now = Date.now()): boolean =>
  record.expiration !== null && now >= record.expiration;

const expirationAfter = (seconds: number | null | undefined, now: number): number | null => {
  if (seconds === undefined || seconds === null) return null;
  if (!(typeof seconds === 'number' && seconds > 0 && Number.isFinite(seconds)))
    throw paramInvalid('seconds_until_expiration', 'must be a positive number');
  return now + Math.round(seconds * 1000);
};

export interface CreateMachineInput {
  /** The machine's name. */
  name: string;
  /** Machines this one may call: they become the `scopes` of its M2M tokens. */
  scopedMachineIds?: string[];
  /** Lifetime of its M2M tokens when none is given, in seconds. Default 3600. */
  defaultTokenTtlSeconds?: number;
}

export interface CreateM2MTokenInput {
  /** The creating machine (the token's subject). */
  machineId: string;
  /** `opaque` (default) or `jwt`. */
  format?: MachineTokenFormat;
  /** Default: the machine's default TTL; `null` for a token that never expires (opaque only). */
  secondsUntilExpiration?: number | null;
  /** Custom claims of the token. */
  claims?: Record<string, unknown> | null;
}

export interface CreateAPIKeyInput {
  /** `user_…`, `org_…` or `mch_…`. */
  subject: string;
  /** The key's name. */
  name: string;
  /** The key's type. Default `api_key`. */
  type?: string;
  /** A description. */
  description?: string | null;
  /** The scopes the key grants. Default none. */
  scopes?: string[];
  /** Custom claims of the key. */
  claims?: Record<string, unknown> | null;
  /** The user who created the key. */
  createdBy?: string | null;
  /** Default: never expires. */
  secondsUntilExpiration?: number | null;
}

export interface CreateOAuthApplicationInput {
  /** The application's name. */
  name: string;
  /** The scopes its tokens get by default. Default `profile`, `email`. */
  scopes?: string[];
  /** Where the consent flow returns to. Default `http://localhost:3000/oauth/callback`. */
  callbackUrl?: string;
}

export interface IssueOAuthAccessTokenInput {
  /** The OAuth application's `client_id`. */
  clientId: string;
  /** The user who granted access. */
  userId: string;
  /** Default: the application's scopes. */
  scopes?: string[];
  /** `opaque` (default, `oat_…`) or `jwt` (`typ: at+jwt`). */
  format?: MachineTokenFormat;
  /** Default 3600 seconds. */
  secondsUntilExpiration?: number;
}

/** A minted machine token: the string to present, and the record's id. */
export interface IssuedMachineToken {
  /** The bearer token: `mt_…` / `oat_…` or a JWT. */
  token: string;
  /** The token's id (`mt_<32 hex>` / `oat_<32 hex>`); a JWT carries it as `jti`. */
  id: string;
}

interface RevokableTables {
  m2mTokens: M2MTokenRecord;
  apiKeys: APIKeyRecord;
  oauthAccessTokens: OAuthAccessTokenRecord;
}

/** Machines, M2M tokens, API keys, OAuth applications and access tokens of one instance. */
export class MachineStore {
  readonly machines = new Map<string, MachineRecord>();
  readonly m2mTokens = new Map<string, M2MTokenRecord>();
  readonly apiKeys = new Map<string, APIKeyRecord>();
  readonly oauthApplications = new Map<string, OAuthApplicationRecord>();
  readonly oauthAccessTokens = new Map<string, OAuthAccessTokenRecord>();

  constructor(
    private readonly keys: SigningKeyring,
    private readonly issuer: string,
  ) {}

  reset(): void {
    for (const table of [
      this.machines,
      this.m2mTokens,
      this.apiKeys,
      this.oauthApplications,
      this.oauthAccessTokens,
    ])
      table.clear();
  }

  createMachine(input: CreateMachineInput): MachineRecord {
    for (const id of input.scopedMachineIds ?? []) this.requireMachine(id);
    const now = Date.now();
    const machine: MachineRecord = {
      id: newId('mch'),
      name: input.name,
      scopedMachineIds: [...new Set(input.scopedMachineIds ?? [])],
      defaultTokenTtlSeconds: input.defaultTokenTtlSeconds ?? 3600,
      secretKey: secretFor('ak_'),
      createdAt: now,
      updatedAt: now,
    };
    this.machines.set(machine.id, machine);
    return machine;
  }

  requireMachine(id: string): MachineRecord {
    const machine = this.machines.get(id);
    if (!machine) throw notFound('machine');
    return machine;
  }

  /** The machine a machine secret key belongs to, if any. */
  machineBySecretKey(secretKey: string): MachineRecord | undefined {
    for (const machine of this.machines.values()) if (machine.secretKey === secretKey) return machine;
    return undefined;
  }

  rotateMachineSecretKey(id: string): MachineRecord {
    const machine = this.requireMachine(id);
    machine.secretKey = secretFor('ak_');
    machine.updatedAt = Date.now();
    return machine;
  }

  createM2MToken(
    input: CreateM2MTokenInput,
  ): IssuedMachineToken & { record: M2MTokenRecord | null; expiration: number | null } {
    const machine = this.requireMachine(input.machineId);
    const now = Date.now();
    const seconds =
      input.secondsUntilExpiration === undefined
        ? machine.defaultTokenTtlSeconds
        : input.secondsUntilExpiration;
    const id = `mt_${hex32()}`;
    const scopes = [...machine.scopedMachineIds];
    const claims = input.claims ?? null;
    if (input.format === 'jwt') {
      const issuedAt = Math.floor(now / 1000);
      const expiration = expirationAfter(seconds ?? machine.defaultTokenTtlSeconds, now)!;
      const token = this.keys.sign(
        {
          ...claims,
          iss: this.issuer,
          sub: machine.id,
          jti: id,
          scopes: scopes.join(' '),
          iat: issuedAt,
          nbf: issuedAt,
          exp: Math.floor(expiration / 1000),
        },
        { cat: M2M_JWT_CATEGORY },
      );
      return { token, id, record: null, expiration: Math.floor(expiration / 1000) * 1000 };
    }
    const record: M2MTokenRecord = {
      id,
      secret: secretFor('mt_'),
      subject: machine.id,
      scopes,
      claims,
      revoked: false,
      revocationReason: null,
      expiration: expirationAfter(seconds, now),
      lastUsedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.m2mTokens.set(id, record);
    return { token: record.secret, id, record, expiration: record.expiration };
  }

  createAPIKey(input: CreateAPIKeyInput): APIKeyRecord {
    if (!/^(user|org|mch)_\w+$/.test(input.subject))
      throw paramInvalid('subject', 'must be a user, organization or machine id');
    const now = Date.now();
    const record: APIKeyRecord = {
      id: `ak_${hex32()}`,
      secret: secretFor('ak_'),
      type: input.type ?? 'api_key',
      name: input.name,
      subject: input.subject,
      description: input.description ?? null,
      scopes: input.scopes ?? [],
      claims: input.claims ?? null,
      createdBy: input.createdBy ?? null,
      revoked: false,
      revocationReason: null,
      expiration: expirationAfter(input.secondsUntilExpiration, now),
      lastUsedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.apiKeys.set(record.id, record);
    return record;
  }

  createOAuthApplication(input: CreateOAuthApplicationInput): OAuthApplicationRecord {
    const now = Date.now();
    const record: OAuthApplicationRecord = {
      id: newId('oa'),
      clientId: randomBytes(12).toString('base64url'),
      name: input.name,
      scopes: input.scopes ?? ['profile', 'email'],
      callbackUrl: input.callbackUrl ?? 'http://localhost:3000/oauth/callback',
      createdAt: now,
      updatedAt: now,
    };
    this.oauthApplications.set(record.id, record);
    return record;
  }

  issueOAuthAccessToken(input: IssueOAuthAccessTokenInput): IssuedMachineToken {
    const application = [...this.oauthApplications.values()].find(app => app.clientId === input.clientId);
    if (!application) throw notFound('oauth application');
    const now = Date.now();
    const id = `oat_${hex32()}`;
    const scopes = input.scopes ?? application.scopes;
    const expiration = expirationAfter(input.secondsUntilExpiration ?? 3600, now)!;
    if (input.format === 'jwt') {
      const issuedAt = Math.floor(now / 1000);
      const token = this.keys.sign(
        {
          iss: this.issuer,
          sub: input.userId,
          client_id: application.clientId,
          jti: id,
          scope: scopes.join(' '),
          iat: issuedAt,
          nbf: issuedAt,
          exp: Math.floor(expiration / 1000),
        },
        { typ: 'at+jwt' },
      );
      return { token, id };
    }
    const record: OAuthAccessTokenRecord = {
      id,
      secret: secretFor('oat_'),
      clientId: application.clientId,
      subject: input.userId,
      scopes,
      revoked: false,
      revocationReason: null,
      expiration,
      createdAt: now,
      updatedAt: now,
    };
    this.oauthAccessTokens.set(id, record);
    return { token: record.secret, id };
  }

  /** Revokes an opaque M2M token, API key or OAuth access token by its id. */
  revoke<K extends 'm2mTokens' | 'apiKeys' | 'oauthAccessTokens'>(
    table: K,
    id: string,
    reason: string | null = null,
  ): RevokableTables[K] {
    const record = (this[table] as Map<string, RevocableRecord>).get(id);
    if (!record)
      throw notFound(table === 'm2mTokens' ? 'm2m token' : table === 'apiKeys' ? 'api key' : 'access token');
    record.revoked = true;
    record.revocationReason = reason;
    record.updatedAt = Date.now();
    return record as RevokableTables[K];
  }

  /** The record whose secret is `secret`, if any. */
  bySecret<T extends RevocableRecord>(table: Map<string, T>, secret: unknown): T | undefined {
    if (typeof secret !== 'string') return undefined;
    for (const record of table.values()) if (record.secret === secret) return record;
    return undefined;
  }
}
