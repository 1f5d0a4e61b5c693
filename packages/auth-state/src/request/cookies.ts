function decodeOnce(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // Malformed percent-encoding keeps the raw value instead of failing the request.
    return value;
  }
}

/** The value of the pair whose `=` is at `eq` and which ends at `end`: trimmed, unquoted, decoded once. */
function pairValue(header: string, eq: number, end: number): string {
  let value = header.slice(eq + 1, end).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return decodeOnce(value);
}

/**
 * Parses a `Cookie` header: `;`-separated pairs, split at their first `=`, the name trimmed (a pair without `=` is
 * skipped); the first occurrence of a name wins, quoted values are unquoted, values are percent-decoded once.
 * With `name`, only that cookie's value (or `undefined`), without building the map: the pass stops at the first
 * pair with that name. One pass with `indexOf`, no array of pairs (it runs on every request); `eq` is the next `=`
 * at or after `start`, so that the pass stays linear.
 */
export function parseCookieHeader(header: string | null | undefined): Map<string, string>;
export function parseCookieHeader(header: string | null | undefined, name: string): string | undefined;
export function parseCookieHeader(
  header: string | null | undefined,
  name?: string,
): Map<string, string> | string | undefined {
  const cookies = name === undefined ? new Map<string, string>() : undefined;
  let eq = -1;
  for (let start = 0; header && start <= header.length; ) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    if (eq < start) eq = header.indexOf('=', start);
    if (eq < 0) break;
    if (eq < end) {
      const pairName = header.slice(start, eq).trim();
      if (pairName === name) return pairValue(header, eq, end);
      if (pairName && !cookies?.has(pairName)) cookies?.set(pairName, pairValue(header, eq, end));
    }
    start = end + 1;
  }
  return cookies;
}
