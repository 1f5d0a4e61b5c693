import { resourceClasses } from './generated/resources';
import { decodePayload } from './request/decodeResponse';
import type { ResourceClass } from './request/operation';

/** Each `object` type's class (the generator gives every type one class), built on first use. */
let classByType: Map<string, ResourceClass> | undefined;

function classOfType(objectType: unknown): ResourceClass | undefined {
  if (typeof objectType !== 'string') return undefined;
  if (!classByType) {
    classByType = new Map();
    for (const resource of resourceClasses)
      for (const type of resource.objectTypes) classByType.set(type, resource);
  }
  return classByType.get(objectType);
}

/**
 * The 0.x deserializer: resource instances by their `object` type, lists and `{ data, total_count }` pages
 * as arrays (the count dropped, as in 0.x), `DeletedObject`, `total_count` as its number, unknown types as
 * plain JSON. Unlike 0.x it never throws.
 */
export function deserialize<T = unknown>(payload: unknown): T {
  try {
    return decodePayload(payload, classOfType).data as T;
  } catch {
    return payload as T;
  }
}
