// Small field rules the generated resource classes share.
export { deprecationWarning as deprecatedAccessorWarning } from './deprecationWarning';

/** A list of nested resources; anything that is not an array becomes `[]`. */
export function listOf<R>(value: unknown, fromJSON: (json: any) => R): R[] {
  return Array.isArray(value)
    ? value.filter(item => item && typeof item === 'object').map(item => fromJSON(item))
    : [];
}

/** A nested resource when the value is an object, else the value itself (null stays null). */
export function nestedOrSame<R>(value: any, fromJSON: (json: any) => R): R {
  return value && typeof value === 'object' ? fromJSON(value) : value;
}

/** A URL when the value parses as one, else null: a malformed URL must never fail a call. */
export function parseUrlLeniently(value: unknown): URL | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** `{}` when the key is absent; an explicit null is kept. */
export function emptyObjectWhenMissing<T>(value: T | undefined): T {
  return value === undefined ? ({} as T) : value;
}

export function nullWhenMissing<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function nullWhenEmpty<T>(value: T | undefined): T | null {
  return value === undefined || value === null || (value as unknown) === '' ? null : value;
}
