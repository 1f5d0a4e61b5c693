import { snakeCase } from './snakeCase';

const MISSING_ID = 'A valid resource ID is required.';

/** Joins with `/`, drops empty segments and collapses repeated slashes except right after `:`. */
export function joinUrl(...segments: Array<string | undefined>): string {
  return segments
    .filter(segment => segment)
    .join('/')
    .replace(/([^:]\/)\/+/g, '$1');
}

/**
 * Fills `{name}` placeholders (a `{`, one or more characters other than `}`, a `}`) in order, percent-encoded;
 * an empty id is a programmer error. A scan, not a replace with a callback: it runs on every call.
 */
export function fillPath(template: string, params: readonly string[]): string {
  let path = '';
  let copiedUpTo = 0;
  let index = 0;
  let open = template.indexOf('{');
  while (open !== -1) {
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    if (close === open + 1) {
      open = template.indexOf('{', close);
      continue;
    }
    const value = params[index++];
    if (typeof value !== 'string' || value === '') throw new Error(MISSING_ID);
    path += template.slice(copiedUpTo, open) + encodeURIComponent(value);
    copiedUpTo = close + 1;
    open = template.indexOf('{', copiedUpTo);
  }
  return copiedUpTo === 0 ? template : path + template.slice(copiedUpTo);
}

/** snake_case keys; arrays repeat the key (or join with commas); undefined and null are left out. */
export function buildQuery(input: unknown, commaSeparated: readonly string[] = []): string {
  if (!input || typeof input !== 'object') return '';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const name = snakeCase(key);
    if (Array.isArray(value)) {
      if (commaSeparated.includes(name)) query.append(name, value.join(','));
      else for (const item of value) query.append(name, String(item));
    } else {
      query.append(name, value instanceof Date ? value.toISOString() : String(value));
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
