import { JWKS_DEFAULTS, readEnvironment } from '@clerk/jwks-resolver';
import type { MachineAuthOptions } from './types';

/** The Backend API of current Clerk (3.x), where the machine verify endpoints live. */
export const MACHINE_API_URL = 'https://api.clerk.com';

/** The options with every instance field as given, else from the `CLERK_*` environment, else its default. */
export interface ResolvedMachineOptions {
  secretKey: string | undefined;
  machineSecretKey: string | undefined;
  jwtKey: string | undefined;
  apiUrl: string;
  clockSkewInMs: number;
  cacheTtlInMs: number;
  fetchTimeoutInMs: number;
}

const DEFAULT_CACHE_TTL_IN_MS = 10_000;
const DEFAULT_CLOCK_SKEW_IN_MS = 5000;

/** The injected `env`, else `process.env` where a `process` exists (never on Workers). */
function machineSecretKeyOf(env: MachineAuthOptions['env']): string | undefined {
  const source = env ?? (globalThis as { process?: { env?: Record<string, unknown> } }).process?.env;
  const value = source?.CLERK_MACHINE_SECRET_KEY;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function resolveMachineOptions(options: MachineAuthOptions): ResolvedMachineOptions {
  const env = readEnvironment(options.env);
  const ttl = options.machineTokenCacheTtlInMs;
  return {
    secretKey: options.secretKey || env.secretKey || env.apiKey,
    machineSecretKey: options.machineSecretKey || machineSecretKeyOf(options.env),
    jwtKey: options.jwtKey || env.jwtKey,
    apiUrl: options.apiUrl || env.apiUrl || MACHINE_API_URL,
    clockSkewInMs: options.clockSkewInMs ?? DEFAULT_CLOCK_SKEW_IN_MS,
    cacheTtlInMs: ttl === undefined || Number.isNaN(ttl) ? DEFAULT_CACHE_TTL_IN_MS : Math.max(0, ttl),
    fetchTimeoutInMs: options.machineTokenFetchTimeoutInMs ?? JWKS_DEFAULTS.fetchTimeoutInMs,
  };
}
