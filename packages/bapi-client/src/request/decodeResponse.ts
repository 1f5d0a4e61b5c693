import { DeletedObject } from '../generated/resources';
import { isPlainObject } from './isPlainObject';
import type { ResourceClass } from './operation';

/** The class an item of the given `object` type becomes; undefined: it stays plain JSON. */
export type ResourceFor = (objectType: unknown) => ResourceClass | undefined;

/**
 * The 0.x deserializer walk: a bare array, a `{ data: [...], total_count }` page, or one item.
 * The page's `total_count` is returned beside the items. `listKey` names the page's list where it is not `data`.
 */
export function decodePayload(
  payload: unknown,
  resourceFor: ResourceFor,
  listKey = 'data',
): { data: unknown; totalCount?: number } {
  // no closure on the one-item path: when the engine does not inline this function, a closure made up front
  // was allocated on every call (about an eighth of a User's instructions)
  if (Array.isArray(payload)) return { data: payload.map(item => convertItem(item, resourceFor)) };
  if (isPlainObject(payload) && Array.isArray(payload[listKey])) {
    const data = (payload[listKey] as unknown[]).map(item => convertItem(item, resourceFor));
    return typeof payload.total_count === 'number' ? { data, totalCount: payload.total_count } : { data };
  }
  return { data: convertItem(payload, resourceFor) };
}

/**
 * One item: strings pass through; `{object, deleted}` is a deleted object; a `total_count` object is its
 * number; an item of the resource's type becomes that class; anything else stays plain JSON.
 */
export function convertItem(item: unknown, resourceFor: ResourceFor): unknown {
  if (!isPlainObject(item)) return item;
  if ('object' in item && 'deleted' in item) return (DeletedObject as ResourceClass).fromJSON(item);
  if (item.object === 'total_count') return item.total_count;
  const resource = resourceFor(item.object);
  return resource ? resource.fromJSON(item) : item;
}
