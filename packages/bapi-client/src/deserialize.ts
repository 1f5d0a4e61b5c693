import { resourceByObjectType } from './generated/objectTypes';
import { decodePayload } from './request/decodeResponse';
import type { ResourceClass } from './request/operation';

/** `resourceByObjectType` as a Map (one hash lookup per item, no prototype keys), built on first use. */
let classByType: Map<string, ResourceClass> | undefined;

function classOfType(objectType: unknown): ResourceClass | undefined {
  if (typeof objectType !== 'string') return undefined;
  classByType ??= new Map(Object.entries(resourceByObjectType));
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
