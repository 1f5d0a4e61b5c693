import { isPlainObject } from './isPlainObject';
import type { ResourceClass } from './operation';

type ConvertItem = (item: unknown) => unknown;

/**
 * The 0.x deserializer walk: a bare array, a `{ data: [...], total_count }` page, or one item.
 * The page's `total_count` is returned beside the items. `listKey` names the page's list where it is not `data`.
 */
export function decodePayload(
  payload: unknown,
  convertItem: ConvertItem,
  listKey = 'data',
): { data: unknown; totalCount?: number } {
  if (Array.isArray(payload)) return { data: payload.map(convertItem) };
  if (isPlainObject(payload) && Array.isArray(payload[listKey])) {
    const data = (payload[listKey] as unknown[]).map(convertItem);
    return typeof payload.total_count === 'number' ? { data, totalCount: payload.total_count } : { data };
  }
  return { data: convertItem(payload) };
}

/**
 * One item: strings pass through; `{object, deleted}` is a deleted object; a `total_count` object is its
 * number; an item of the resource's type becomes that class; anything else stays plain JSON.
 */
export function convertItem(
  item: unknown,
  resourceFor: (objectType: unknown) => ResourceClass | undefined,
  deletedObject: ResourceClass,
): unknown {
  if (!isPlainObject(item)) return item;
  if ('object' in item && 'deleted' in item) return deletedObject.fromJSON(item);
  if (item.object === 'total_count') return item.total_count;
  const resource = resourceFor(item.object);
  return resource ? resource.fromJSON(item) : item;
}
