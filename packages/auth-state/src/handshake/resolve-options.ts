import { type JwksTuningOptions, pickJwksOptions, readEnvironment } from '@clerk/jwks-resolver';
import type { AuthStateApiClient } from '../api-client';
import type { AcceptsToken, CurrentAuthenticateOptions, OrganizationSyncOptions } from './options';

/** The Backend API of current Clerk (the 0.x form keeps `https://api.clerk.dev`). */
const CURRENT_API_URL = 'https://api.clerk.com';
const CURRENT_API_VERSION = 'v1';

/** The current form's options once merged: strings are `''` and flags `false` when unset. */
export interface ResolvedOptions extends JwksTuningOptions {
  secretKey: string;
  machineSecretKey: string;
  publishableKey: string;
  jwtKey: string;
  apiUrl: string;
  apiVersion: string;
  clerkApiVersion: string | undefined;
  domain: string;
  isSatellite: boolean;
  proxyUrl: string;
  signInUrl: string;
  signUpUrl: string;
  afterSignInUrl: string;
  afterSignUpUrl: string;
  satelliteAutoSync: boolean;
  organizationSyncOptions: OrganizationSyncOptions | undefined;
  acceptsToken: AcceptsToken;
  audience: string | string[] | undefined;
  authorizedParties: string[] | undefined;
  clockSkewInMs: number | undefined;
  env: Record<string, string | undefined> | undefined;
  fetch: typeof fetch | undefined;
  apiClient: AuthStateApiClient | undefined;
}

/** Instance values: the factory's build-time options, or the environment for a standalone call. */
export type CurrentInstance = CurrentAuthenticateOptions;

// A call without options resolves to the instance's values alone: merged once per instance (the factory's is
// built once and never changes) and shared by its requests, which only read it.
const resolvedInstances = new WeakMap<CurrentInstance, ResolvedOptions>();

/** The options of a call that passed none (frozen: shared by every such call). */
export const NO_CALL_OPTIONS: CurrentAuthenticateOptions = Object.freeze({});

/** No option at all: nothing own (enumerable or not) and a plain prototype, so that no value can come from it. */
const isEmptyCall = (call: CurrentAuthenticateOptions) =>
  call === NO_CALL_OPTIONS ||
  (Object.getPrototypeOf(call) === Object.prototype && Reflect.ownKeys(call).length === 0);

/**
 * A call value wins when truthy, else the instance's (current-clerk.md 8.1); the API location is always the
 * instance's when it has one. The result is shared between calls: never change it.
 */
export function resolveOptions(call: CurrentAuthenticateOptions, instance: CurrentInstance): ResolvedOptions {
  if (!isEmptyCall(call)) return merge(call, instance);
  let resolved = resolvedInstances.get(instance);
  if (!resolved) {
    resolved = merge(call, instance);
    resolvedInstances.set(instance, resolved);
  }
  return resolved;
}

function merge(call: CurrentAuthenticateOptions, instance: CurrentInstance): ResolvedOptions {
  return {
    secretKey: call.secretKey || instance.secretKey || '',
    machineSecretKey: call.machineSecretKey || instance.machineSecretKey || '',
    publishableKey: call.publishableKey || instance.publishableKey || '',
    jwtKey: call.jwtKey || instance.jwtKey || '',
    apiUrl: instance.apiUrl || call.apiUrl || CURRENT_API_URL,
    apiVersion: instance.apiVersion || call.apiVersion || CURRENT_API_VERSION,
    clerkApiVersion: call.clerkApiVersion || instance.clerkApiVersion,
    domain: call.domain || instance.domain || '',
    isSatellite: !!(call.isSatellite || instance.isSatellite),
    proxyUrl: call.proxyUrl || instance.proxyUrl || '',
    signInUrl: call.signInUrl || instance.signInUrl || '',
    signUpUrl: call.signUpUrl || instance.signUpUrl || '',
    afterSignInUrl: call.afterSignInUrl || instance.afterSignInUrl || '',
    afterSignUpUrl: call.afterSignUpUrl || instance.afterSignUpUrl || '',
    satelliteAutoSync: (call.satelliteAutoSync ?? instance.satelliteAutoSync) === true,
    organizationSyncOptions: call.organizationSyncOptions ?? instance.organizationSyncOptions,
    acceptsToken: call.acceptsToken ?? instance.acceptsToken ?? 'session_token',
    audience: call.audience || instance.audience || undefined,
    authorizedParties: call.authorizedParties ?? instance.authorizedParties,
    clockSkewInMs: call.clockSkewInMs ?? instance.clockSkewInMs,
    ...pickJwksOptions(call, instance),
    env: call.env ?? instance.env,
    fetch: call.fetch ?? instance.fetch,
    apiClient: call.apiClient ?? instance.apiClient,
  };
}

/**
 * The instance's Backend API URL for the current form: given, else `CLERK_API_URL`, else `undefined` so that
 * `resolveOptions` falls back to `https://api.clerk.com` (the 0.x instance defaults carry `https://api.clerk.dev`).
 */
export function currentApiUrl(options: { apiUrl?: string; env?: Record<string, string | undefined> }) {
  return options.apiUrl || readEnvironment(options.env).apiUrl || undefined;
}
