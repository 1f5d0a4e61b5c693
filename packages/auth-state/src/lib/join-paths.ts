/** Joins URL parts, dropping empty ones and collapsing repeated `/` except right after a `:`. */
export function joinPaths(...parts: Array<string | null | undefined>): string {
  return parts
    .filter(part => part)
    .join('/')
    .replace(/(?<!:)\/{2,}/g, '/');
}
