// The 0.x field conversions the generated resource constructors call (one small function each).

interface NestedClass<T> {
  fromJSON(json: any): T;
}

/**
 * A list of nested resources; anything that is not an array becomes `[]`, non-objects are dropped. Kept this
 * small so that the engine inlines it at every list field of a constructor: most lists are missing or empty.
 */
export function toList<T>(value: unknown, nested: NestedClass<T>): T[] {
  return Array.isArray(value) && value.length !== 0 ? listOf(value, nested) : [];
}

function listOf<T>(value: unknown[], nested: NestedClass<T>): T[] {
  // sized up front (a pushed-to array reserves 17 slots for its first item); cut only when items were dropped,
  // as setting `length` is a slow store. An indexed loop: a `for...of` made this too big to inline.
  const items = new Array<T>(value.length);
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    const item = value[index];
    if (item && typeof item === 'object') items[count++] = nested.fromJSON(item);
  }
  if (count < items.length) items.length = count;
  return items;
}

/** A nested resource when the value is an object, else the value itself (null stays null). */
export function toNested<T>(value: unknown, nested: NestedClass<T>): any {
  return value && typeof value === 'object' ? nested.fromJSON(value) : value;
}

/** A URL when the value parses as one, else null: a malformed URL must never fail a call. */
export function toUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** `{}` when the key is absent; an explicit null is kept. */
export function emptyObjectWhenMissing(value: unknown): any {
  return value === undefined ? {} : value;
}

export function nullWhenMissing(value: unknown): any {
  return value === undefined ? null : value;
}

export function nullWhenEmpty(value: unknown): any {
  return value === undefined || value === null || value === '' ? null : value;
}
