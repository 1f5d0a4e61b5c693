const warned = new Set<string>();

/** Logs a deprecation once per process, the way 0.x did. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`Clerk - DEPRECATION WARNING: ${message}`);
}
