import { resourceByObjectType } from './generated/objectTypes';
import { DeletedObject } from './generated/resources';
import { convertItem, decodePayload } from './request/decodeResponse';
import type { ResourceClass } from './request/operation';

/**
 * The 0.x deserializer: resource instances by their `object` type, lists and `{ data, total_count }` pages
 * as arrays (the count dropped, as in 0.x), `DeletedObject`, `total_count` as its number, unknown types as
 * plain JSON. Unlike 0.x it never throws.
 */
export function deserialize<T = unknown>(payload: unknown): T {
  const resourceFor = (objectType: unknown) =>
    typeof objectType === 'string' && Object.hasOwn(resourceByObjectType, objectType)
      ? (resourceByObjectType[objectType as keyof typeof resourceByObjectType] as ResourceClass)
      : undefined;
  try {
    return decodePayload(payload, item => convertItem(item, resourceFor, DeletedObject)).data as T;
  } catch {
    return payload as T;
  }
}
