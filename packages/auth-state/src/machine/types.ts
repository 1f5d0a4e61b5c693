import type { JwksTuningOptions } from '@clerk/jwks-resolver';
import type { AuthObjectDebug } from '../auth-objects/types';
import type { MachineTokenVerificationError } from './errors';
import type { MachineTokenType } from './token-type';

/** What every verified machine token carries (timestamps in epoch milliseconds). */
interface MachineTokenFields {
  /** The token's id: `mt_…`, `ak_…`, `oat_…`, or a JWT's `jti` (`''` without one). */
  id: string;
  /** Who the token stands for: `mch_…` (M2M), `user_…` / `org_…` / `mch_…` (API key), `user_…` (OAuth). */
  subject: string;
  /** The granted scopes (for M2M tokens: the machine ids it may call). */
  scopes: string[];
  /** Whether the token was revoked; a verified token is never revoked (this SDK fails closed). */
  revoked: boolean;
  /** Why it was revoked, else `null`. */
  revocationReason: string | null;
  /** Whether the token has expired; a verified token never has (this SDK fails closed). */
  expired: boolean;
  /** When the token expires, else `null` (never). */
  expiration: number | null;
  /** When the token was created (`iat` of a JWT). */
  createdAt: number;
  /** When the token was last updated (`iat` of a JWT). */
  updatedAt: number;
}

/** A verified M2M token (`mt_…` or an M2M JWT). */
export interface M2MTokenData extends MachineTokenFields {
  /** Custom claims set when the token was created (a JWT's other claims), else `null`. */
  claims: Record<string, unknown> | null;
}

/** A verified API key (`ak_…`). */
export interface APIKeyData extends MachineTokenFields {
  /** The key's type, `api_key`. */
  type: string;
  /** The name it was created with. */
  name: string;
  /** Custom claims set when the key was created, else `null`. */
  claims: Record<string, unknown> | null;
  /** The user who created the key, else `null`. */
  createdBy: string | null;
  /** The description it was created with, else `null`. */
  description: string | null;
  /** When the key was last used, else `null`. */
  lastUsedAt: number | null;
}

/** A verified OAuth access token (`oat_…` or an RFC 9068 JWT). */
export interface IdPOAuthAccessTokenData extends MachineTokenFields {
  /** The OAuth application the token was issued to (`client_id`). */
  clientId: string;
  /** The token's type, `oauth_token`. */
  type: string;
}

/** The data of a verified machine token, by kind. */
export interface MachineTokenDataByType {
  /** A machine-to-machine (M2M) token. */
  m2m_token: M2MTokenData;
  /** An API key. */
  api_key: APIKeyData;
  /** An OAuth access token (`oat_…` or an RFC 9068 JWT). */
  oauth_token: IdPOAuthAccessTokenData;
}

/** The data of any verified machine token. */
export type MachineTokenData = M2MTokenData | APIKeyData | IdPOAuthAccessTokenData;

/** The JWKS tuning `verifyMachineAuthToken` passes to `@clerk/jwks-resolver` for machine JWTs: all of it. */
export type MachineJwksOptions = JwksTuningOptions;

/** Options of `verifyMachineAuthToken`; each instance field falls back to its `CLERK_*` variable. */
export interface MachineAuthOptions extends MachineJwksOptions {
  /** The instance secret key: verifies API keys and OAuth tokens, loads the JWKS. Falls back to `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /**
   * A machine's secret key: verifies M2M tokens (wins over `secretKey` there, nowhere else). Falls back to
   * `CLERK_MACHINE_SECRET_KEY`.
   */
  machineSecretKey?: string;
  /** Backend API URL. Falls back to `CLERK_API_URL`, then `https://api.clerk.com`. */
  apiUrl?: string;
  /** The instance's PEM public key: machine JWTs verify networklessly. Falls back to `CLERK_JWT_KEY`. */
  jwtKey?: string;
  /**
   * Sent as the `Clerk-API-Version` header of the verify calls and of the `/v1/jwks` load for machine JWTs when
   * given (e.g. `2026-05-12`). Default: no header.
   */
  clerkApiVersion?: string;
  /** Accepted audiences of machine JWTs; a JWT passes when any of its `aud` values is among them. */
  audience?: string | string[];
  /** Accepted `azp` values of machine JWTs; an empty list skips the check. */
  authorizedParties?: string[];
  /** Allowed clock drift in milliseconds for machine JWTs and opaque expirations. Default 5000. */
  clockSkewInMs?: number;
  /** Injectable `fetch` for the verify calls and the JWKS. Default: the global one. */
  fetch?: typeof fetch;
  /** Environment variables to read instead of `process.env` (Cloudflare Workers pass `env` to handlers). */
  env?: Record<string, string | undefined>;
  /**
   * How long a successful verification of an opaque token (`mt_`, `ak_`, `oat_`) is reused before the Backend
   * API is asked again: a revocation is seen within this time. Default 10 000 ms; `0` disables the cache.
   * Failures are never cached.
   */
  machineTokenCacheTtlInMs?: number;
  /** Each verify call must finish within this time. Default 5 s. */
  machineTokenFetchTimeoutInMs?: number;
}

