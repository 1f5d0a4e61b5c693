import type { JwksOptions } from './options';

/** The JWKS tuning of {@link JwksOptions}: every option but the injected `fetch`. */
export type JwksTuningOptions = Omit<JwksOptions, 'fetch'>;

// One entry per field: a field added to `JwksOptions` and not here (or a stray name) fails to compile. A plain
// literal, read only inside the function, so that bundles not using it drop it.
const NAMES: { [Name in keyof JwksTuningOptions]-?: true } = {
  jwksCacheTtlInMs: true,
  skipJwksCache: true,
  jwksRefetchCooldownInMs: true,
  jwksFetchTimeoutInMs: true,
  jwksFetchRetries: true,
  jwksRetryDelayInMs: true,
  jwksLoadTimeoutInMs: true,
  jwksMaxStaleInMs: true,
};

/**
 * Every {@link JwksTuningOptions} field of `call`, so that layers above pass them all through without a list of
 * their own. Each falls back to `instance`'s when `undefined` (`0` and `false` are honoured); every name is set
 * (maybe to `undefined`), so the result always has the same shape.
 */
export function pickJwksOptions(call: JwksTuningOptions, instance?: JwksTuningOptions): JwksTuningOptions {
  const picked: Record<string, unknown> = {};
  for (const name in NAMES) {
    const key = name as keyof JwksTuningOptions;
    picked[key] = call[key] ?? instance?.[key];
  }
  return picked as JwksTuningOptions;
}
