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

// Whether a UTF-16 code unit is one that `String.prototype.trim` removes (`\s`): ASCII by hand, the rest by `\s`.
const isTrimmed = (code: number): boolean =>
  code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 128 && /\s/.test(String.fromCharCode(code));

/**
 * Reads the named cookies of a `Cookie` header in one pass: `;`-separated pairs, split at their first `=`, the
 * name trimmed as `String.prototype.trim` does (a pair without `=` or without a name is skipped); the first pair
 * with a name wins, a quoted value is unquoted, the value is percent-decoded once. The value of each name at its
 * index, `undefined` for a name with no pair. One pass with `indexOf`, no array of pairs (it runs on every
 * request; `eq` is the next `=` at or after `start`, so that the pass stays linear); pair names are compared in
 * place (no string per pair), and only these names' values are unquoted and decoded.
 */
export function parseCookies(
  header: string | null | undefined,
  names: readonly string[],
): (string | undefined)[] {
  const values = new Array<string | undefined>(names.length).fill(undefined);
  let eq = -1;
  for (let start = 0; header && start <= header.length; ) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    if (eq < start) eq = header.indexOf('=', start);
    if (eq < 0) break;
    if (eq < end) {
      // The pair's name is [from, to) once trimmed.
      let from = start;
      let to = eq;
      while (from < to && isTrimmed(header.charCodeAt(from))) from++;
      while (to > from && isTrimmed(header.charCodeAt(to - 1))) to--;
      // A pair without a name is no cookie, whatever the caller asks for.
      for (let index = 0; to > from && index < names.length; index++) {
        const name = names[index] as string;
        if (name.length === to - from && values[index] === undefined && header.startsWith(name, from)) {
          values[index] = pairValue(header, eq, end);
          break;
        }
      }
    }
    start = end + 1;
  }
  return values;
}
