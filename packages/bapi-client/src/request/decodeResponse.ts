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
  if (Array.isArray(payload)) return { data: convertItems(payload, resourceFor) };
  const list = isPlainObject(payload) ? payload[listKey] : undefined;
  if (Array.isArray(list)) {
    const data = convertItems(list, resourceFor);
    const totalCount = (payload as Record<string, unknown>).total_count;
    return typeof totalCount === 'number' ? { data, totalCount } : { data };
  }
  return { data: convertItem(payload, resourceFor) };
}

function convertItems(items: unknown[], resourceFor: ResourceFor): unknown[] {
  const converted = new Array<unknown>(items.length);
  for (let index = 0; index < items.length; index++)
    converted[index] = convertItem(items[index], resourceFor);
  return converted;
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
