import { snakeCase } from './snakeCase';

const MISSING_ID = 'A valid resource ID is required.';

/** Joins with `/`, drops empty segments and collapses repeated slashes except right after `:`. */
export function joinUrl(...segments: Array<string | undefined>): string {
  return segments
    .filter(segment => segment)
    .join('/')
    .replace(/([^:]\/)\/+/g, '$1');
}

/** Fills `{name}` placeholders in order, percent-encoded; an empty id is a programmer error. */
export function fillPath(template: string, params: readonly string[]): string {
  let index = 0;
  return template.replace(/\{[^}]+\}/g, () => {
    const value = params[index++];
    if (typeof value !== 'string' || value === '') throw new Error(MISSING_ID);
    return encodeURIComponent(value);
  });
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
