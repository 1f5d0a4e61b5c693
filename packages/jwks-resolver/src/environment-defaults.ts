import { type ClerkEnvironment, type EnvironmentVariables, readEnvironment } from './read-environment';

/** The instance options the environment can fill; `jwtKey` is left to the key resolver (`CLERK_JWT_KEY`). */
export type InstanceFields = Omit<ClerkEnvironment, 'jwtKey'>;

/**
 * The instance options, each as given or else from the `CLERK_*` variables of `options.env` (else
 * `process.env`): the one order (option > environment) every layer above uses, so that the Backend API client
 * and request authentication of one `Clerk()` always agree on the secret key.
 */
export function withEnvironmentDefaults(
  options: InstanceFields & { env?: EnvironmentVariables },
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
