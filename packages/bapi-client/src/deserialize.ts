import { classOfType } from './request/classOfType';
import { decodePayload } from './request/decodeResponse';

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
