import type { ForVersion } from '../generated/versions';

/**
 * The body keys that version `V` no longer accepts, from a generated `...ByVersion` type: keys of the
 * default (unpinned) body that `V`'s body lacks. A 0.x params type minus these is its type for `V`.
 */
export type RemovedIn<M extends { default: unknown }, V> = Exclude<
  keyof M['default'],
  keyof ForVersion<M, V>
>;

/** `T` itself when nothing is removed (so a 0.x union type stays exact), else each member of `T` without `K`. */
export type WithoutKeys<T, K extends PropertyKey> = [K] extends [never]
  ? T
  : T extends unknown
    ? Omit<T, K>
    : never;
