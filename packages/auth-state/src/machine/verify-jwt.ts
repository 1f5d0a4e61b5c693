import { M2M_TOKEN_CATEGORY, pickJwksOptions, resolveKey } from '@clerk/jwks-resolver';
import {
  assertClaims,
  decodeJwt,
  hasValidSignature,
  type Jwt,
  type JwtPayload,
  TokenVerificationError,
  TokenVerificationErrorReason,
} from '@clerk/jwt-core';
import { MachineTokenVerificationErrorCode as Code, machineError } from './errors';
import type { ResolvedMachineOptions } from './options';
import { isMachineSubject, isOAuthJwtType, OAUTH_JWT_TYPES } from './token-type';
import type { IdPOAuthAccessTokenData, M2MTokenData, MachineAuthOptions } from './types';

// Claims that are the token's own mechanics, not custom claims of an M2M token.
const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'exp', 'nbf', 'iat', 'jti']);

const verificationFailed = (message: string) => machineError(Code.TokenVerificationFailed, message);

/** A machine JWT decoded and sorted into its kind, before any key is looked up. */
export type DecodedMachineJwt = { kind: 'm2m_token' | 'oauth_token'; jwt: Jwt };

/**
 * Decodes the token and sorts it: `sub` `mch_…` is M2M, else it is taken for OAuth (the last kind tried, as
 * 3.x reports it). Throws `token-invalid` for an undecodable token.
 */
export function decodeMachineJwt(token: string): DecodedMachineJwt {
  try {
    const jwt = decodeJwt(token);
    return { kind: isMachineSubject(jwt.payload.sub) ? 'm2m_token' : 'oauth_token', jwt };
  } catch (error) {
    throw machineError(Code.TokenInvalid, error instanceof Error ? error.message : 'Invalid JWT');
  }
}

/** The header and category checks of 5.2, before any key lookup, so a token failing them costs no request. */
function assertMachineJwtShape({ kind, jwt }: DecodedMachineJwt): void {
  const { typ } = jwt.header;
  if (kind === 'm2m_token') {
    if (typ !== undefined && typ !== 'JWT')
      throw verificationFailed(`Invalid JWT type ${JSON.stringify(typ)}. Expected "JWT".`);
    const cat = jwt.header.cat; // a header parameter (current-clerk.md 1.1, 1.6)
    if (cat !== undefined && cat !== M2M_TOKEN_CATEGORY)
      throw machineError(Code.TokenInvalid, 'Invalid M2M JWT category.');
  } else if (!isOAuthJwtType(typ)) {
    throw verificationFailed(
      `Invalid JWT type: ${typeof typ === 'string' && typ ? typ : 'missing'}. Expected one of: ${OAUTH_JWT_TYPES.join(', ')} for OAuth, or sub starting with 'mch_' for M2M`,
    );
  }
}

function keyFailure(error: unknown): never {
  if (
    error instanceof TokenVerificationError &&
    error.reason === TokenVerificationErrorReason.JWKFailedToResolve
  )
    throw verificationFailed('Failed to resolve JWK during verification.');
  throw verificationFailed(error instanceof Error ? error.message : String(error));
}

/**
 * Verifies a machine JWT networklessly: the key from `jwtKey` / `CLERK_JWT_KEY`, else the instance JWKS loaded
 * with the secret key (never the machine key) through `@clerk/jwks-resolver`'s cache; then the signature,
 * then the claims (sub, aud, azp, exp/nbf/iat with skew).
 */
export async function verifyMachineJwt(
  token: string,
  decoded: DecodedMachineJwt,
  options: MachineAuthOptions,
  resolved: ResolvedMachineOptions,
): Promise<M2MTokenData | IdPOAuthAccessTokenData> {
  assertMachineJwtShape(decoded);
  const { kind, jwt } = decoded;
  // A local key needs no lookup (the resolver would return it as is); anything else goes through the JWKS cache.
  const key =
    resolved.jwtKey ??
    (await resolveKey(token, {
      ...pickJwksOptions(options),
      jwtKey: resolved.jwtKey,
      secretKey: resolved.secretKey,
      apiUrl: resolved.apiUrl,
      clerkApiVersion: options.clerkApiVersion,
      env: options.env,
      fetch: options.fetch,
    }).catch(keyFailure));

  let valid: boolean;
  try {
    valid = await hasValidSignature(jwt, key);
  } catch (error) {
    throw verificationFailed(error instanceof Error ? error.message : String(error));
  }
  if (!valid) throw verificationFailed('JWT signature is invalid.');

  const now = Date.now();
  try {
    assertClaims(jwt.payload, {
      audience: options.audience,
      authorizedParties: options.authorizedParties,
      skewInMs: resolved.clockSkewInMs,
      now,
    });
  } catch (error) {
    throw verificationFailed(error instanceof Error ? error.message : String(error));
  }
  return kind === 'm2m_token'
    ? m2mData(jwt.payload, resolved.clockSkewInMs, now)
    : oauthData(jwt.payload, resolved.clockSkewInMs, now);
}

const spaceSeparated = (value: unknown): string[] | undefined =>
  typeof value === 'string' ? value.split(' ').filter(Boolean) : undefined;

function times(payload: JwtPayload, skewInMs: number, now: number) {
  const expiration = payload.exp * 1000;
  const issuedAt = typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
  return {
    revoked: false,
    revocationReason: null,
    // Always false once the claims passed; kept so the data reads like a Backend API answer.
    expired: expiration <= now - skewInMs,
    expiration,
    createdAt: issuedAt,
    updatedAt: issuedAt,
  };
}

function m2mData(payload: JwtPayload, skewInMs: number, now: number): M2MTokenData {
  const custom: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload)) if (!REGISTERED_CLAIMS.has(name)) custom[name] = value;
  const audience = payload.aud === undefined ? undefined : ([] as unknown[]).concat(payload.aud);
  return {
    id: typeof payload.jti === 'string' ? payload.jti : '',
    subject: payload.sub,
    scopes:
      spaceSeparated(payload.scopes) ??
      audience?.filter((item): item is string => typeof item === 'string') ??
      [],
    claims: Object.keys(custom).length > 0 ? custom : null,
    ...times(payload, skewInMs, now),
  };
}

function oauthData(payload: JwtPayload, skewInMs: number, now: number): IdPOAuthAccessTokenData {
  const granted: unknown = payload.scp;
  const scp = Array.isArray(granted)
    ? granted.filter((item): item is string => typeof item === 'string')
    : spaceSeparated(granted);
  return {
    id: typeof payload.jti === 'string' ? payload.jti : '',
    clientId: typeof payload.client_id === 'string' ? payload.client_id : '',
    type: 'oauth_token',
    subject: payload.sub,
    scopes: scp ?? spaceSeparated(payload.scope) ?? [],
    ...times(payload, skewInMs, now),
  };
}
