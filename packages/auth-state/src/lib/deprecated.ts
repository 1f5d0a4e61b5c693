import { warnOnce } from '@clerk/jwt-core';

/** Logs the 0.x deprecation warning for `name` once per process. */
export function deprecated(name: string, hint: string): void {
  warnOnce(name, `"${name}" is deprecated and will be removed in the next major release.\n${hint}`);
}
