/**
 * The 0.x key conversion (`snake-case` 3.x rules): split lower/digit->Upper and acronym->Word boundaries,
 * treat anything not an ASCII letter or digit as a separator, lowercase. A digit after a letter is not split.
 */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase();
}

/** Top-level keys only: metadata and other nested values are sent exactly as given. */
export function snakeCaseKeys(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) result[snakeCase(key)] = entry;
  return result;
}
