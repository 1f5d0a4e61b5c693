import { readEnvironment } from '@clerk/jwks-resolver';

interface EnvironmentDefaulted {
  secretKey?: string;
  apiKey?: string;
  apiUrl?: string;
  apiVersion?: string;
  publishableKey?: string;
  frontendApi?: string;
  proxyUrl?: string;
  domain?: string;
  isSatellite?: boolean;
  env?: Record<string, string | undefined>;
}

/**
 * Fills options that were not given from the `CLERK_*` variables of `options.env` (else `process.env`).
 * `jwtKey` is not filled here: the key resolver reads `CLERK_JWT_KEY` itself.
 */
export function withEnvironmentDefaults<T extends EnvironmentDefaulted>(options: T): T {
  const env = readEnvironment(options.env);
  return {
    ...options,
    secretKey: options.secretKey || env.secretKey,
    apiKey: options.apiKey || env.apiKey,
    apiUrl: options.apiUrl || env.apiUrl,
    apiVersion: options.apiVersion || env.apiVersion,
    publishableKey: options.publishableKey || env.publishableKey,
    frontendApi: options.frontendApi || env.frontendApi,
    proxyUrl: options.proxyUrl || env.proxyUrl,
    domain: options.domain || env.domain,
    isSatellite: options.isSatellite || env.isSatellite,
  };
}
