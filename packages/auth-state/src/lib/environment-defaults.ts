import { type ClerkEnvironment, readEnvironment } from '@clerk/jwks-resolver';

/** The instance options the environment can fill; `jwtKey` is left to the key resolver (`CLERK_JWT_KEY`). */
type InstanceFields = Omit<ClerkEnvironment, 'jwtKey'>;

/**
 * The instance options, each as given or else from the `CLERK_*` variables of `options.env` (else
 * `process.env`).
 */
export function withEnvironmentDefaults(
  options: InstanceFields & { env?: Record<string, string | undefined> },
): InstanceFields {
  const env = readEnvironment(options.env);
  return {
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