/** The result of `verifyMachineAuthToken`: the token's data, or exactly one typed error. */
export type MachineTokenVerificationResult =
  | {
      /** The verified token. */
      data: MachineTokenData;
      /** Its kind. */
      tokenType: MachineTokenType;
      /** Absent on success. */
      errors?: undefined;
    }
  | {
      /** Absent on failure. */
      data?: undefined;
      /** The kind the token was taken for. */
      tokenType: MachineTokenType;
      /** Why it did not verify. */
      errors: [MachineTokenVerificationError];
    };

/** What every machine auth object has. */
interface MachineAuthObjectBase {
  /** Always `false`: machine tokens carry no roles or permissions. */
  has: (params?: unknown) => false;
  /** Request data for troubleshooting, keys cut to 7 characters. Never send it to clients. */
  debug: AuthObjectDebug;
}

interface AuthenticatedFields<T extends MachineTokenType> extends MachineAuthObjectBase {
  /** The token's id. */
  id: string;
  /** Who the token stands for. */
  subject: string;
  /** The granted scopes. */
  scopes: string[];
  /** The kind of token that authenticated the request. */
  tokenType: T;
  /** Always `true`. */
  isAuthenticated: true;
  /** Resolves to the raw token. */
  getToken: () => Promise<string>;
}

interface UnauthenticatedFields<T extends MachineTokenType> extends MachineAuthObjectBase {
  /** Always `null`. */
  id: null;
  /** Always `null`. */
  subject: null;
  /** Always `null`. */
  scopes: null;
  /** The kind of token that was expected. */
  tokenType: T;
  /** Always `false`. */
  isAuthenticated: false;
  /** Resolves to `null`. */
  getToken: () => Promise<null>;
}

/** Extra fields of a machine auth object, per kind (`null` when unauthenticated). */
interface ExtraFields<Authenticated extends boolean> {
  /** The fields of an API key's auth object. */
  api_key: {
    /** The API key's name. */
    name: Authenticated extends true ? string : null;
    /** The API key's custom claims. */
    claims: Record<string, unknown> | null;
    /** The subject when it is a user (`user_…`), else `null`. */
    userId: string | null;
    /** The subject when it is an organization (`org_…`), else `null`. */
    orgId: string | null;
  };
  /** The fields of an M2M token's auth object. */
  m2m_token: {
    /** The M2M token's custom claims. */
    claims: Record<string, unknown> | null;
    /** The calling machine (the subject). */
    machineId: Authenticated extends true ? string : null;
  };
  /** The fields of an OAuth access token's auth object. */
  oauth_token: {
    /** The user the token was issued for (the subject). */
    userId: Authenticated extends true ? string : null;
    /** The OAuth application the token was issued to. */
    clientId: Authenticated extends true ? string : null;
  };
}

/** The auth object of a request a machine token authenticated. */
export type AuthenticatedMachineObject<T extends MachineTokenType = MachineTokenType> =
  T extends MachineTokenType ? AuthenticatedFields<T> & ExtraFields<true>[T] : never;

/** The auth object of a request that expected a machine token of kind `T` and did not authenticate. */
export type UnauthenticatedMachineObject<T extends MachineTokenType = MachineTokenType> =
  T extends MachineTokenType ? UnauthenticatedFields<T> & ExtraFields<false>[T] : never;

/** A machine auth object, authenticated or not. */
export type MachineAuthObject<T extends MachineTokenType = MachineTokenType> =
  | AuthenticatedMachineObject<T>
  | UnauthenticatedMachineObject<T>;

/** The auth object of a request whose token type was not accepted. */
export interface InvalidTokenAuthObject {
  /** Always `false`. */
  isAuthenticated: false;
  /** Always `null`: no accepted token type matched. */
  tokenType: null;
  /** Resolves to `null`. */
  getToken: () => Promise<null>;
  /** Always `false`. */
  has: (params?: unknown) => false;
  /** Always `{}`. */
  debug: () => Record<string, never>;
}
