// Placeholder for machine authentication (issue 15): token recognition (current-clerk.md 5.1) is real; the
// verification itself is another change's and answers `unexpected-error` here until that change lands.
import { decodeBase64Url } from '@clerk/jwt-core';

/** The kinds of token `authenticateRequest` can accept (current form). */
export type TokenType = 'session_token' | 'api_key' | 'm2m_token' | 'oauth_token';
/** Every token kind but the session token. */
export type MachineTokenType = Exclude<TokenType, 'session_token'>;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): Record<string, unknown> | null {
  try {
    const bytes = decodeBase64Url(segment);
    if (!bytes) return null;
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function machineJwtType(token: string): MachineTokenType | null {
  if (!JWT_SHAPE.test(token)) return null;
  const [header, payload] = token.split('.');
  const claims = decodeSegment(payload as string);
  if (typeof claims?.sub === 'string' && claims.sub.startsWith('mch_')) return 'm2m_token';
  const typ = decodeSegment(header as string)?.typ;
  if (typ === 'at+jwt' || typ === 'application/at+jwt') return 'oauth_token';
  return null;
}

function machineTypeOf(token: string): MachineTokenType | null {
  if (token.startsWith('mt_')) return 'm2m_token';
  const jwtType = machineJwtType(token);
  if (jwtType === 'm2m_token') return jwtType;
  if (token.startsWith('oat_') || jwtType === 'oauth_token') return 'oauth_token';
  if (token.startsWith('ak_')) return 'api_key';
  return null;
}

/** Whether a token is an M2M token, an OAuth access token or an API key (by prefix or JWT shape). */
export function isMachineToken(token: string): boolean {
  return machineTypeOf(token) !== null;
}

/** The kind of a token: a machine kind, else `session_token`. */
export function getTokenType(token: string): TokenType {
  return machineTypeOf(token) ?? 'session_token';
}

/** A machine token that did not verify; `code` is the state's `reason`. */
export class MachineTokenVerificationError extends Error {
  /** Stable, machine-readable failure code (current-clerk.md 5.6). */
  code: string;
  /** The Backend API status, when one answered. */
  status?: number;
  /** What the operator can do about it. */
  action?: string;

  constructor({
    code,
    message,
    status,
    action,
  }: { code: string; message: string; status?: number; action?: string }) {
    super(message);
    this.name = 'MachineTokenVerificationError';
    this.code = code;
    this.status = status;
    this.action = action;
  }

  /** `<message> (code=<code>, status=<status or n/a>)`. */
  getFullMessage(): string {
    return `${this.message} (code=${this.code}, status=${this.status ?? 'n/a'})`;
  }
}

/** Options of machine-token verification. */
export interface MachineAuthOptions {
  /** Secret key: authenticates the verify calls (and M2M ones without a machine secret key). */
  secretKey?: string;
  /** Machine secret key: authenticates M2M verify calls, winning over `secretKey`. */
  machineSecretKey?: string;
  /** Backend API base URL. */
  apiUrl?: string;
  /** PEM public key for networkless JWT verification. */
  jwtKey?: string;
  /** Sent as `Clerk-API-Version`. */
  clerkApiVersion?: string;
  /** Accepted audiences of machine JWTs. */
  audience?: string | string[];
  /** Accepted `azp` values. */
  authorizedParties?: string[];
  /** Allowed clock drift in milliseconds. */
  clockSkewInMs?: number;
  /** The fetch used for verify calls. */
  fetch?: typeof fetch;
  /** Environment variables to read defaults from. */
  env?: Record<string, string | undefined>;
}

/** What a verified machine token says about its subject. */
export interface MachineTokenData {
  /** Token id. */
  id: string;
  /** `user_`, `org_` or `mch_` id the token acts for. */
  subject: string;
  /** Granted scopes. */
  scopes: string[];
  /** Custom claims, if any. */
  claims?: Record<string, unknown> | null;
  /** API-key name. */
  name?: string;
  /** OAuth client id. */
  clientId?: string;
}

/** Auth object of a machine-token request (current-clerk.md 5.5). */
export interface MachineAuthObject {
  /** Which kind of machine token. */
  tokenType: MachineTokenType;
  /** Token id, `null` when unauthenticated. */
  id: string | null;
  /** Token subject, `null` when unauthenticated. */
  subject: string | null;
  /** Granted scopes, `null` when unauthenticated. */
  scopes: string[] | null;
  /** Whether the token verified. */
  isAuthenticated: boolean;
  /** The raw token, or `null`. */
  getToken: () => Promise<string | null>;
  /** Always `false` for machine tokens. */
  has: () => false;
  /** Debug data. */
  debug: () => Record<string, unknown>;
  /** Per-type fields (`name`, `claims`, `userId`, `orgId`, `machineId`, `clientId`). */
  [field: string]: unknown;
}

/** Auth object of a request whose token kind was not accepted at all. */
export interface InvalidTokenAuthObject {
  /** Always `false`. */
  isAuthenticated: false;
  /** Always `null`. */
  tokenType: null;
  /** Resolves to `null`. */
  getToken: () => Promise<null>;
  /** Always `false`. */
  has: () => false;
  /** Always `{}`. */
  debug: () => Record<string, never>;
}

/** Verifies a machine token. Placeholder: always resolves to an `unexpected-error` result. */
export async function verifyMachineAuthToken(
  token: string,
  _options: MachineAuthOptions,
): Promise<
  | { data: MachineTokenData; tokenType: MachineTokenType; errors?: undefined }
  | { data?: undefined; tokenType: MachineTokenType; errors: [MachineTokenVerificationError] }
> {
  const tokenType = (machineTypeOf(token) ?? 'm2m_token') as MachineTokenType;
  return {
    tokenType,
    errors: [new MachineTokenVerificationError({ code: 'unexpected-error', message: 'Unexpected error' })],
  };
}

const typeFields = (tokenType: MachineTokenType, data: MachineTokenData | null) => {
  const subject = data?.subject ?? null;
  if (tokenType === 'api_key') {
    return {
      name: data?.name ?? null,
      claims: data?.claims ?? null,
      userId: subject?.startsWith('user_') ? subject : null,
      orgId: subject?.startsWith('org_') ? subject : null,
    };
  }
  if (tokenType === 'm2m_token') return { claims: data?.claims ?? null, machineId: subject };
  return { userId: subject, clientId: data?.clientId ?? null };
};

/** The auth object of a verified machine token. */
export function authenticatedMachineObject(
  tokenType: MachineTokenType,
  token: string,
  data: MachineTokenData,
  debug: () => Record<string, unknown> = () => ({}),
): MachineAuthObject {
  return {
    id: data.id,
    subject: data.subject,
    scopes: data.scopes,
    tokenType,
    ...typeFields(tokenType, data),
    isAuthenticated: true,
    getToken: () => Promise.resolve(token),
    has: () => false,
    debug,
  };
}

/** The auth object of a machine-token request that did not authenticate. */
export function unauthenticatedMachineObject(
  tokenType: MachineTokenType,
  debug: () => Record<string, unknown> = () => ({}),
): MachineAuthObject {
  return {
    id: null,
    subject: null,
    scopes: null,
    tokenType,
    ...typeFields(tokenType, null),
    isAuthenticated: false,
    getToken: () => Promise.resolve(null),
    has: () => false,
    debug,
  };
}

/** The auth object of a request whose token kind is not among the accepted ones. */
export function invalidTokenAuthObject(): InvalidTokenAuthObject {
  return {
    isAuthenticated: false,
    tokenType: null,
    getToken: () => Promise.resolve(null),
    has: () => false,
    debug: () => ({}),
  };
}
