import { API_URL, API_VERSION } from './constants';
import { type ClerkEnvironment, type EnvironmentVariables, readEnvironment } from './read-environment';

/** The instance options the environment can fill; `jwtKey` is left to the key resolver (`CLERK_JWT_KEY`). */
export type InstanceFields = Omit<ClerkEnvironment, 'jwtKey'>;

/**
 * The instance options, each as given (when truthy), else from the `CLERK_*` variables of `options.env` (else
 * `process.env`), else the 0.x factory default (`''`, `false`, `https://api.clerk.dev`, `v1`): the one order
 * (option > environment > default) every layer above uses, so that the Backend API client and request
 * authentication of one `Clerk()` always agree on the secret key. Every field has a value, so spreading the
 * result over the options never leaves an `undefined` where 0.x echoed a default.
 */
export function withEnvironmentDefaults(
  options: InstanceFields & {
    /** Where the `CLERK_*` variables are read from. Default: `process.env` when there is one. */
    env?: EnvironmentVariables;
  },
): Required<InstanceFields> {
  const env = readEnvironment(options.env);
  return {
    secretKey: options.secretKey || env.secretKey || '',
    apiKey: options.apiKey || env.apiKey || '',
    apiUrl: options.apiUrl || env.apiUrl || API_URL,
    apiVersion: options.apiVersion || env.apiVersion || API_VERSION,
    publishableKey: options.publishableKey || env.publishableKey || '',
    frontendApi: options.frontendApi || env.frontendApi || '',
    proxyUrl: options.proxyUrl || env.proxyUrl || '',
    domain: options.domain || env.domain || '',
    isSatellite: options.isSatellite || env.isSatellite || false,
  };
}
