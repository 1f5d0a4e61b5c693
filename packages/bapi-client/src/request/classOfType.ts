import { resourceClasses } from '../generated/resources';
import type { ResourceClass } from './operation';

/** Each `object` type's class (the generator gives every type one class), built on first use. */
let classByType: Map<string, ResourceClass> | undefined;

/** The resource class of an `object` type; undefined for an unknown type or a non-string. */
export function classOfType(objectType: unknown): ResourceClass | undefined {
  if (typeof objectType !== 'string') return undefined;
  if (!classByType) {
    classByType = new Map();
    for (const resource of resourceClasses)
      for (const type of resource.objectTypes) classByType.set(type, resource);
  }
  return classByType.get(objectType);
}
