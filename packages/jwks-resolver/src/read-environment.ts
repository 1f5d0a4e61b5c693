/** Environment variables as a plain object: `process.env`, or the `env` a Worker receives. */
export type EnvironmentVariables = Readonly<Record<string, unknown>>;

/** The `CLERK_*` variables this SDK reads; every field is `undefined` when unset or empty. */
export interface ClerkEnvironment {
  /** `CLERK_SECRET_KEY` */
  secretKey?: string;
  /** `CLERK_API_KEY`, the deprecated name of the secret key. */
  apiKey?: string;
  /** `CLERK_JWT_KEY`, the instance's PEM public key. */
  jwtKey?: string;
  /** `CLERK_API_URL` */
  apiUrl?: string;
  /** `CLERK_API_VERSION` */
  apiVersion?: string;
  /** `CLERK_PUBLISHABLE_KEY` */
  publishableKey?: string;
  /** `CLERK_FRONTEND_API` */
  frontendApi?: string;
  /** `CLERK_PROXY_URL` */
  proxyUrl?: string;
  /** `CLERK_DOMAIN` */
  domain?: string;
  /** `CLERK_IS_SATELLITE`: `true` for the string `true`, `false` for `false`, else `undefined`. */
  isSatellite?: boolean;
}

/** The injected object if given, else `process.env` where a `process` exists (never on Workers). */
export function environmentOf(env?: EnvironmentVariables): EnvironmentVariables | undefined {
  return env ?? (globalThis as { process?: { env?: EnvironmentVariables } }).process?.env;
}

/** One variable as a non-empty string, else `undefined` (Worker bindings that are not strings are ignored). */
export function readVariable(env: EnvironmentVariables | undefined, name: string): string | undefined {
  const value = env?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readFlag(env: EnvironmentVariables | undefined, name: string): boolean | undefined {
  const value = readVariable(env, name);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Reads the `CLERK_*` variables from `env` when it is given (it then replaces `process.env` entirely, so a
 * tenant's injected environment never mixes with the process's), else from `process.env` where it exists.
 */
export function readEnvironment(env?: EnvironmentVariables): ClerkEnvironment {
  const source = environmentOf(env);
  return {
    secretKey: readVariable(source, 'CLERK_SECRET_KEY'),
    apiKey: readVariable(source, 'CLERK_API_KEY'),
    jwtKey: readVariable(source, 'CLERK_JWT_KEY'),
    apiUrl: readVariable(source, 'CLERK_API_URL'),
    apiVersion: readVariable(source, 'CLERK_API_VERSION'),
    publishableKey: readVariable(source, 'CLERK_PUBLISHABLE_KEY'),
    frontendApi: readVariable(source, 'CLERK_FRONTEND_API'),
    proxyUrl: readVariable(source, 'CLERK_PROXY_URL'),
    domain: readVariable(source, 'CLERK_DOMAIN'),
    isSatellite: readFlag(source, 'CLERK_IS_SATELLITE'),
  };
}
