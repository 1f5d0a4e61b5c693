import { paramInvalid, paramMissing, paramUnknown } from './api-error';

/** A parsed JSON request body. */
export type Body = Record<string, unknown>;

/** Rejects the first body key the endpoint does not accept, as the real API does. */
export function acceptOnly(body: Body, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw paramUnknown(key);
}

export function optionalString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw paramInvalid(name, 'must be a string');
  return value;
}

/** `undefined` when absent, `null` when explicitly cleared. */
export function nullableString(body: Body, name: string): string | null | undefined {
  if (body[name] === null) return null;
  return optionalString(body, name);
}

export function requiredString(body: Body, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === '') throw paramMissing(name);
  return value;
}

export function optionalBoolean(body: Body, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw paramInvalid(name, 'must be a boolean');
  return value;
}

export function optionalInteger(body: Body, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw paramInvalid(name, `must be an integer between ${min} and ${max}`);
  return value;
}

export function optionalObject(body: Body, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw paramInvalid(name, 'must be an object');
  return value as Record<string, unknown>;
}

/** A list field; a single string is accepted as a one-item list. */
export function optionalStringList(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every(item => typeof item === 'string'))
    throw paramInvalid(name, 'must be a list of strings');
  return list as string[];
}

export interface Page<T> {
  data: T[];
  totalCount: number;
}

/** Offset pagination with the spec's bounds: limit 1-500 (default 10), offset >= 0 (default 0). */
export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limit = integerQuery(query, 'limit', 10, 1, 500);
  const offset = integerQuery(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { data: items.slice(offset, offset + limit), totalCount: items.length };
}

function integerQuery(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw paramInvalid(name, `must be an integer between ${min} and ${max}`);
  return value;
}

/** `true`/`false` query flags; anything else is a 422, as in the spec's boolean parameters. */
export function booleanQuery(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  throw paramInvalid(name, 'must be true or false');
}

/** Sorts by `created_at` (the default, newest first) or `updated_at`; `+` ascending, `-` descending. */
export function orderBy<T extends { createdAt: number; updatedAt: number }>(
  items: T[],
  query: URLSearchParams,
): T[] {
  const raw = query.get('order_by') ?? '-created_at';
  const match = /^([+-]?)(created_at|updated_at)$/.exec(raw);
  if (!match)
    throw paramInvalid('order_by', 'must be created_at or updated_at, optionally prefixed by + or -');
  const field = match[2] === 'updated_at' ? 'updatedAt' : 'createdAt';
  const direction = match[1] === '+' ? 1 : -1;
  // Ties keep creation order in the requested direction (several records share one millisecond).
  const base = direction === 1 ? [...items] : [...items].reverse();
  return base.sort((a, b) => direction * (a[field] - b[field]));
}
