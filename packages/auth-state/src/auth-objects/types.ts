import type { JwtPayload } from '@clerk/jwt-core';
import type { AuthStateApiClient } from '../api-client';

export interface GetTokenOptions {
  /** A JWT template name: the token is minted by the Backend API from that template. */
  template?: string;
}

export type GetToken = (options?: GetTokenOptions) => Promise<string | null>;

/** `has({ permission })` or `has({ role })`; a permission check wins when both are given. */
export interface CheckAuthorizationParams {
  permission?: string;
  role?: string;
}

export type CheckAuthorization = (params: CheckAuthorizationParams) => boolean;

export type AuthObjectDebug = () => Record<string, unknown>;

export interface SignedInAuthObjectOptions {
  secretKey?: string;
  /** @deprecated Use `secretKey`. */
  apiKey?: string;
  apiUrl?: string;
  apiVersion?: string;
  /** The raw session token `getToken()` resolves to. */
  token: string;
  session?: unknown;
  user?: unknown;
  organization?: unknown;
  /** Used by `getToken({ template })`. */
  apiClient?: AuthStateApiClient;
}

export interface SignedInAuthObject {
  actor: unknown;
  sessionClaims: JwtPayload;
  sessionId: string | undefined;
  session: unknown;
  userId: string;
  user: unknown;
  orgId: string | undefined;
  orgRole: string | undefined;
  orgSlug: string | undefined;
  orgPermissions: string[] | undefined;
  organization: unknown;
  getToken: GetToken;
  has: CheckAuthorization;
  debug: AuthObjectDebug;
}

export interface SignedOutAuthObject {
  sessionClaims: null;
  sessionId: null;
  session: null;
  userId: null;
  user: null;
  actor: null;
  orgId: null;
  orgRole: null;
  orgSlug: null;
  orgPermissions: null;
  organization: null;
  getToken: GetToken;
  has: CheckAuthorization;
  debug: AuthObjectDebug;
}

export type AuthObject = SignedInAuthObject | SignedOutAuthObject;
