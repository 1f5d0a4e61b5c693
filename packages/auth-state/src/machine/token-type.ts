import { decodeJwt } from '@clerk/jwt-core';

/** What a bearer token is: a session JWT or one of the three machine kinds (current Clerk, 5.1). */
export type TokenType = 'session_token' | 'api_key' | 'm2m_token' | 'oauth_token';

/** The machine kinds of {@link TokenType}. */
export type MachineTokenType = Exclude<TokenType, 'session_token'>;

/** The `TokenType` strings by name. */
export const TokenType = {
  SessionToken: 'session_token',
  ApiKey: 'api_key',
  M2MToken: 'm2m_token',
  OAuthToken: 'oauth_token',
} as const satisfies Record<string, TokenType>;

const M2M_PREFIX = 'mt_';
const OAUTH_PREFIX = 'oat_';
const API_KEY_PREFIX = 'ak_';
const MACHINE_SUBJECT_PREFIX = 'mch_';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The `typ` header values of an RFC 9068 access token. */
export const OAUTH_JWT_TYPES = ['at+jwt', 'application/at+jwt'] as const;

export const isOAuthJwtType = (typ: unknown): boolean =>
  typeof typ === 'string' && (OAUTH_JWT_TYPES as readonly string[]).includes(typ);

export const isMachineSubject = (sub: unknown): boolean =>
  typeof sub === 'string' && sub.startsWith(MACHINE_SUBJECT_PREFIX);

/** The machine kind a JWT claims to be (M2M before OAuth), or `undefined`; never throws. */
function machineJwtType(token: string): MachineTokenType | undefined {
  if (!JWT_SHAPE.test(token)) return undefined;
  try {
    const { header, payload } = decodeJwt(token);
    if (isMachineSubject(payload.sub)) return 'm2m_token';
    if (isOAuthJwtType(header.typ)) return 'oauth_token';
  } catch {
    // Not decodable: not a machine JWT (a session-token verification will report why).
  }
  return undefined;
}

/** The machine kind of an opaque token by its prefix, or `undefined`. */
export function machineTokenTypeByPrefix(token: string): MachineTokenType | undefined {
  if (token.startsWith(M2M_PREFIX)) return 'm2m_token';
  if (token.startsWith(OAUTH_PREFIX)) return 'oauth_token';
  if (token.startsWith(API_KEY_PREFIX)) return 'api_key';
  return undefined;
}

function machineTokenTypeOf(token: unknown): MachineTokenType | undefined {
  if (typeof token !== 'string') return undefined;
  // Precedence of 5.1: M2M (prefix or JWT), then OAuth (prefix or JWT), then API key.
  const byPrefix = machineTokenTypeByPrefix(token);
  const byJwt = byPrefix ? undefined : machineJwtType(token);
  return byPrefix ?? byJwt;
}

/** Whether the token is an M2M token, an OAuth access token or an API key (opaque by prefix, or a machine JWT). */
export function isMachineToken(token: string): boolean {
  return machineTokenTypeOf(token) !== undefined;
}

/** The kind of a bearer token; anything that is not a machine token is a `session_token`. */
export function getTokenType(token: string): TokenType {
  return machineTokenTypeOf(token) ?? 'session_token';
}
