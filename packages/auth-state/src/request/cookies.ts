function decodeOnce(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // Malformed percent-encoding keeps the raw value instead of failing the request.
    return value;
  }
}

/**
 * Parses a `Cookie` header: `;`-separated pairs, the first occurrence of a name wins, quoted values are
 * unquoted, values are percent-decoded once. A pair without `=` is skipped. With `only`, just those names are
 * kept, and the pass stops once each has been found. One pass with `indexOf`, no array of pairs (it runs on
 * every request); `eq` is the next `=` at or after `start`, so that the pass stays linear.
 */
export function parseCookieHeader(
  header: string | null | undefined,
  only?: readonly string[],
): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  let eq = -1;
  for (let start = 0; start <= header.length; ) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    if (eq < start) eq = header.indexOf('=', start);
    if (eq < 0) break;
    if (eq < end) {
      const name = header.slice(start, eq).trim();
      if (name && !cookies.has(name) && (!only || only.includes(name))) {
        let value = header.slice(eq + 1, end).trim();
        if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
        cookies.set(name, decodeOnce(value));
        if (only && cookies.size === only.length) break;
      }
    }
    start = end + 1;
  }
  return cookies;
}
