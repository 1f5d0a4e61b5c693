import { type JwksTuningOptions, type VerifyTokenOptions, verifyToken } from '@clerk/jwks-resolver';
import type { JwtPayload } from '@clerk/jwt-core';
import type { NormalizedOptions } from './options';

// The default issuer check: Clerk's own frontend API hosts. A missing `iss` fails like a foreign one.
const isClerkIssuer = (iss: string | undefined): boolean =>
  typeof iss === 'string' && (iss.startsWith('https://clerk.') || iss.includes('.clerk.accounts'));

/** Satellites skip the issuer check; a proxy must be the issuer; otherwise a Clerk frontend API. */
function issuerFor(options: NormalizedOptions): string | ((iss: string) => boolean) | null {
  if (options.isSatellite) return null;
  if (options.proxyUrl) return options.proxyUrl;
  return isClerkIssuer;
}

/** Verifies a session token with the merged options and the issuer the instance setup calls for. */
export function verifySessionToken(token: string, options: NormalizedOptions): Promise<JwtPayload> {
  // No spread (see readRequest): the JWKS tuning is written out, `satisfies` keeps the list complete.
  return verifyToken(token, {
    jwksCacheTtlInMs: options.jwksCacheTtlInMs,
    skipJwksCache: options.skipJwksCache,
    jwksRefetchCooldownInMs: options.jwksRefetchCooldownInMs,
    jwksFetchTimeoutInMs: options.jwksFetchTimeoutInMs,
    jwksFetchRetries: options.jwksFetchRetries,
    jwksRetryDelayInMs: options.jwksRetryDelayInMs,
    jwksLoadTimeoutInMs: options.jwksLoadTimeoutInMs,
    jwksMaxStaleInMs: options.jwksMaxStaleInMs,
    jwtKey: options.jwtKey,
    secretKey: options.secretKey,
    apiUrl: options.apiUrl,
    apiVersion: options.apiVersion,
    clerkApiVersion: options.clerkApiVersion,
    issuer: issuerFor(options),
    audience: options.audience,
    authorizedParties: options.authorizedParties,
    clockSkewInMs: options.clockSkewInMs,
    clockSkewInSeconds: options.clockSkewInSeconds,
    proxyUrl: options.isSatellite ? undefined : options.proxyUrl,
    env: options.env,
    fetch: options.fetch,
  } satisfies VerifyTokenOptions & Required<Record<keyof JwksTuningOptions, unknown>>);
}
