import { decodeJwt, type JwtPayload, verifyJwt } from '@clerk/jwt-core';
import type { InstanceContext } from '../api/router';

/** The payload of a token this instance signed (any published key) and that is still valid, else null. */
export async function verifyInstanceToken(ctx: InstanceContext, token: string): Promise<JwtPayload | null> {
  try {
    const { header } = decodeJwt(token);
    const key = ctx.keys.jwks().keys.find(candidate => candidate.kid === header.kid);
    if (!key) return null;
    return await verifyJwt(token, { key, issuer: ctx.issuer });
  } catch {
    return null;
  }
}
