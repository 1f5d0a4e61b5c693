const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A JS literal for any JSON value that is safe inside an inline `<script>`: nothing in it can close the
 * element, open a comment, or end a string early.
 */
export function scriptLiteral(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.replace(/[<>&\u2028\u2029]/g, char => UNSAFE_IN_SCRIPT[char]!);
}
