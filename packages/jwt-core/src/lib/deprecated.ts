const warned = new Set<string>();

/**
 * The 0.x deprecation warning for `name`: printed at most once per name per process, and never under
 * `NODE_ENV` `test` or `production`. Every package of the SDK warns through this one function.
 */
export function deprecated(name: string, hint: string): void {
  const mode = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.NODE_ENV;
  if (mode === 'test' || mode === 'production' || warned.has(name)) return;
  warned.add(name);
  console.warn(
    `Clerk - DEPRECATION WARNING: "${name}" is deprecated and will be removed in the next major release.\n${hint}`,
  );
}
