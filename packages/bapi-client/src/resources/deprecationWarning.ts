const warned = new Set<string>();

/** The 0.x warning text, at most once per name per process, and never under NODE_ENV test or production. */
export function deprecationWarning(name: string, hint: string): void {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.NODE_ENV;
  if (environment === 'test' || environment === 'production' || warned.has(name)) return;
  warned.add(name);
  console.warn(
    `Clerk - DEPRECATION WARNING: "${name}" is deprecated and will be removed in the next major release.\n${hint}`,
  );
}
