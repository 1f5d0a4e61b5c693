import type { JwtPayload } from '@clerk/jwt-core';
import type { AuthStateApiClient } from '../api-client';

export interface GetTokenOptions {
  /** A JWT template name: the token is minted by the Backend API from that template. */
  template?: string;
}

export type GetToken = (options?: GetTokenOptions) => Promise<string | null>;

/** A factor level `has({ reverification })` can ask for. */
export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';

/**
 * A reverification requirement: a preset (`strict_mfa`, `strict`, `moderate`, `lax`) or a level with the
 * number of minutes (more than 0) within which its factors must have been verified.
 */
export type ReverificationConfig =
  | 'strict_mfa'
  | 'strict'
  | 'moderate'
  | 'lax'
  | {
      /** Which factors must be fresh. */
      level: ReverificationLevel;
      /** How recent (in minutes, exclusive) the verification must be. */
      afterMinutes: number;
    };

/**
 * What `has()` checks. On the auth objects of the 0.x forms, a call with only `role` and/or `permission` keeps
 * the 0.x rules (a permission check wins; a call with neither throws); a call that asks `feature`, `plan` or
 * `reverification`, and every call on a current-form auth object, needs every asked key to hold.
 */
export interface CheckAuthorizationParams {
  /** An organisation permission, `org:billing:read` or `billing:read`. */
  permission?: string;
  /** An organisation role, `org:admin` or `admin`. */
  role?: string;
  /** A feature from the `fea` claim: `export`, `o:export` / `org:export`, `u:export` / `user:export`. */
  feature?: string;
  /** A plan from the `pla` claim: `pro`, `o:pro` / `organization:pro`, `u:free` / `user:free`. */
  plan?: string;
  /** Factor verification recent enough, judged on the `fva` claim. */
  reverification?: ReverificationConfig;
}

export type CheckAuthorization = (params: CheckAuthorizationParams) => boolean;

export type AuthObjectDebug = () => Record<string, unknown>;

export interface SignedInAuthObjectOptions {
  /** The instance's secret key; `debug()` shows only its first 7 characters. */
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  /** The Backend API URL, echoed by `debug()`. */
  apiUrl?: string;
  /** The Backend API version, echoed by `debug()`. */
  apiVersion?: string;
  /** The raw session token `getToken()` resolves to. */
  token: string;
  /** The loaded `Session` resource, if any. */
  session?: unknown;
  /** The loaded `User` resource, if any. */
  user?: unknown;
  /** The loaded `Organization` resource, if any. */
  organization?: unknown;
  /** Used by `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
}

/** The verified claims of a signed-in session: a Clerk session token always names its session. */
export type SignedInSessionClaims = JwtPayload & {
  /** Session id. */
  sid: string;
};

/** The auth object of a signed-in request (0.x call form and `signedInAuthObject`), in the 0.x key order. */
export interface SignedInAuthObject {
  /** The `act` claim of an impersonation session (`{ sub, ... }`), or undefined. */
  actor: unknown;
  /** The whole verified payload. */
  sessionClaims: SignedInSessionClaims;
  /** The session id (`sid`). */
  sessionId: string;
  /** The `Session` resource when `loadSession` was set, else undefined. */
  session: unknown;
  /** The user id (`sub`). */
  userId: string;
  /** The `User` resource when `loadUser` was set, else undefined. */
  user: unknown;
  /** The active organisation's id (`org_id`, or `o.id` of a v2 token), or undefined. */
  orgId: string | undefined;
  /** The role in the active organisation (`org_role`, or `org:` + `o.rol` of a v2 token), or undefined. */
  orgRole: string | undefined;
  /** The active organisation's slug (`org_slug`, or `o.slg` of a v2 token), or undefined. */
  orgSlug: string | undefined;
  /** `org_permissions`, or the permissions a v2 token encodes in `fea`, `o.per` and `o.fpm`; undefined without an organisation. */
  orgPermissions: string[] | undefined;
  /** The `Organization` resource when `loadOrganization` was set and an organisation is active, else undefined. */
  organization: unknown;
  /** The session token, or one minted from a JWT template. */
  getToken: GetToken;
  /** Authorization check on roles, permissions, features, plans and reverification. */
  has: CheckAuthorization;
  /** The data the object was built from, keys cut to 7 characters. Holds the raw token: never send it to clients. */
  debug: AuthObjectDebug;
}

/** The auth object of a request without a session: every field `null`. */
export interface SignedOutAuthObject {
  /** Always null. */
  sessionClaims: null;
  /** Always null. */
  sessionId: null;
  /** Always null. */
  session: null;
  /** Always null. */
  userId: null;
  /** Always null. */
  user: null;
  /** Always null. */
  actor: null;
  /** Always null. */
  orgId: null;
  /** Always null. */
  orgRole: null;
  /** Always null. */
  orgSlug: null;
  /** Always null. */
  orgPermissions: null;
  /** Always null. */
  organization: null;
  /** Resolves to null. */
  getToken: GetToken;
  /** Always false; never throws. */
  has: CheckAuthorization;
  /** The options and reason of the signed-out state, keys cut to 7 characters. */
  debug: AuthObjectDebug;
}

/** Either auth object of the 0.x forms; `userId` (or `sessionId`) tells them apart. */
export type AuthObject = SignedInAuthObject | SignedOutAuthObject;
